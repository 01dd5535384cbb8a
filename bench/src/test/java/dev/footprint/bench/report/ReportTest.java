package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.measure.Hey;
import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;

class ReportTest {

    @Test
    void tableRowPerTargetWithMedianAndRange() {
        TargetResult native_ = Fixtures.target("native", TargetKind.variant,
                List.of(Fixtures.rep(1, 12, 20, 1000), Fixtures.rep(2, 11, 22, 1100), Fixtures.rep(3, 13, 21, 900)));
        TargetSpec granian = new TargetSpec("granian", TargetKind.peer, null, null, null, null, null, "~620 MB", "no package here", "Granian", null);
        TargetResult notMeasured = new TargetResult(Fixtures.run(), granian, null, List.of(), Map.of());
        Map<String, String> blocks = Report.blocks("20260101-000000", List.of(native_, notMeasured), Path.of("bench/results/20260101-000000"), "");
        String md = blocks.get("at-limit");

        String row = md.lines().filter(l -> l.startsWith("| native |")).findFirst().orElseThrow();
        assertTrue(row.contains("| 12.0 (11.0–13.0) |"), row);    // idle
        assertTrue(row.contains("| 21.0 (20.0–22.0) |"), row);    // peak at 200
        assertTrue(row.contains("| ~10 MB (claim) |"), row);      // the articles' claim beside it
        assertTrue(row.contains("| 1,000 (900–1,100) |"), row);   // req/s at 50
        assertTrue(md.contains("| granian | Granian | ~620 MB | not measured: no package here |"), md);
        assertTrue(blocks.get("settings").contains("| reference memory limit | 256 MiB, memory+swap equal |"), blocks.get("settings"));
        assertTrue(blocks.get("timelines").contains("![native](charts/memory-native.png)"), blocks.get("timelines"));
    }

    @Test
    void aStalledRepetitionShowsInTheErrorsColumnAndKeepsItsMemoryFigures() {
        Results.Repetition ok = Fixtures.rep(1, 90, 130, 1000);
        Results.Repetition stalled = withWorkLoad(Fixtures.rep(2, 92, 256, 900), Hey.stalled(10_000, java.time.Duration.ofMinutes(10)));
        TargetResult untuned = Fixtures.target("jvm-slim-no-tuning", TargetKind.untuned, List.of(ok, Fixtures.rep(3, 91, 132, 1100), stalled));

        String row = Report.blocks("20260101-000000", List.of(untuned), Path.of("bench/results/20260101-000000"), "").get("at-limit").lines()
                .filter(l -> l.startsWith("| jvm-slim-no-tuning |")).findFirst().orElseThrow();

        // each repetition of the fixture has 2 errors and 1 non-2xx at 200 connections; the stalled one all 10,000 /work requests more
        assertTrue(row.endsWith("| 10,003 | 0 |"), row);
        assertTrue(row.contains("| 91.0 (90.0–92.0) |"), row); // idle from every repetition, the stalled one too
        // the stalled run has no rate: the /work rate is the others' (2,000 in the fixture), not NaN
        assertEquals(2000, untuned.summary().get(Metric.rps_work).median(), 0.001);
        assertTrue(Double.isNaN(Hey.stalled(10, java.time.Duration.ofMinutes(1)).requestsPerSecond()));
    }

    @Test
    void aTargetMeasuredAgainIntoTheRunSaysWhenAndHow() {
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        TargetResult remeasured = nativeMeasuredLater("2026-01-01T03:00:00Z", "bench run --targets native --run-id 20260101-000000",
                go.run().machine());

        String md = Report.sittings(List.of(go, remeasured));
        assertTrue(md.contains("| 2026-01-01T00:00:00Z | `bench run --targets all` | go-nethttp |\n"
                + "| 2026-01-01T03:00:00Z | `bench run --targets native --run-id 20260101-000000` | native |"), md);
    }

