package dev.footprint.bench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;

/** Synthetic results with known numbers. */
public final class Fixtures {

    public static final long MIB = 1024 * 1024;

    /** The settings the needed-limit tests search under: 256 MiB, 3 repetitions, 15 s loaded phases. */
    public static final Settings SEARCH = new Settings(256 * MIB, 1, 3, 10, 15, 10_000, 10, 100, false,
            Results.PageCache.cold, "1", "0", 120, 600);
    /** A target whose runs a test scripts. */
    public static final TargetSpec SCRIPTED = new TargetSpec("scripted", TargetKind.variant, "localhost/footprint/service:scripted",
            "/", "/work?kib=256", List.of(), Map.of(), null, null, "scripted target", null, null);

    private Fixtures() {
    }

    public static RunInfo run() {
        return new RunInfo("20260101-000000", "2026-01-01T00:00:00Z", "bench run --targets all",
                Map.of("cpuModel", "Test CPU", "loadGenerator", "wrk 4.1.0"),
                new Settings(256 * MIB, 1, 3, 10, 30, 10_000, 15, 100, false, Results.PageCache.cold));
    }

    /** A repetition whose working set is idleMiB at idle and peakMiB under 200 connections. */
    public static Repetition rep(int n, long idleMiB, long peakMiB, double rps) {
        List<PhaseResult> phases = List.of(
                new PhaseResult(Phase.idle, 10, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, 20, null),
                new PhaseResult(Phase.c50, 30, peakMiB * MIB, (peakMiB - 1) * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, 22,
                        new LoadResult(1000, 30, rps, 1.0, 5.0, 0, 0, null)),
                new PhaseResult(Phase.c200, 30, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, 24,
                        new LoadResult(1000, 30, rps, 4.0, 20.0, 2, 1, "connect 0, read 2, write 0, timeout 0")),
                new PhaseResult(Phase.work, 5, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, peakMiB * MIB, 30,
                        new LoadResult(10000, 5, 2000, 10.0, 50.0, 0, 0, null)),
                new PhaseResult(Phase.cooldown, 15, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, idleMiB * MIB, 20, null));
        List<Object[]> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(new Sample(i * 100L, i < 25 ? Phase.idle : Phase.c50, (i < 25 ? idleMiB : peakMiB) * MIB, 0, 0, 0, 20).toRow());
        }
        return new Repetition(n, 500 + n, 100 + n, 0, false, true, phases, Arrays.asList(Sample.FIELDS), samples);
    }

    /**
     * The repetition with the open-loop phases added: p50 1 ms, p99 10 ms per 1,000 req/s of the phase's rate, p99.9
     * twice that, and {@code errors} failed requests in each.
     */
    public static Repetition withFixedRates(Repetition r, long errors) {
        List<PhaseResult> phases = new ArrayList<>(r.phases());
        for (Phase p : Phase.FIXED_RATE) {
            double p99 = 10.0 * p.perSecond() / 1000;
            phases.add(new PhaseResult(p, 15, 1, 1, 1, 1, 1, 1, 1, new LoadResult(p.perSecond() * 15L, 15, p.perSecond(), 1.0,
                    p99, errors, 0, null, 3 * p99, 1.0, 2 * p99)));
        }
        return new Repetition(r.repetition(), r.startupMs(), r.readyAfterProcessStartMs(), r.oomKills(), r.oomKilled(),
                r.survived(), phases, r.sampleFields(), r.samples());
    }

    /** A repetition of a fixed-rate run: idle, then the three open-loop phases with this slowest request and these errors each. */
    public static Repetition fixedRateOnly(double maxMs, long errors) {
        List<PhaseResult> phases = new ArrayList<>(List.of(new PhaseResult(Phase.idle, 10, MIB, MIB, MIB, MIB, MIB, MIB, 10, null)));
        for (Phase p : Phase.FIXED_RATE) {
            phases.add(new PhaseResult(p, 15, MIB, MIB, MIB, MIB, MIB, MIB, 10, new LoadResult(1500, 15, 100, 2, 20, errors, 0,
                    errors == 0 ? null : errors + " failed or unanswered", maxMs, 1.0, 40.0)));
        }
        return new Repetition(1, 500, 100, 0, false, true, phases, List.of(), List.of());
    }

    public static TargetResult target(String name, TargetKind kind, List<Repetition> reps) {
        TargetSpec spec = new TargetSpec(name, kind, "localhost/footprint/service:" + name, "/", "/work?kib=256",
                List.of(), Map.of(), "~10 MB (claim)", null, "test target " + name, null);
        return new TargetResult(run(), spec, new ImageInfo(spec.image(), "sha256:0123456789abcdef", 100 * MIB,
                Map.of("footprint.bases", "BASE_IMAGE=test"), List.of("JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=75"), List.of("-Xmx64m"), null),
                reps, Summary.of(reps));
    }

    /** A repetition whose three loaded phases all ran at {@code rps} with a slowest request of {@code maxMs}. */
    public static Repetition loaded(double rps, double maxMs, long errors, boolean oomKilled) {
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(new PhaseResult(Phase.idle, 10, MIB, MIB, MIB, MIB, MIB, MIB, 10, null));
        for (Phase p : Phase.LOADED) {
            phases.add(new PhaseResult(p, 10, MIB, MIB, MIB, MIB, MIB, MIB, 10,
                    new LoadResult((long) rps * 10, 10, rps, 1, 5, errors, 0, errors > 0 ? "read " + errors : null, maxMs, 5.0)));
        }
        return new Repetition(1, 500, 400, oomKilled ? 1 : 0, oomKilled, !oomKilled, phases, List.of(), List.of());
    }
}
