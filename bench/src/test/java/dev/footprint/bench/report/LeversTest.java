package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.Goals;
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;

class LeversTest {

    /** the project's own goals file: the table judges what it says */
    private static final List<Goals.Goal> GOALS = Goals.load(java.nio.file.Path.of("goals.yaml"));
    /** The matrix's native variants. */
    private static final java.util.Set<String> NATIVE = dev.footprint.bench.model.Variants.load(
            dev.footprint.bench.model.VariantsTest.IMAGES.resolve("variants.yaml")).nativeNames();

    @Test
    void aLaterRunReplacesTheRowsItMeasuredAndKeepsTheOthers() {
        TargetResult baseWarm = inRun(lever("base", null, 80, 120), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult aWarm = inRun(lever("a", "base", 70, 90), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult bWarm = inRun(lever("b", "base", 75, 95), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult baseCold = inRun(lever("base", null, 60, 100), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetResult aCold = inRun(lever("a", "base", 50, 70), "20260102-levers-cold", 3, Results.PageCache.cold);

        List<TargetResult> rows = Levers.newestPerTarget(List.of(List.of(baseWarm, aWarm, bWarm), List.of(baseCold, aCold)));

        assertEquals(List.of(baseCold, aCold, bWarm), rows);
        assertEquals("3× cold", Levers.measuredAs(rows.get(0)));
        assertEquals("1× warm", Levers.measuredAs(rows.get(2)));
    }

    @Test
    void theRowComesFromTheSittingThatStartedLastWhateverItsRunIsNamed() {
        TargetResult earlier = inRun(lever("a", null, 60, 100), "20260102-levers-needs", 3, Results.PageCache.cold);
        TargetResult later = inRun(lever("a", null, 50, 100), "20260102-levers-aot-needs", 3, Results.PageCache.cold);
        later = new TargetResult(new RunInfo(later.run().runId(), "2026-01-02T12:00:00Z", later.run().command(),
                later.run().machine(), later.run().settings()), later.target(), later.image(), later.repetitions(), later.summary());
        // the runs in name order: the later sitting's name sorts first
        assertEquals(List.of(later), Levers.newestPerTarget(List.of(List.of(later), List.of(earlier))));
    }

    @Test
    void aRowIsComparedOnlyWithItsBaselineFromTheSameRun() {
        TargetResult baseCold = inRun(lever("base", null, 60, 100), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetResult aCold = inRun(lever("a", "base", 50, 70), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetResult bWarm = inRun(lever("b", "base", 75, 95), "20260101-levers", 1, Results.PageCache.warm);

        String md = Levers.blocks(List.of("20260101-levers", "20260102-levers-cold"), List.of(baseCold, aCold, bWarm),
                List.of(baseCold, aCold, bWarm), "20260101-000000", List.of(), List.of(), GOALS, NATIVE).get("levers");

        String a = line(md, "| a |");
        String b = line(md, "| b |");
        assertTrue(a.contains("| 3× cold | not searched | 50.0 | -10.0 |"), a);
        assertTrue(b.contains("| 1× warm | not searched | 75.0 |  | "), b);
        String sources = Levers.blocks(List.of("20260101-levers", "20260102-levers-cold"), List.of(baseCold, aCold, bWarm),
                List.of(baseCold, aCold, bWarm), "20260101-000000", List.of(), List.of(), GOALS, NATIVE).get("levers-sources");
        assertTrue(sources.contains("| `20260101-levers`, `20260102-levers-cold` |"), sources);
    }

    @Test
    void theRowsThatRanTheFixedRatePhasesGetTheirLatency() {
        TargetResult base = lever("base", null, 60, 100);
        TargetResult t = Fixtures.target("tiered", TargetKind.lever, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 70, 110, 2000), 0)));
        String md = Levers.blocks(List.of("20260101-000000"), List.of(base, t), List.of(base, t), "20260101-000000", List.of(),
                List.of(), GOALS, NATIVE).get("levers-latency");
        assertTrue(md.contains("| tiered | 2,000 | 1.0 / 10.0 / 20.0 | 1.0 / 50.0 / 100.0 | 1.0 / 2.0 / 4.0 |"), md);
        assertTrue(!md.contains("| base |"), "a row from a run without the open-loop phases has none: " + md);
    }

    @Test
    void aRowMeasuredWithOtherSettingsThanTheLeversFileNowGivesSaysSo() {
        TargetResult base = inRun(lever("base", null, 60, 100), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetResult a = inRun(lever("a", "base", 50, 70), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetSpec aNow = new TargetSpec("a", TargetKind.lever, a.target().image(), a.target().path(), a.target().workPath(),
                List.of("-Xmx24m"), a.target().env(), null, null, "now", "base");

        String md = Levers.blocks(List.of("20260102-levers-cold"), List.of(base, a), List.of(base, a), "20260101-000000",
                List.of(), List.of(base.target(), aNow), GOALS, NATIVE).get("levers");

        assertTrue(line(md, "| a |").contains("| 3× cold, *settings changed since* |"), md);
        assertTrue(line(md, "| base |").contains("| 3× cold |"), md);
        assertTrue(!Levers.blocks(List.of("20260102-levers-cold"), List.of(base, a), List.of(base, a), "20260101-000000",
                List.of(), List.of(base.target(), a.target()), GOALS, NATIVE).get("levers").contains("settings changed since"));
        // a variable added to the file since (pinning what was then the default) is not a change
        java.util.Map<String, String> pinned = new java.util.HashMap<>(a.target().env() == null ? java.util.Map.of() : a.target().env());
        pinned.put("FOOTPRINT_WORK_VIRTUAL_THREADS", "true");
        TargetSpec aPinned = new TargetSpec("a", TargetKind.lever, a.target().image(), a.target().path(), a.target().workPath(),
                a.target().command(), pinned, null, null, "pinned", "base");
        assertTrue(!Levers.changedSince(a, List.of(aPinned)));
    }

    @Test
    void anOlderRowKeepsTheBaselineOfItsOwnRunWhenALaterRunReMeasuredIt() {
        TargetResult baseWarm = inRun(lever("base", null, 80, 120), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult bWarm = inRun(lever("b", "base", 75, 95), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult baseCold = inRun(lever("base", null, 60, 100), "20260102-levers-cold", 3, Results.PageCache.cold);

        String md = Levers.blocks(List.of("20260101-levers", "20260102-levers-cold"), List.of(baseCold, bWarm),
                List.of(baseWarm, bWarm, baseCold), "20260101-000000", List.of(), List.of(), GOALS, NATIVE).get("levers");

        assertTrue(line(md, "| base |").contains("| 3× cold | not searched | 60.0 |  |"), md);
        // b (75) against the base of its own run (80), not the newer one (60)
        assertTrue(line(md, "| b |").contains("| 1× warm | not searched | 75.0 | -5.0 |"), md);
    }

    @Test
    void theClosestLeverRowIsTheLowestOfTheSameRuntime() {
        TargetResult a = inRun(lever("jvm-a", null, 70, 90), "20260101-levers", 1, Results.PageCache.warm);
        TargetResult b = inRun(lever("jvm-b", "jvm-a", 60, 95), "20260102-levers-cold", 3, Results.PageCache.cold);
        TargetResult n = inRun(lever("native-x", null, 8, 20), "20260101-levers", 1, Results.PageCache.warm);
        List<TargetResult> rows = List.of(a, b, n);

        assertEquals("60.0 MiB (jvm-b, 3× cold)", Levers.closest(rows, "jvm-", r -> r.summary().get(Metric.idleMiB).median(), " MiB"));
        assertEquals("90.0 MiB (jvm-a, 1× warm)", Levers.closest(rows, "jvm-", r -> r.summary().get(Metric.peak200MiB).median(), " MiB"));
        assertEquals("8.0 MiB (native-x, 1× warm)", Levers.closest(rows, "native-", r -> r.summary().get(Metric.idleMiB).median(), " MiB"));
        assertEquals("", Levers.closest(rows, "go-", r -> r.summary().get(Metric.idleMiB).median(), " MiB"));
    }

    @Test
    void eachTargetIsMetOrMissedByHowMuch() {
        TargetResult slim = Fixtures.target("jvm-slim", TargetKind.variant, List.of(Fixtures.rep(1, 40, 62, 1000)));
        TargetResult jlink = Fixtures.target("jlink", TargetKind.variant, List.of(Fixtures.rep(1, 36, 45, 1000)));
        TargetResult distroless = Fixtures.target("distroless", TargetKind.variant, List.of(Fixtures.rep(1, 125, 188, 1000)));

        String md = Levers.goals(GOALS, List.of(slim, jlink, distroless), List.of(), NATIVE);

        assertTrue(line(md, "| best JVM variant (jlink): idle |").contains("| 36.0 MiB | missed by 4.0 MiB (13%) |"), md);
        assertTrue(line(md, "| best JVM variant (jlink): peak at 200 connections |").contains("| 45.0 MiB | met |"), md);
        // a ratio's miss keeps its two decimals: 62 / 40 = 1.55, 0.05 over
        assertTrue(line(md, "| jvm-slim: peak at 200 connections / idle |").contains("| 1.55× | missed by 0.05× (3%) |"), md);
        assertTrue(line(md, "| jlink: peak at 200 connections / idle |").contains("| 1.25× | met |"), md);
        // judged as shown: 188 / 125 = 1.504 reads 1.50×, not "1.50×, missed by 0.00×"
        assertTrue(line(md, "| distroless: peak at 200 connections / idle |").contains("| 1.50× | met |"), md);
    }

    @Test
    void aShareGoalIsHeldToTheNamedTargetOfTheSameRun() {
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 2, 9, 60000)));
        TargetResult jlink = Fixtures.target("jlink", TargetKind.variant, List.of(Fixtures.rep(1, 36, 45, 57000)));
        TargetResult nativeRow = Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 8, 20, 21000)));

        String md = Levers.goals(GOALS, List.of(go, jlink, nativeRow), List.of(), NATIVE);

        assertTrue(line(md, "| jlink: req/s at 50 connections against Go |")
                .contains("| ≥ 0.90× go-nethttp's (60,000) | 57,000 (0.95×) | met |"), md);
        assertTrue(line(md, "| native: req/s at 50 connections against Go |").contains("| 21,000 (0.35×) | missed by 0.55× (61%) |"), md);
        // a run without Go has nothing to hold the variants to: no row rather than a made-up verdict
        assertTrue(Levers.goals(GOALS, List.of(jlink, nativeRow), List.of(), NATIVE).lines().noneMatch(l -> l.contains("against Go")));
    }

    private static String line(String md, String prefix) {
        return md.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no row " + prefix));
    }

    private static TargetResult lever(String name, String baseline, long idleMiB, long peakMiB) {
        TargetResult t = Fixtures.target(name, TargetKind.lever, List.of(Fixtures.rep(1, idleMiB, peakMiB, 1000)));
        TargetSpec s = t.target();
        return new TargetResult(t.run(), new TargetSpec(s.name(), s.kind(), s.image(), s.path(), s.workPath(), s.command(),
                s.env(), s.article(), s.notMeasured(), s.description(), baseline), t.image(), t.repetitions(), t.summary());
    }

    /** The same result as if run repetitions times (same numbers each time) in run id with that page cache. */
    private static TargetResult inRun(TargetResult t, String id, int repetitions, Results.PageCache pageCache) {
        Settings s = t.run().settings();
        RunInfo run = new RunInfo(id, t.run().startedAt(), t.run().command(), t.run().machine(), new Settings(s.memoryLimitBytes(),
                s.cpus(), repetitions, s.idleSeconds(), s.loadSeconds(), s.workRequests(), s.cooldownSeconds(),
                s.sampleIntervalMs(), s.quick(), pageCache));
        List<Results.Repetition> reps = java.util.stream.IntStream.rangeClosed(1, repetitions)
                .mapToObj(i -> t.repetitions().get(0)).toList();
        return new TargetResult(run, t.target(), t.image(), reps, Summary.of(reps));
    }
}