    @Test
    void aRunSaysWhetherItsC50FigureFollowedAWarmUp() {
        Results.Settings none = Fixtures.SEARCH;
        Results.Settings warmed = new Results.Settings(none.memoryLimitBytes(), none.cpus(), none.repetitions(), none.idleSeconds(),
                none.loadSeconds(), none.workRequests(), none.cooldownSeconds(), none.sampleIntervalMs(), none.quick(),
                none.pageCache(), none.serverCpus(), none.generatorCpus(), none.startupSeconds(), none.workTimeoutSeconds(),
                none.runFlags(), 15, 15);
        assertTrue(Report.settings("r", warmed, Map.of()).contains("| phases | idle 10 s; warm-up at 50 connections 15 s "
                + "(failures judged, not speed; not in the c50 figures); 50 connections 15 s;"), Report.settings("r", warmed, Map.of()));
        assertTrue(Report.settings("r", none, Map.of()).contains("| phases | idle 10 s; no warm-up (c50 is the first load after idle"));
    }

    @Test
    void aRunSaysWithWhichContainerFlagsItRanItsTargets() {
        Results.Settings plain = Fixtures.SEARCH;
        Results.Settings locked = new Results.Settings(plain.memoryLimitBytes(), plain.cpus(), plain.repetitions(), plain.idleSeconds(),
                plain.loadSeconds(), plain.workRequests(), plain.cooldownSeconds(), plain.sampleIntervalMs(), plain.quick(),
                plain.pageCache(), plain.serverCpus(), plain.generatorCpus(), plain.startupSeconds(), plain.workTimeoutSeconds(),
                List.of("--read-only", "--user=65532:65532"));
        assertTrue(Report.settings("r", locked, Map.of()).contains(
                "| container flags | locked down (images/locked-down.args): `--read-only --user=65532:65532` |"));
        assertTrue(Report.settings("r", plain, Map.of()).contains("| container flags | none: each image as it is"));
        assertEquals(locked.runFlags(), locked.probe(64L << 20).runFlags(), "a probe runs as the repetitions do");
        assertEquals(locked.runFlags(), locked.withMemory(64L << 20).runFlags());
    }

    @Test
    void aMachineFieldTheSittingsDisagreeOnShowsEachValueWithItsSittings() {
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        Results.RunInfo first = go.run();
        TargetResult remeasured = nativeMeasuredLater("2026-01-02T03:00:00Z", "bench run --targets native",
                Map.of("cpuModel", "Test CPU", "loadGenerator", "wrk 4.1.1"));

        Map<String, String> m = Report.machineValues(List.of(remeasured, go), first);
        assertEquals("Test CPU", m.get("cpuModel"));
        assertEquals("wrk 4.1.0 (sittings of 2026-01-01T00:00); wrk 4.1.1 (sittings of 2026-01-02T03:00)", m.get("loadGenerator"));
    }

