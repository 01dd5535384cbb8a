package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Needs;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.TargetSpec;

/**
 * The search against a scripted target: its req/s is the host's speed at that run times what its memory limit allows,
 * so a host that drifts can be told from a limit that is too small.
 */
class NeedsRunTest {

    private static final long MIB = NeededLimit.MIB;
    private static final Settings SETTINGS = Fixtures.SEARCH;
    private static final TargetSpec TARGET = Fixtures.SCRIPTED;
    /** Half speed below 96 MiB, errors below 60 MiB. */
    private static final DoubleUnaryOperator NEEDS_96 = mib -> mib >= 96 ? 1.0 : mib >= 60 ? 0.5 : -1;

    private final Progress progress = new Progress();

    @AfterEach
    void close() {
        progress.close();
    }

    @Test
    void aHostThatSlowsForAWhileFailsNoProbeThatHadEnoughMemory() {
        // the host runs at full speed for three runs, then at 60% for three, and so on: the old rule (every probe held
        // to three runs at the start) failed probes at any limit during the slow stretches
        Needs needs = search(run -> (run / 3) % 2 == 0 ? 1.0 : 0.6, NEEDS_96);
        assertEquals(96 * MIB, needs.neededBytes(), needs.probes().toString());
        for (Probe p : needs.probes()) {
            if (p.stage() == Stage.probe || p.stage() == Stage.confirm) {
                assertEquals(p.limitBytes() >= 96 * MIB, p.pass(), p.limitBytes() / MIB + " MiB: " + p.why());
            }
        }
        assertEquals(3, needs.confirmations().size());
        assertTrue(needs.confirmations().stream().allMatch(Probe::pass));
    }

    @Test
    void everyProbeAndConfirmationRunsBetweenTwoRunsAtTheReferenceLimitWithTheSamePhases() {
        Needs needs = search(run -> 1.0, NEEDS_96);
        List<Probe> runs = needs.probes();
        assertEquals(Stage.reference, runs.get(0).stage());
        for (int i = 0; i < runs.size(); i++) {
            Probe p = runs.get(i);
            if (p.stage() == Stage.probe || p.stage() == Stage.confirm) {
                assertEquals(p.stage().besideIt(), runs.get(i - 1).stage(), "before run " + i);
                assertEquals(p.stage().besideIt(), runs.get(i + 1).stage(), "after run " + i);
                assertEquals(p.repetition().phase(Phase.c50).seconds(), runs.get(i - 1).repetition().phase(Phase.c50).seconds());
                assertEquals(p.repetition().phase(Phase.c50).seconds(), runs.get(i + 1).repetition().phase(Phase.c50).seconds());
            } else {
                assertEquals(256 * MIB, p.limitBytes());
            }
        }
    }

    @Test
    void aProbeSlowerThanBothRunsBesideItFailsEvenOnASlowHost() {
        // at 60% the host slows every run alike; a limit that halves the target's speed still shows against its neighbours
        Needs needs = search(run -> 0.6, NEEDS_96);
        assertEquals(96 * MIB, needs.neededBytes());
        Probe slow = needs.probes().stream().filter(p -> p.stage() == Stage.probe && !p.pass() && p.limitBytes() >= 60 * MIB)
                .findFirst().orElseThrow();
        assertTrue(slow.slowOnly(), slow.why());
        assertTrue(slow.why().contains("50% of the median 600"), slow.why());
    }

    @Test
    void aConfirmationSlowedOnceByTheHostIsOutvotedByTheOtherTwo() {
        // the host slows the first full run below the reference limit to 80%: judged on its slowest run the search climbed
        boolean[] slowed = {false};
        Needs needs = search((run, s) -> {
            boolean firstConfirmation = s.loadSeconds() == SETTINGS.loadSeconds() && s.memoryLimitBytes() < SETTINGS.memoryLimitBytes()
                    && !slowed[0];
            slowed[0] |= firstConfirmation;
            return firstConfirmation ? 0.8 : 1.0;
        }, NEEDS_96);
        assertTrue(slowed[0], "a confirmation ran");
        assertEquals(96 * MIB, needs.neededBytes(), needs.probes().toString());
        assertEquals(3, needs.confirmations().size(), "the slowed run and two more, none run again");
        assertFalse(needs.confirmations().get(0).pass());
        assertTrue(needs.confirmations().get(0).slowOnly());
        assertEquals(0.8, needs.confirmations().get(0).speedShares().get(Phase.c50), 1e-9);
        assertEquals(1.0, needs.confirmedSpeed(), 1e-9, "the median run");
        assertEquals(800, needs.atNeeded().get(Metric.rps_c50).min(), 1e-9, "every run at the limit is summarized, the slowed one too");
    }

