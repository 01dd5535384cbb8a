package dev.footprint.bench.model;

import static dev.footprint.bench.model.Fixtures.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.TargetResult;

class LimitCheckTest {

    /** The run the limit was sized from: its repetitions at 256 MiB served / at 2000 req/s, on a faster hour of the host. */
    private static TargetResult measured() {
        return Fixtures.target("jlink", TargetKind.variant, List.of(Fixtures.rep(1, 50, 90, 2000)));
    }

    /** The runs at 256 MiB before and after the check: / at 1000 and 1200 req/s (mean 1100), /work at 2000. */
    private static final List<Repetition> BESIDE = List.of(Fixtures.rep(1, 50, 90, 1000), Fixtures.rep(2, 50, 90, 1200));

    /** A repetition at the checked limit: / at {@code rps} on both connection counts, /work at {@code workRps}. */
    private static Repetition at(double rps, double workRps) {
        List<PhaseResult> phases = new ArrayList<>();
        for (Phase p : Phase.LOADED) {
            double r = p == Phase.work ? workRps : rps;
            phases.add(new PhaseResult(p, 10, MIB, MIB, MIB, MIB, MIB, MIB, 10,
                    new LoadResult((long) r * 10, 10, r, 1, 5, 0, 0, null, 50.0, 5.0)));
        }
        return new Repetition(1, 500, 400, 0, false, true, phases, List.of(), List.of());
    }

    @Test
    void fullSpeedAtTheLimitPassesAndSaysEachPhasesShareOfTheRunsBesideIt() {
        LimitCheck.Result r = LimitCheck.judge(measured(), 192 * MIB, at(1045, 1900), BESIDE);
        assertTrue(r.pass(), r.why());
        assertEquals("20260101-000000", r.run());
        assertEquals(1100, r.referenceRequestsPerSecond().get(Phase.c200), 1e-9);
        assertEquals("passed: c50 95%, c200 95%, work 95% of 256 MiB", r.summary());
    }

    @Test
    void aPhaseBelowNinetyPercentAndBelowTheSlowestReferenceFails() {
        // 0.9 x 1100 = 990 and the slower run beside it 1000: 900 is below both
        LimitCheck.Result r = LimitCheck.judge(measured(), 160 * MIB, at(900, 2000), BESIDE);
        assertFalse(r.pass());
        assertTrue(r.summary().startsWith("failed, c50: 900 req/s, 82% of the median 1100 at 256 MiB: c50 82%, c200 82%, work 100%"),
                r.summary());
    }

    @Test
    void aSecondRunAfterOneSlowOnReqPerSecondDecidesAndTheSummarySaysSo() {
        LimitCheck.Result first = LimitCheck.judge(measured(), 160 * MIB, at(900, 2000), BESIDE);
        LimitCheck.Result second = LimitCheck.judge(measured(), 160 * MIB, at(1045, 1900), BESIDE).after(first);
        assertTrue(second.pass());
        assertEquals(first.why(), second.firstTry());
        assertEquals("passed: c50 95%, c200 95%, work 95% of 256 MiB (a second run; the first was slow: " + first.why() + ")",
                second.summary());
    }

    @Test
    void aCheckWhoseRunBrokeFailsAndSaysWhy() {
        LimitCheck.Result r = LimitCheck.failed(measured(), 160 * MIB, "OOM killed");
        assertFalse(r.pass());
        assertEquals("failed, OOM killed", r.summary());
    }
}