    @Test
    void aLimitFoundBeforeTheNewestRuleIsMarkedAnUpperBound() {
        TargetResult base = Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 8, 17, 100)));
        List<NeededLimit.Probe> confirmed = List.of(
                new NeededLimit.Probe(48L << 20, NeededLimit.Stage.confirm, true, "passed", Fixtures.rep(1, 10, 30, 100)),
                new NeededLimit.Probe(48L << 20, NeededLimit.Stage.confirm, true, "passed", Fixtures.rep(2, 10, 30, 100)),
                new NeededLimit.Probe(48L << 20, NeededLimit.Stage.confirm, true, "passed", Fixtures.rep(3, 10, 30, 100)));
        Results.Needs before = new Results.Needs(256L << 20, 8L << 20, 48L << 20, null, confirmed, Map.of(), null);
        Results.Needs now = new Results.Needs(256L << 20, 8L << 20, 48L << 20, null, confirmed, Map.of());
        Results.Needs failedAtTheTop = new Results.Needs(256L << 20, 8L << 20, -1, "fails at the reference limit itself: c50: 3 errors",
                List.of(), Map.of(), null);

        String old = Report.needsTable(List.of(withNeeds(base, before)), base.run());
        assertTrue(old.contains("| **48** (3/3) ≤ |"), old);
        String current = Report.needsTable(List.of(withNeeds(base, now)), base.run());
        assertTrue(current.contains("| **48** (3/3) |") && !current.contains("≤"), current);
        assertTrue(old.endsWith("\n≤: searched under an older, stricter rule (`needs.rule`): the newest passes every limit it "
                + "passed, so this is at most what the target needs.\n"), old);
        // by the newest rule the cell gives the runs and their slowest phase's median speed share
        List<NeededLimit.Probe> shared = List.of(shares(1, 0.8), shares(2, 0.97), shares(3, 1.2));
        String median = Report.needsTable(List.of(withNeeds(base, new Results.Needs(256L << 20, 8L << 20, 48L << 20, null, shared,
                Map.of()))), base.run());
        assertTrue(median.contains("| **48** (3 runs, 97%) |"), median);
        // no confirmation ran, so no second chance could have changed it
        String top = Report.needsTable(List.of(withNeeds(base, failedAtTheTop)), base.run());
        assertTrue(top.contains("none found: fails at the reference limit itself") && !top.contains("≤"), top);
    }

    private static NeededLimit.Probe shares(int rep, double c50) {
        return new NeededLimit.Probe(48L << 20, NeededLimit.Stage.confirm, c50 >= 0.9, "", Fixtures.rep(rep, 10, 30, 100), c50 < 0.9,
                Map.of(Phase.c50, c50, Phase.c200, 1.0));
    }

    @Test
    void aLimitWhoseRunsWereSlowTogetherSaysSoInItsNote() {
        List<NeededLimit.Probe> slow = List.of(
                new NeededLimit.Probe(256L << 20, NeededLimit.Stage.confirm, false, "c50: 85 req/s", null, true, Map.of(Phase.c50, 0.85)),
                new NeededLimit.Probe(256L << 20, NeededLimit.Stage.confirm, true, "passed", null, false, Map.of(Phase.c50, 0.95)),
                new NeededLimit.Probe(256L << 20, NeededLimit.Stage.confirm, false, "c50: 80 req/s", null, true, Map.of(Phase.c50, 0.8)));
        assertEquals("no limit up to the reference limit itself was confirmed (c50: median speed 85% of the reference over 3 runs)",
                Results.Needs.climbNote(slow, 256L << 20));
    }

    @Test
    void confirmationsThatClimbedToTheReferenceLimitSaySoRatherThanTwiceTheBisection() {
        TargetResult base = Fixtures.target("gunicorn-4", TargetKind.peer, List.of(Fixtures.rep(1, 150, 155, 100)));
        List<NeededLimit.Probe> climbed = List.of(
                new NeededLimit.Probe(248L << 20, NeededLimit.Stage.confirm, false, "c50: 80 req/s, 80% of the median 100 at 256 MiB",
                        Fixtures.rep(1, 150, 155, 80)),
                new NeededLimit.Probe(256L << 20, NeededLimit.Stage.confirm, false, "c200: 85 req/s, 85% of the median 100 at 256 MiB",
                        Fixtures.rep(1, 150, 155, 85)));
        Results.Needs none = new Results.Needs(256L << 20, 8L << 20, -1, "no limit up to 2× the bisection's result was confirmed",
                climbed, Map.of());
        String md = Report.needsTable(List.of(withNeeds(base, none)), base.run());
        assertTrue(md.contains("none found: no limit up to the reference limit itself was confirmed (the last run: c200: 85 req/s, "
                + "85% of the median 100 at 256 MiB)"), md);
        Results.Needs lower = new Results.Needs(256L << 20, 8L << 20, -1, "no limit up to 2× the bisection's result was confirmed",
                climbed.subList(0, 1), Map.of());
        assertEquals("no limit up to 2× the bisection's result was confirmed", lower.whyNone());
        // a search run now writes the same words into its note (NeedsRun)
        assertEquals(none.whyNone(), Results.Needs.climbNote(climbed, 256L << 20));
    }

    /** The native fixture measured into the fixture run by a later sitting. */
    private static TargetResult nativeMeasuredLater(String startedAt, String command, Map<String, String> machine) {
        TargetResult native_ = Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 8, 20, 1000)));
        Results.RunInfo later = new Results.RunInfo(native_.run().runId(), startedAt, command, machine, native_.run().settings());
        return new TargetResult(later, native_.target(), native_.image(), native_.repetitions(), native_.summary());
    }

    private static TargetResult withNeeds(TargetResult r, Results.Needs needs) {
        return new TargetResult(r.run(), r.target(), r.image(), r.repetitions(), r.summary(), needs);
    }

    private static Results.Repetition withWorkLoad(Results.Repetition r, LoadResult load) {
        List<Results.PhaseResult> phases = r.phases().stream().map(p -> p.phase() != Phase.work ? p
                : new Results.PhaseResult(p.phase(), p.seconds(), p.workingSetMedian(), p.workingSetMax(), p.workingSetLast(),
                        p.usageMax(), p.rssMax(), p.pssMax(), p.threadsMax(), load)).toList();
        return new Results.Repetition(r.repetition(), r.startupMs(), r.readyAfterProcessStartMs(), r.oomKills(), r.oomKilled(),
                r.survived(), phases, r.sampleFields(), r.samples());
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    @Test
    void theSearchLogSaysHowFarApartTheRunsAtTheReferenceLimitLayShortAndFullApart() {
        NeededLimit.Stage ref = NeededLimit.Stage.reference;
        NeededLimit.Stage full = NeededLimit.Stage.confirmReference;
        List<NeededLimit.Probe> runs = List.of(
                new NeededLimit.Probe(256 * Fixtures.MIB, ref, true, "passed", Fixtures.loaded(900, 10, 0, false)),
                new NeededLimit.Probe(96 * Fixtures.MIB, NeededLimit.Stage.probe, true, "passed", Fixtures.loaded(850, 10, 0, false)),
                new NeededLimit.Probe(256 * Fixtures.MIB, ref, true, "passed", Fixtures.loaded(1200, 10, 0, false)),
                new NeededLimit.Probe(256 * Fixtures.MIB, full, true, "passed", Fixtures.loaded(2000, 10, 0, false)),
                new NeededLimit.Probe(96 * Fixtures.MIB, NeededLimit.Stage.confirm, true, "passed", Fixtures.loaded(1900, 10, 0, false)),
                new NeededLimit.Probe(256 * Fixtures.MIB, full, false, "c50: 3 errors", Fixtures.loaded(1500, 10, 3, false)));
        assertEquals("short: 2 runs, c50 900–1,200 req/s; full: 2 runs (1 ✗), c50 1,500–2,000 req/s", Report.references(runs));
        assertEquals("–", Report.references(List.of()));
        List<NeededLimit.Probe> older = List.of(runs.get(0), runs.get(2), runs.get(1));
        assertEquals("short: 2 runs at the start, c50 900–1,200 req/s", Report.references(older));
    }

    @Test
    void chartsAreWrittenAsPng(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        ResultStore store = new ResultStore(results);
        store.write(Fixtures.target("jlink", TargetKind.variant, List.of(Fixtures.rep(1, 30, 40, 500))));
        store.write(Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 12, 20, 1000))));
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, """
                targets:
                  - {name: native, kind: variant, image: x}
                  - {name: jlink, kind: variant, image: y}
                """);
        Report.write(store, "20260101-000000", dir.resolve("docs"), targets);

        byte[] png = Files.readAllBytes(dir.resolve("docs/charts/memory-native.png"));
        assertTrue(isPng(png), "a PNG image");
        assertTrue(png.length > 2000, "with a plot in it");
        assertTrue(!java.util.Arrays.equals(png, Files.readAllBytes(dir.resolve("docs/charts/memory-jlink.png"))), "one chart per target");
        assertTrue(isPng(Files.readAllBytes(dir.resolve("docs/charts/idle-vs-peak.png"))));
        String md = Files.readString(dir.resolve("docs/memory.md"));
        // the order of targets.yaml: native before jlink
        assertTrue(md.indexOf("| native |") < md.indexOf("| jlink |"), md);
        assertTrue(md.startsWith("<!-- generated by"), "a report without its page is marked as generated");
        // results survive a round trip through their JSON files
        assertEquals(Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 12, 20, 1000))).summary(),
                store.read("20260101-000000").stream().filter(r -> r.target().name().equals("native")).findFirst()
                        .orElseThrow().summary());
    }

    @Test
    void theLatencyTableGivesEachRatesPercentilesAndTheWorstRunsFailures() {
        Results.Repetition a = Fixtures.withFixedRates(Fixtures.rep(1, 10, 20, 100), 0);
        Results.Repetition b = Fixtures.withFixedRates(Fixtures.rep(2, 10, 20, 100), 7);
        TargetResult t = Fixtures.target("go", TargetKind.peer, List.of(a, b));
        String md = Report.latencyTable(List.of(t, Fixtures.target("old", TargetKind.peer, List.of(Fixtures.rep(1, 10, 20, 100)))));
        assertTrue(md.startsWith("| target | req/s, 50 conn. · of the harness ceiling | 1,000 req/s on /: p50 / p99 / p99.9 ms | "
                + "5,000 req/s on /: p50 / p99 / p99.9 ms | 200 req/s on /work: p50 / p99 / p99.9 ms |"), md);
        // p50 1 ms, p99 = 10 × the phase's rate in thousands, p99.9 twice that; the second run had 7 failures
        assertTrue(md.contains("| go | 100 | 1.0 / 10.0 / 20.0 (7 failed) | 1.0 / 50.0 / 100.0 (7 failed) | 1.0 / 2.0 / 4.0 (7 failed) |"), md);
        TargetResult ceiling = Fixtures.target("harness-ceiling", TargetKind.ceiling, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 5, 5, 400), 0)));
        assertTrue(Report.latencyTable(List.of(t, ceiling)).contains("| go | 100 · 25% |"), "beside the ceiling's 400 req/s");
        assertTrue(!md.contains("| old |"), "a run without fixed-rate phases has no row: " + md);
        assertEquals("No fixed-rate phase ran in this run.",
                Report.latencyTable(List.of(Fixtures.target("old", TargetKind.peer, List.of(Fixtures.rep(1, 10, 20, 100))))));
    }

    @Test
    void untilARunWithFixedRatesIsSearchedTheLatencyTableComesFromTheNewestOneAndSaysSo(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir.resolve("results"));
        store.write(Fixtures.target("go", TargetKind.peer, List.of(Fixtures.rep(1, 10, 20, 100))));
        TargetResult newer = Fixtures.target("go", TargetKind.peer, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 10, 20, 300), 0)));
        store.write(new TargetResult(new Results.RunInfo("20260102-000000", "2026-01-02T00:00:00Z", "bench run", newer.run().machine(),
                newer.run().settings()), newer.target(), newer.image(), newer.repetitions(), newer.summary()));
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, "targets:\n  - {name: go, kind: peer, image: x}\n");
        Files.createDirectories(dir.resolve("docs"));
        StringBuilder page = new StringBuilder();
        for (String block : List.of("needs", "settings", "at-limit", "latency", "more", "images", "search", "timelines", "machine", "not-yet")) {
            page.append("<!-- generated:").append(block).append(" (x) -->\n<!-- /generated:").append(block).append(" -->\n");
        }
        Files.writeString(dir.resolve("docs/memory.md"), page);
        Report.write(store, "20260101-000000", dir.resolve("docs"), targets);
        String md = Files.readString(dir.resolve("docs/memory.md"));
        assertTrue(md.contains("From run `20260102-000000`, newer than the tables above") && md.contains("| go | 300 |"), md);
    }

    @Test
    void targetsNotInTheRunGetTheirLatencyFromTheNewestRunThatMeasuredThemBesideItsCeiling(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir.resolve("results"));
        // run 20260101-000000: asyncio, go and their ceiling at fixed rates; node without them
        store.write(Fixtures.target("go", TargetKind.peer, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 10, 20, 250), 0))));
        store.write(Fixtures.target("asyncio", TargetKind.peer, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 10, 20, 100), 0))));
        store.write(Fixtures.target("node", TargetKind.peer, List.of(Fixtures.rep(1, 10, 20, 50))));
        store.write(Fixtures.target("harness-ceiling", TargetKind.ceiling, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 5, 5, 400), 0))));
        TargetResult go = Fixtures.target("go", TargetKind.peer, List.of(Fixtures.withFixedRates(Fixtures.rep(1, 10, 20, 300), 0)));
        TargetResult goNow = new TargetResult(new Results.RunInfo("20260102-000000", "2026-01-02T00:00:00Z", "bench run",
                go.run().machine(), go.run().settings()), go.target(), go.image(), go.repetitions(), go.summary());
        store.write(goNow);
        // a newer run measured asyncio again, without the fixed rates: the older run's row stands
        TargetResult asyncio = Fixtures.target("asyncio", TargetKind.peer, List.of(Fixtures.rep(1, 10, 20, 77)));
        store.write(new TargetResult(new Results.RunInfo("20260103-000000", "2026-01-03T00:00:00Z", "bench run",
                asyncio.run().machine(), asyncio.run().settings()), asyncio.target(), asyncio.image(), asyncio.repetitions(),
                asyncio.summary()));
        List<TargetSpec> file = Targets.load(Files.writeString(dir.resolve("targets.yaml"), """
                targets:
                  - {name: go, kind: peer, image: x}
                  - {name: asyncio, kind: peer, image: x}
                  - {name: node, kind: peer, image: x}
                  - {name: harness-ceiling, kind: ceiling, image: x}
                """));

        String md = Report.latencyElsewhere(store, "20260102-000000", List.of(goNow), file);
        assertTrue(md.startsWith("Not in this run, from run `20260101-000000`"), md);
        assertTrue(md.contains("| asyncio | 100 · 25% |") && md.contains("| harness-ceiling | 400 |"), "beside its own run's ceiling: " + md);
        assertTrue(!md.contains("| node |") && !md.contains("| go |") && !md.contains("| asyncio | 77"),
                "no row without fixed rates, none for a target in the run: " + md);
        assertEquals("", Report.latencyElsewhere(store, "20260102-000000", List.of(goNow), file.subList(0, 1)),
                "every target in the run: nothing to add");
    }

    @Test
    void aPageWithBlocksKeepsItsTextAndGetsEveryTable(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir.resolve("results"));
        store.write(Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 12, 20, 1000))));
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, "targets:\n  - {name: native, kind: variant, image: x}\n");
        StringBuilder page = new StringBuilder("# Hand-written title\n\nwhy the reader cares\n");
        for (String block : List.of("needs", "settings", "at-limit", "latency", "more", "images", "search", "timelines", "machine", "not-yet")) {
            page.append("\n<!-- generated:").append(block).append(" (x) -->\nstale\n<!-- /generated:").append(block).append(" -->\n");
        }
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/memory.md"), page);
        Report.write(store, "20260101-000000", dir.resolve("docs"), targets);

        String md = Files.readString(dir.resolve("docs/memory.md"));
        assertTrue(md.startsWith("# Hand-written title\n\nwhy the reader cares\n"), md);
        assertTrue(!md.contains("stale"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| native | test target native |")), "the at-limit row: " + md);
    }
}