    @Test
    void aLimitWhoseRunsAreMostlySlowFailsAndTheConfirmationClimbs() {
        // the first two full runs at each limit below 104 MiB are at 80%: 96 fails on its median, 104 is confirmed
        int[] atLimit = new int[300];
        Needs needs = search((run, s) -> {
            boolean full = s.loadSeconds() == SETTINGS.loadSeconds() && s.memoryLimitBytes() < 104 * MIB;
            return full && atLimit[(int) (s.memoryLimitBytes() / MIB)]++ < 2 ? 0.8 : 1.0;
        }, NEEDS_96);
        assertEquals(104 * MIB, needs.neededBytes(), needs.probes().toString());
        assertEquals(3, needs.probes().stream().filter(p -> p.stage() == Stage.confirm && p.limitBytes() == 96 * MIB).count());
    }

    @Test
    void aConfirmationThatFailsOnErrorsIsNotRunAgain() {
        // short runs pass from 60 MiB, full runs below 80 MiB have errors: each confirmation below 80 runs once
        Needs needs = search((run, s) -> s.loadSeconds() == SETTINGS.loadSeconds() && s.memoryLimitBytes() < 80 * MIB ? -1 : 1.0,
                mib -> mib >= 60 ? 1.0 : -1);
        assertEquals(88 * MIB, needs.neededBytes(), needs.probes().toString());
        for (long mib : List.of(60L, 62L, 64L, 72L)) {
            assertEquals(1, needs.probes().stream().filter(p -> p.stage() == Stage.confirm && p.limitBytes() == mib * MIB).count(),
                    mib + " MiB: " + needs.probes());
        }
    }

    @Test
    void confirmationsThatNeverPassStopAtTwiceTheBisectionsResultAndSaySo() {
        // short runs pass from 60 MiB; every full run below the reference limit has errors
        Needs needs = search((run, s) -> s.loadSeconds() == SETTINGS.loadSeconds() && s.memoryLimitBytes() < SETTINGS.memoryLimitBytes() ? -1 : 1.0,
                mib -> mib >= 60 ? 1.0 : -1);
        assertEquals(-1, needs.neededBytes(), needs.probes().toString());
        long highest = needs.probes().stream().filter(p -> p.stage() == Stage.confirm).mapToLong(Probe::limitBytes).max().orElseThrow();
        assertTrue(highest <= 120 * MIB && highest > 60 * MIB, "climbed above 60, not past 2× it: " + highest / MIB + " MiB");
        assertEquals("no limit up to 2× the bisection's result was confirmed", needs.note());
        assertEquals(needs.note(), needs.whyNone());
    }

    @Test
    void aSearchGivenAnEarlierResultProbesItFirstAndFindsWhatTheBisectionFinds() {
        Needs plain = search(run -> 1.0, NEEDS_96);
        Needs guessed = search((run, s) -> 1.0, NEEDS_96, 90 * MIB);
        assertEquals(plain.neededBytes(), guessed.neededBytes());
        assertEquals(96 * MIB, guessed.firstGuessBytes(), "the grid limit at or above the guess");
        List<Long> probed = guessed.probes().stream().filter(p -> p.stage() == Stage.probe).map(p -> p.limitBytes()).toList();
        // a right guess and the limit below it are all the bisection runs (88 fails on speed alone, so it runs twice)
        assertEquals(List.of(96 * MIB, 88 * MIB), probed.stream().distinct().toList(), probed.toString());
        assertEquals(0, plain.firstGuessBytes());
    }

    @Test
    void aSearchWhoseFirstRunAtTheReferenceFailsSaysSo() {
        Needs needs = search(run -> run == 0 ? -1 : 1.0, NEEDS_96);
        assertEquals(-1, needs.neededBytes());
        assertTrue(needs.note().startsWith("a short run at the reference limit failed: "), needs.note());
        assertFalse(needs.probes().get(0).pass());
    }

    /**
     * Runs the search; run {@code i} (counted over the search's own runs) goes at {@code host(i)} × {@code memory(MiB)}
     * of 1,000 req/s; a negative product is a run whose every request failed.
     */
    @Test
    void confirmationsRunTheJudgedPhasesWithoutTheFixedRateOnes() {
        Settings withRates = new Settings(256 * MIB, 1, 3, 10, 15, 10_000, 10, 100, false, Results.PageCache.cold, "1", "0", 120, 600,
                List.of(), 15);
        List<Settings> ran = new ArrayList<>();
        assertEquals(128 * MIB, searchFullSpeedFrom128MiB(withRates, ran).neededBytes());
        assertTrue(ran.stream().anyMatch(s -> !s.quick() && s.loadSeconds() == 15), "full runs confirmed it");
        assertTrue(ran.stream().allMatch(s -> s.fixedRateSeconds() == 0), "no run of the search had the fixed-rate phases");
    }

