package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.CgroupChecks;
import dev.footprint.bench.model.CgroupChecks.Environment;
import dev.footprint.bench.model.CgroupChecks.Outside;
import dev.footprint.bench.model.CgroupChecks.Shipped;
import dev.footprint.bench.model.CgroupChecks.Sizing;
import dev.footprint.bench.model.CgroupChecks.View;
import dev.footprint.bench.model.CgroupChecks.ViewRow;
import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.Json;
import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Needs;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;

class CgroupVersionsTest {

    private static final long MIB = 1 << 20;

    @TempDir Path results;

    /** A sitting as tools/cgroup-checks.sh writes it, with one native row. */
    private static void sitting(Path dir, String cgroup, String emulation, List<String> checkLines, ViewRow row) throws IOException {
        Files.createDirectories(dir);
        Json.MAPPER.writeValue(dir.resolve("environment.json").toFile(), new Environment(cgroup, "6.12", "Debian", "podman version 5.4.2",
                "crun 1.21", "AMD EPYC", 2, 4 * 1048576L, emulation, emulation == null ? 1 : 10, "2026-12-07T08:21:41Z"));
        Json.MAPPER.writeValue(dir.resolve("cgroup-view.json").toFile(), new View(cgroup, 2 * MIB, List.of(row)));
        Files.write(dir.resolve("image-checks.txt"), checkLines);
    }

    private static ViewRow nativeRow(Shipped shipped, long memorySeen, List<String> failures) {
        return new ViewRow("native", "native", "sha256:1", 64 * MIB, shipped,
                new Sizing(memorySeen, memorySeen * 4 / 5, 2.0, 35, false, null), failures);
    }

    private static Shipped seen(long workingSet) {
        Outside o = new Outside(workingSet, 0, workingSet, String.valueOf(64 * MIB));
        return new Shipped(o, o, (double) (64 * MIB), (double) workingSet, 2.0, null);
    }

    @Test
    void bothCgroupVersionsSideBySideWithWhatFailed() throws IOException {
        sitting(results.resolve("r1/v1-host"), "v1", null,
                List.of("check native", "  ok   native: no shell or package manager",
                        "  ok   native: GET / 200 after 344 ms from 'podman run', 163 ms from process start, under a 64m limit"),
                nativeRow(seen(8 * MIB), 24L << 30, List.of()));
        sitting(results.resolve("r1/v2-guest"), "v2", "QEMU 7.2, -accel tcg",
                List.of("check native", "  ok   native: no shell or package manager",
                        "  ok   native: GET / 200 after 3439 ms from 'podman run', 1547 ms from process start, under a 64m limit",
                        "  FAIL native: stopped cleanly on SIGTERM"),
                nativeRow(seen(9 * MIB), 64 * MIB, List.of("the service's working set 1 is outside 2..3 read from outside")));
        List<CgroupChecks> both = CgroupChecks.readAll(results.resolve("r1"));
        assertEquals(List.of("v1-host", "v2-guest"), both.stream().map(CgroupChecks::name).toList());

        String checks = CgroupVersions.checks(both);
        assertTrue(checks.contains("| native | passed (2 checks) | FAILED: stopped cleanly on SIGTERM | 163 ms | 1,547 ms |"), checks);
        assertTrue(checks.contains("first 200 from process start, cgroup v2 (emulated)"), "the emulated start is labelled:\n" + checks);

        String view = CgroupVersions.view(both);
        assertTrue(view.contains("| native | v1 | 64.0 | 64.0 | 8.0 | 8.0 / 8.0 | 24,576.0 | 19,660.8 | 2 | saw its cgroup |"),
                "the native executable sizing its heap from the host's RAM on v1 is shown, not judged:\n" + view);
        assertTrue(view.contains("| native | v2 | 64.0 | 64.0 | 9.0 | 9.0 / 9.0 | 64.0 | 51.2 | 2 | the service's working set 1 is outside"), view);
    }

    @Test
    void aShippedRunThatNeverAnsweredKeepsTheTableItsShape() throws IOException {
        sitting(results.resolve("r2/v2-guest"), "v2", "QEMU", List.of(),
                nativeRow(new Shipped(null, null, null, null, null, "no 200 on GET / within 600 s"), 64 * MIB,
                        List.of("no 200 on GET / within 600 s")));
        String view = CgroupVersions.view(CgroupChecks.readAll(results.resolve("r2")));
        String row = view.lines().filter(l -> l.startsWith("| native |")).findFirst().orElseThrow();
        assertEquals(view.lines().findFirst().orElseThrow().chars().filter(c -> c == '|').count(), row.chars().filter(c -> c == '|').count(),
                "as many cells as the header:\n" + view);
        assertTrue(CgroupVersions.checks(CgroupChecks.readAll(results.resolve("r2"))).contains("| native | not checked |"));
    }

    @Test
    void theFixedRateSittingsSideBySideWithTheirNeededLimitsAndTheRatesTheyRan() {
        Settings scaled = new Settings(256 * MIB, 1, 2, 10, 15, 10_000, 10, 100, false, Results.PageCache.cold, "1", "0", 480, 600,
                List.of(), 15, 15, PhaseSet.fixedRate, 0.1);
        List<Repetition> reps = List.of(Fixtures.fixedRateOnly(200, 0), Fixtures.fixedRateOnly(200, 0));
        TargetResult found = result("native", scaled, reps, new Needs(256 * MIB, 8 * MIB, 40 * MIB, null, List.of(), Map.of()));
        TargetResult missed = result("native", scaled, reps, new Needs(256 * MIB, 8 * MIB, -1, "fails | at the top", List.of(), Map.of()));
        String md = CgroupVersions.bench(List.of(new CgroupVersions.BenchSitting("20261207-v1-host", "v1 (hybrid)", List.of(found)),
                new CgroupVersions.BenchSitting("20261207-v2-guest", "v2", List.of(missed))));
        assertTrue(md.contains("| needed limit, v1 (hybrid) | needed limit, v2 |"), md);
        assertTrue(md.contains("p99 at 100 req/s on /, v1"), "the rate the run sent, not the unscaled one: " + md);
        assertTrue(md.contains("| native | 40 MiB | not found: fails \\| at the top | 1.0"), md);
        assertTrue(CgroupVersions.bench(List.of()).startsWith("No fixed-rate sitting yet"));
    }

    private static TargetResult result(String name, Settings s, List<Repetition> reps, Needs needs) {
        TargetResult t = Fixtures.target(name, TargetKind.variant, reps);
        RunInfo run = new RunInfo("20261207-x", "2026-12-07T00:00:00Z", "bench run", Map.of("cgroup", "v2"), s);
        return new TargetResult(run, t.target(), t.image(), reps, Summary.of(reps), needs);
    }

    @Test
    void aDirectoryWithoutSittingsIsAnErrorThatSaysWhatMakesOne() throws IOException {
        Files.createDirectories(results.resolve("empty/other"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CgroupChecks.readAll(results.resolve("empty")));
        assertTrue(e.getMessage().contains("tools/cgroup-checks.sh --out"), e.getMessage());
    }
}
