package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.NeededLimit.Verdict;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;

class NeededLimitTest {

    private static final long MIB = NeededLimit.MIB;

    @Test
    void gridIsEvery2MiBTo64ThenEvery8ToTheReference() {
        List<Long> g = NeededLimit.grid(8 * MIB, 256 * MIB);
        assertEquals(8 * MIB, g.get(0));
        assertEquals(10 * MIB, g.get(1));
        assertTrue(g.contains(64 * MIB));
        assertFalse(g.contains(66 * MIB));
        assertEquals(72 * MIB, g.get(g.indexOf(64 * MIB) + 1));
        assertEquals(256 * MIB, g.get(g.size() - 1));
        assertEquals(29 + 24, g.size());
        // an odd floor starts on the next even MiB; a reference off the grid is still its top
        assertEquals(10 * MIB, NeededLimit.grid(9 * MIB, 100 * MIB).get(0));
        assertEquals(100 * MIB, NeededLimit.grid(9 * MIB, 100 * MIB).get(NeededLimit.grid(9 * MIB, 100 * MIB).size() - 1));
    }

    @Test
    void bisectionFindsTheSmallestPassingLimitAndRecordsEveryProbe() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> probes = new ArrayList<>();
        int found = NeededLimit.bisect(grid, l -> probe(l, l >= 50 * MIB), probes);
        assertEquals(50 * MIB, grid.get(found));
        assertTrue(probes.size() <= 6, "log2 of 53 grid points: " + probes.size());
        assertTrue(probes.stream().anyMatch(p -> p.limitBytes() == 50 * MIB && p.pass()));
        assertTrue(probes.stream().anyMatch(p -> p.limitBytes() == 48 * MIB && !p.pass()), "the limit below is proved to fail");
    }

    @Test
    void aRightGuessCostsTwoProbesAndAnyGuessEndsWhereTheBisectionDoes() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> right = new ArrayList<>();
        assertEquals(grid.indexOf(50 * MIB), NeededLimit.bisect(grid, l -> probe(l, l >= 50 * MIB), right, grid.indexOf(50 * MIB)));
        assertEquals(List.of(50 * MIB, 48 * MIB), right.stream().map(Probe::limitBytes).toList());
        for (int needed = 0; needed < grid.size(); needed++) {
            long n = grid.get(needed);
            int plain = NeededLimit.bisect(grid, l -> probe(l, l >= n), new ArrayList<>());
            for (int guess = -1; guess <= grid.size(); guess++) {
                List<Probe> probes = new ArrayList<>();
                assertEquals(plain, NeededLimit.bisect(grid, l -> probe(l, l >= n), probes, guess), "needed " + n + ", guess " + guess);
                assertTrue(probes.size() <= 8, "two guesses and a bisection of what is left: " + probes.size());
            }
        }
    }

    @Test
    void aGuessStartsAtTheSmallestGridLimitAtOrAboveItAndNeverAtTheTop() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        assertEquals(grid.indexOf(72 * MIB), NeededLimit.guessIndex(grid, 66 * MIB));
        assertEquals(grid.indexOf(64 * MIB), NeededLimit.guessIndex(grid, 64 * MIB));
        assertEquals(0, NeededLimit.guessIndex(grid, MIB));
        assertEquals(-1, NeededLimit.guessIndex(grid, 0));
        assertEquals(-1, NeededLimit.guessIndex(grid, 256 * MIB)); // the top passes by definition: nothing to probe
        assertEquals(-1, NeededLimit.guessIndex(grid, 250 * MIB));
        assertEquals(-1, NeededLimit.guessIndex(grid, 300 * MIB));
    }

    @Test
    void aTargetThatFailsEverywhereBelowTheReferenceEndsAtTheReference() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> probes = new ArrayList<>();
        assertEquals(grid.size() - 1, NeededLimit.bisect(grid, l -> probe(l, false), probes));
        assertTrue(probes.stream().anyMatch(p -> p.limitBytes() == 248 * MIB));
    }

    @Test
    void confirmationStepsUpUntilEveryRepetitionPasses() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> runs = new ArrayList<>();
        // the short probes passed at 50, but full runs need 54: 50 fails, 52 fails, 54 passes three times
        long confirmed = NeededLimit.confirm(grid, grid.indexOf(50 * MIB), 3, l -> probe(l, l >= 54 * MIB), runs);
        assertEquals(54 * MIB, confirmed);
        assertEquals(List.of(50 * MIB, 52 * MIB, 54 * MIB, 54 * MIB, 54 * MIB), runs.stream().map(Probe::limitBytes).toList());
    }

    @Test
    void confirmationClimbsThreeGridStepsThenAnEighthAtATimeUpToTwiceTheBisectionsResult() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> runs = new ArrayList<>();
        assertEquals(-1, NeededLimit.confirm(grid, grid.indexOf(50 * MIB), 3, l -> probe(l, false), runs));
        // 56 × 1.125 = 63 → 64, 64 × 1.125 = 72, 72 × 1.125 = 81 → 88; 88 × 1.125 = 99 → 104 is above 2 × 50
        assertEquals(List.of(50 * MIB, 52 * MIB, 54 * MIB, 56 * MIB, 64 * MIB, 72 * MIB, 88 * MIB),
                runs.stream().map(Probe::limitBytes).toList(), "one failing run per limit tried");
    }

    @Test
    void aLargeStepCanConfirm() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> runs = new ArrayList<>();
        assertEquals(72 * MIB, NeededLimit.confirm(grid, grid.indexOf(50 * MIB), 3, l -> probe(l, l >= 70 * MIB), runs));
        assertEquals(List.of(50 * MIB, 52 * MIB, 54 * MIB, 56 * MIB, 64 * MIB, 72 * MIB, 72 * MIB, 72 * MIB),
                runs.stream().map(Probe::limitBytes).toList());
    }

    @Test
    void aLimitsRunsAreJudgedOnTheirMedianSpeedNotTheirSlowestOrTheirMean() {
        // shares 0.5, 0.95, 1.0: the median passes where the mean (0.82) and the slowest would fail
        assertTrue(NeededLimit.judgeSpeed(shares(0.5, 0.95, 1.0)).pass());
        // shares 0.85, 0.89, 1.3: the median fails where the mean (1.01) and the fastest would pass
        Verdict slow = NeededLimit.judgeSpeed(shares(0.85, 0.89, 1.3));
        assertFalse(slow.pass());
        assertTrue(slow.slowOnly());
        assertEquals("c50: median speed 89% of the reference over 3 runs", slow.why());
        assertTrue(NeededLimit.judgeSpeed(List.of(new Probe(64 * MIB, Stage.confirm, true, "passed", null))).pass(),
                "a run without shares (an older file) is not judged on them");
    }

    @Test
    void oneSlowRunOfThreeDoesNotMoveTheConfirmationUpButAnErrorDoes() {
        List<Long> grid = NeededLimit.grid(8 * MIB, 256 * MIB);
        List<Probe> runs = new ArrayList<>();
        int[] n = {0};
        // at 50 MiB the second run is slow (80%), the others full speed: the median passes, all three ran
        assertEquals(50 * MIB, NeededLimit.confirm(grid, grid.indexOf(50 * MIB), 3, l -> n[0]++ == 1 ? slowRun(l, 0.8) : slowRun(l, 1.0), runs));
        assertEquals(3, runs.size());
        runs.clear();
        // an error at 50 stops its runs at once; 52 then passes
        assertEquals(52 * MIB, NeededLimit.confirm(grid, grid.indexOf(50 * MIB), 3, l -> probe(l, l >= 52 * MIB), runs));
        assertEquals(List.of(50 * MIB, 52 * MIB, 52 * MIB, 52 * MIB), runs.stream().map(Probe::limitBytes).toList());
    }

    @Test
    void anOpenLoopPhaseIsNotJudgedEvenWhenItsRateWasTooHighForTheTarget() {
        Reference ref = Reference.of(256 * MIB, List.of(rep(2000, 100, 0, false)));
        PhaseResult overloaded = new PhaseResult(Phase.rate5k, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10,
                new LoadResult(9000, 25, 360, 900, 4000, 3000, 0, "3000 failed or unanswered of 75000 due", 9000.0, 14.0, 8000.0));
        assertTrue(NeededLimit.judge(overloaded, ref).pass(), "latency at a fixed rate is a table, not a verdict");
        PhaseResult closedLoop = new PhaseResult(Phase.c50, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10, overloaded.load());
        assertFalse(NeededLimit.judge(closedLoop, ref).pass(), "the same figures in a closed-loop phase fail");
    }

    @Test
    void aFixedRateRunHoldsItsOpenLoopPhasesToErrorsAndStallsButNotToTheirRate() {
        Repetition atTop = Fixtures.fixedRateOnly(300, 0);
        Reference ref = Reference.of(256 * MIB, PhaseSet.fixedRate, List.of(atTop));
        assertEquals(Map.of(), ref.requestsPerSecond(), "an open-loop phase's rate is fixed: no req/s to be held to");
        assertEquals(300, ref.slowestMs().get(Phase.rate1k), 1e-9);
        assertTrue(NeededLimit.judge(Fixtures.fixedRateOnly(500, 0), ref).pass(), "slower, but under 1 s: passes");
        Verdict errors = NeededLimit.judge(Fixtures.fixedRateOnly(300, 4), ref);
        assertTrue(errors.why().startsWith("rate1k: 4 errors"), errors.why());
        Verdict stall = NeededLimit.judge(Fixtures.fixedRateOnly(2500, 0), ref);
        assertTrue(stall.why().startsWith("rate1k: stalled"), stall.why());
        // a phase the reference ran and this run did not (stopped after a failure elsewhere) fails it
        Repetition missing = new Repetition(1, 500, 100, 0, false, true, atTop.phases().subList(0, 2), atTop.sampleFields(), List.of());
        assertTrue(NeededLimit.judge(missing, ref).why().endsWith("did not run"), NeededLimit.judge(missing, ref).why());
        // the same repetitions in a run of every phase: the open-loop errors are a table there
        assertTrue(NeededLimit.judge(Fixtures.fixedRateOnly(300, 4), Reference.of(256 * MIB, List.of(atTop))).pass());
    }

    @Test
    void aWarmUpFailsOnAFailedRequestButNotOnItsSpeedOrItsSlowestRequest() {
        Reference ref = Reference.of(256 * MIB, List.of(rep(2000, 100, 0, false)));
        // a JIT compiling the path: a tenth of c50's rate and a 3 s request, as a cold JVM at a tight limit may serve
        PhaseResult compiling = new PhaseResult(Phase.warmup, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10,
                new LoadResult(3000, 15, 200, 40, 900, 0, 0, null, 3000.0, 5.0));
        assertTrue(NeededLimit.judge(compiling, ref).pass(), NeededLimit.judge(compiling, ref).why());
        PhaseResult failing = new PhaseResult(Phase.warmup, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10,
                new LoadResult(3000, 15, 200, 40, 900, 2, 0, "read 2", 3000.0, 5.0));
        assertTrue(NeededLimit.judge(failing, ref).why().startsWith("warmup: 2 errors"), NeededLimit.judge(failing, ref).why());
        PhaseResult sameAtC50 = new PhaseResult(Phase.c50, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10, compiling.load());
        assertFalse(NeededLimit.judge(sameAtC50, ref).pass(), "the same figures at c50 fail");
    }

    @Test
    void speedSharesPutTheRequiredRateAtNinetyPercent() {
        Reference ref = Reference.of(256 * MIB, List.of(rep(2000, 100, 0, false), rep(2000, 100, 0, false)));
        assertEquals(0.9, NeededLimit.speedShares(rep(1800, 100, 0, false), ref).get(Phase.c50), 1e-9);
        // the reference's slowest run is below 90% of its median: as fast as that run is a share of 0.9
        Reference spread = Reference.of(256 * MIB, List.of(rep(1000, 100, 0, false), rep(3000, 100, 0, false)));
        assertEquals(0.9, NeededLimit.speedShares(rep(1000, 100, 0, false), spread).get(Phase.c50), 1e-9);
    }

    private static List<Probe> shares(double... c50) {
        List<Probe> out = new ArrayList<>();
        for (double s : c50) {
            out.add(new Probe(64 * MIB, Stage.confirm, s >= 0.9, "", null, s < 0.9, Map.of(Phase.c50, s, Phase.c200, 1.0)));
        }
        return out;
    }

    private static Probe slowRun(long limit, double share) {
        return new Probe(limit, Stage.confirm, share >= 0.9, share >= 0.9 ? "passed" : "slow", null, share < 0.9,
                Map.of(Phase.c50, share));
    }

    @Test
    void theReferenceIsTheMedianRateAndTheSlowestRequest() {
        Reference ref = Reference.of(256 * MIB, List.of(rep(1000, 90, 0, false), rep(3000, 300, 0, false), rep(2000, 120, 0, false)));
        assertEquals(2000, ref.requestsPerSecond().get(Phase.c50), 1e-9);
        assertEquals(300, ref.slowestMs().get(Phase.c50), 1e-9);
        assertEquals(1000, ref.stallMs(Phase.c50), 1e-9, "1 s unless twice the slowest is more");
        assertEquals(1000, ref.requiredRate(Phase.c50), 1e-9, "the slowest repetition, below 90% of the median");
        Reference tight = Reference.of(256 * MIB, List.of(rep(1950, 90, 0, false), rep(2000, 90, 0, false), rep(2100, 90, 0, false)));
        assertEquals(1800, tight.requiredRate(Phase.c50), 1e-9, "90% of the median, below the slowest repetition");
    }

    @Test
    void verdicts() {
        Reference ref = Reference.of(256 * MIB, List.of(rep(2000, 100, 0, false)));
        assertTrue(NeededLimit.judge(rep(1800, 100, 0, false), ref).pass(), "90% passes");
        Verdict slow = NeededLimit.judge(rep(1700, 100, 0, false), ref);
        assertFalse(slow.pass());
        assertTrue(slow.why().contains("85% of the median 2000"), slow.why());
        Verdict stall = NeededLimit.judge(rep(2000, 1500, 0, false), ref);
        assertFalse(stall.pass());
        assertTrue(stall.why().contains("stalled"), stall.why());
        assertTrue(slow.slowOnly(), "a rate miss alone may be retried");
        assertFalse(stall.slowOnly(), "a stall is not retried");
        Reference slowAtTop = Reference.of(256 * MIB, List.of(rep(2000, 900, 0, false)));
        assertTrue(NeededLimit.judge(rep(2000, 1500, 0, false), slowAtTop).pass(), "not a stall where the reference was as slow");
        assertTrue(NeededLimit.judge(rep(2000, 100, 3, false), ref).why().contains("3 errors"));
        assertEquals("OOM killed", NeededLimit.judge(rep(2000, 100, 0, true), ref).why());
    }

    @Test
    void theAllocationPhaseIsStoppedOnceItCanNoLongerReachTheRequiredRate() {
        // required: min(90% of the median 2000, the slowest 1900) = 1800 req/s; 10,000 requests take 5.6 s at that rate, twice that is the bound
        Reference ref = Reference.of(256 * MIB, List.of(rep(1900, 90, 0, false), rep(2000, 90, 0, false), rep(2100, 90, 0, false)));
        assertEquals(1800, ref.requiredRate(Phase.work), 1e-9);
        assertEquals(17, ref.workTimeoutSeconds(10_000, 600), "5.6 s x 2, rounded up, + 5 s");
        assertEquals(10, ref.workTimeoutSeconds(1_000_000, 10), "never above the phase's own timeout");
        assertEquals(600, new Reference(256 * MIB, Map.of(), Map.of()).workTimeoutSeconds(10_000, 600),
                "a reference without rates (failures only) leaves the timeout as it is");
    }

    private static Probe probe(long limit, boolean pass) {
        return new Probe(limit, Stage.probe, pass, pass ? "passed" : "failed", null);
    }

    private static Repetition rep(double rps, double maxMs, long errors, boolean oomKilled) {
        return Fixtures.loaded(rps, maxMs, errors, oomKilled);
    }
}