    @Test
    void everyRunOfTheSearchWarmsUpAsTheRunsItIsComparedWith() {
        Settings warmed = new Settings(256 * MIB, 1, 3, 10, 15, 10_000, 10, 100, false, Results.PageCache.cold, "1", "0", 120, 600,
                List.of(), 15, 15);
        List<Settings> ran = new ArrayList<>();
        searchFullSpeedFrom128MiB(warmed, ran);
        // probes and the 256 MiB references beside them are short runs, warmed up for the run's warm-up, at most 5 s;
        // confirmations are held to the run's repetitions, so they warm up as those did
        List<Settings> probes = ran.stream().filter(Settings::quick).toList();
        List<Settings> confirmations = ran.stream().filter(s -> !s.quick()).toList();
        assertFalse(probes.isEmpty() || confirmations.isEmpty(), ran.toString());
        assertTrue(probes.stream().allMatch(s -> s.warmupSeconds() == 5 && s.loadSeconds() == 5), probes.toString());
        assertTrue(confirmations.stream().allMatch(s -> s.warmupSeconds() == 15), confirmations.toString());
    }

    @Test
    void aFixedRateSearchRunsOnlyTheOpenLoopPhasesAndFindsWhereTheyStopFailing() {
        Settings fixedRate = new Settings(256 * MIB, 1, 2, 10, 15, 10_000, 10, 100, false, Results.PageCache.cold, "1", "0", 480, 600,
                List.of(), 15, 15, PhaseSet.fixedRate, 0.1);
        List<Settings> ran = new ArrayList<>();
        // below 96 MiB every open-loop phase has unanswered requests; its req/s is never judged
        Bracketed.Trial trial = (target, s, keepGoing) -> {
            ran.add(s);
            return Fixtures.fixedRateOnly(200, s.memoryLimitBytes() >= 96 * MIB ? 0 : 12);
        };
        List<Repetition> atReference = List.of(Fixtures.fixedRateOnly(200, 0), Fixtures.fixedRateOnly(200, 0));
        Needs needs = new NeedsRun(trial, fixedRate, progress).measure(TARGET, atReference, 32 * MIB, 0);
        assertEquals(96 * MIB, needs.neededBytes(), needs.note());
        assertTrue(ran.stream().allMatch(s -> s.phases() == PhaseSet.fixedRate && s.rateScale() == 0.1 && s.fixedRateSeconds() > 0),
                "every run of the search has the open-loop phases at the run's rates");
        assertTrue(ran.stream().filter(Settings::quick).allMatch(s -> s.fixedRateSeconds() == 5 && s.startupSeconds() == 120),
                "a probe: 5 s per open-loop phase, a quarter of the run's bound on startup");
        assertTrue(ran.stream().anyMatch(s -> !s.quick() && s.fixedRateSeconds() == 15), "full runs confirmed it");
    }

    /** A search under {@code settings} of a target at full speed from 128 MiB up, a tenth of it below; every run's settings into {@code ran}. */
    private Needs searchFullSpeedFrom128MiB(Settings settings, List<Settings> ran) {
        Bracketed.Trial trial = (target, s, keepGoing) -> {
            ran.add(s);
            return Fixtures.loaded(s.memoryLimitBytes() >= 128 * MIB ? 1000 : 100, 50, 0, false);
        };
        List<Repetition> atReference = List.of(Fixtures.loaded(1000, 50, 0, false), Fixtures.loaded(1000, 50, 0, false),
                Fixtures.loaded(1000, 50, 0, false));
        return new NeedsRun(trial, settings, progress).measure(TARGET, atReference, 32 * MIB, 0);
    }

    private Needs search(IntToDoubleFunction host, DoubleUnaryOperator memory) {
        return search((run, s) -> host.applyAsDouble(run), memory);
    }

    /** The host's speed for run {@code run} (counted over the search's own runs) under settings {@code s}. */
    private interface Host {
        double speed(int run, Settings s);
    }

    private Needs search(Host host, DoubleUnaryOperator memory) {
        return search(host, memory, 0);
    }

    private Needs search(Host host, DoubleUnaryOperator memory, long guessBytes) {
        int[] count = {0};
        Bracketed.Trial trial = (target, s, keepGoing) -> {
            double share = host.speed(count[0]++, s) * memory.applyAsDouble(s.memoryLimitBytes() / (double) MIB);
            Repetition r = Fixtures.loaded(Math.abs(share) * 1000, 50, share < 0 ? 100 : 0, false);
            List<PhaseResult> ran = new ArrayList<>();
            for (PhaseResult p : r.phases()) {
                // a probe's phases are as long as its settings say, so the test can tell short runs from full ones
                ran.add(new PhaseResult(p.phase(), p.phase() == Phase.idle ? s.idleSeconds() : s.loadSeconds(), p.workingSetMedian(),
                        p.workingSetMax(), p.workingSetLast(), p.usageMax(), p.rssMax(), p.pssMax(), p.threadsMax(), p.load()));
                if (!keepGoing.test(p)) {
                    break;
                }
            }
            return new Repetition(1, 500, 400, 0, false, true, ran, List.of(), List.of());
        };
        List<Repetition> atReference = List.of(Fixtures.loaded(1000, 50, 0, false), Fixtures.loaded(1000, 50, 0, false),
                Fixtures.loaded(1000, 50, 0, false));
        return new NeedsRun(trial, SETTINGS, progress).measure(TARGET, atReference, 32 * MIB, guessBytes);
    }
}
