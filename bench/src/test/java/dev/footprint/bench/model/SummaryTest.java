package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Stat;

class SummaryTest {

    @Test
    void medianMinMaxOverRepetitions() {
        List<Repetition> reps = List.of(Fixtures.rep(1, 30, 40, 1000), Fixtures.rep(2, 10, 50, 3000), Fixtures.rep(3, 20, 45, 2000));
        Map<Metric, Stat> s = Summary.of(reps);
        assertEquals(new Stat(20, 10, 30), s.get(Metric.idleMiB));
        assertEquals(new Stat(45, 40, 50), s.get(Metric.peak200MiB));
        // c50's working-set max is peak - 1 in the fixture
        assertEquals(new Stat(44, 39, 49), s.get(Metric.peak50MiB));
        assertEquals(new Stat(2000, 1000, 3000), s.get(Metric.rps_c50));
        assertEquals(new Stat(502, 501, 503), s.get(Metric.startupMs));
        // (2 errors + 1 non-2xx) in c200 of each repetition
        assertEquals(2, s.get(Metric.errors).median());
        assertEquals(1, s.get(Metric.non2xx).median());
        assertEquals(2000 / 44.0, s.get(Metric.rpsPerMiB).median(), 1e-9);
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertEquals(new Stat(2.5, 1, 4), Summary.stat(new double[] { 4, 1, 3, 2 }));
    }

    @Test
    void aMissingPhaseLeavesItsFiguresOut() {
        Repetition r = Fixtures.rep(1, 10, 20, 100);
        Repetition withoutWork = new Repetition(1, r.startupMs(), r.readyAfterProcessStartMs(), 0, false, true,
                r.phases().stream().filter(p -> p.phase() != Phase.work).toList(), r.sampleFields(), r.samples());
        Map<Metric, Stat> s = Summary.of(List.of(withoutWork));
        assertFalse(s.containsKey(Metric.rps_work));
        assertFalse(s.containsKey(Metric.workPeakMiB));
        assertEquals(10, s.get(Metric.idleMiB).median());
        assertFalse(s.containsKey(Metric.rps_warmup) || s.containsKey(Metric.warmupPeakMiB), "a run without a warm-up has no warm-up figure");
    }

    @Test
    void theWarmUpsReqPerSecondIsKeptApartFromC50s() {
        Repetition r = Fixtures.rep(1, 10, 20, 100);
        List<PhaseResult> phases = new java.util.ArrayList<>(r.phases());
        phases.add(1, new PhaseResult(Phase.warmup, 15, 12 * Fixtures.MIB, 25 * Fixtures.MIB, 25 * Fixtures.MIB, 0, 0, 0, 20,
                new LoadResult(600, 15, 40, 1, 5, 0, 0, null, 9.0, 5.0)));
        Map<Metric, Stat> s = Summary.of(List.of(new Repetition(1, r.startupMs(), r.readyAfterProcessStartMs(), 0, false, true,
                phases, r.sampleFields(), r.samples())));
        assertEquals(40, s.get(Metric.rps_warmup).median());
        assertEquals(100, s.get(Metric.rps_c50).median());
        assertEquals(19, s.get(Metric.peak50MiB).median(), "peak at 50 connections is c50's own");
        assertEquals(25, s.get(Metric.warmupPeakMiB).median(), "the warm-up's peak is kept on its own");
    }
}
