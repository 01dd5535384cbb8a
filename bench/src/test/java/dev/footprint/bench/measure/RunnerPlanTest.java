package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Settings;

/** Which phases a repetition plans, by its phase set. */
class RunnerPlanTest {

    private static final long MIB = 1L << 20;

    private static Settings settings(PhaseSet phases) {
        return new Settings(256 * MIB, 1, 3, 10, 15, 10_000, 10, 100, false, Results.PageCache.cold, "1", "0", 120, 600,
                List.of(), 15, 15, phases, 0.1);
    }

    @Test
    void aFixedRateRunPlansOnlyIdleTheOpenLoopPhasesAndTheCoolDown() {
        // idle 10 + three open-loop phases of 15 s after their 5 s at the rate + cool-down 10
        assertEquals(10 + 3 * (15 + 5) + 10, Runner.plannedSeconds(settings(PhaseSet.fixedRate), true));
        // every phase: + warm-up 15, c50 and c200 15 each, /work's usual 10
        assertEquals(10 + 15 + 15 + 15 + 10 + 3 * (15 + 5) + 10, Runner.plannedSeconds(settings(PhaseSet.all), true));
        for (Phase p : Phase.CLOSED_LOOP) {
            assertFalse(PhaseSet.fixedRate.runs(p), p.name());
            assertTrue(PhaseSet.all.runs(p), p.name());
        }
        assertTrue(Phase.FIXED_RATE.stream().allMatch(PhaseSet.fixedRate::runs));
        assertEquals(20, settings(PhaseSet.fixedRate).perSecond(Phase.workRate), 1e-9, "200 req/s at a scale of 0.1");
    }
}
