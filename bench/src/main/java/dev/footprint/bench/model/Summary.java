package dev.footprint.bench.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Stat;

/** The figures the tables show, each the median over repetitions with its min and max. */
public final class Summary {

    public static final double MIB = 1024.0 * 1024.0;

    private Summary() {
    }

    public static Map<Metric, Stat> of(List<Repetition> reps) {
        Map<Metric, Stat> s = new EnumMap<>(Metric.class);
        put(s, Metric.idleMiB, reps, r -> mib(phase(r, Phase.idle).workingSetMedian()));
        put(s, Metric.warmupPeakMiB, reps, r -> mib(phase(r, Phase.warmup).workingSetMax()));
        put(s, Metric.peak50MiB, reps, r -> mib(phase(r, Phase.c50).workingSetMax()));
        put(s, Metric.peak200MiB, reps, r -> mib(phase(r, Phase.c200).workingSetMax()));
        put(s, Metric.workPeakMiB, reps, r -> mib(phase(r, Phase.work).workingSetMax()));
        put(s, Metric.fixedRatePeakMiB, reps, r -> mib(Phase.FIXED_RATE.stream().map(r::phase).filter(p -> p != null)
                .mapToLong(PhaseResult::workingSetMax).max().orElseThrow()));
        put(s, Metric.afterWorkMiB, reps, r -> mib(phase(r, Phase.cooldown).workingSetMedian()));
        put(s, Metric.startupPeakMiB, reps, r -> mib(phase(r, Phase.startup).workingSetMax()));
        put(s, Metric.idleRssMiB, reps, r -> mib(phase(r, Phase.idle).rssMax()));
        put(s, Metric.idleRssAnonMiB, reps, r -> mib(kinds(r, Phase.idle).rssAnon()));
        put(s, Metric.idleRssFileMiB, reps, r -> mib(kinds(r, Phase.idle).rssFile()));
        put(s, Metric.idleRssShmemMiB, reps, r -> mib(kinds(r, Phase.idle).rssShmem()));
        put(s, Metric.peakRssMiB, reps, r -> mib(phase(r, Phase.c200).rssMax()));
        put(s, Metric.idleMappedFileMiB, reps, r -> mib(kinds(r, Phase.idle).mappedFile()));
        put(s, Metric.idlePssMiB, reps, r -> mib(phase(r, Phase.idle).pssMax()));
        put(s, Metric.peakPssMiB, reps, r -> mib(phase(r, Phase.c200).pssMax()));
        put(s, Metric.kernelPeakMiB, reps, r -> mib(r.phases().stream().mapToLong(PhaseResult::kernelPeakUsage).max()
                .orElse(-1)));
        put(s, Metric.idleThreads, reps, r -> phase(r, Phase.idle).threadsMax());
        put(s, Metric.peakThreads, reps, r -> Math.max(phase(r, Phase.c200).threadsMax(), phase(r, Phase.work).threadsMax()));
        put(s, Metric.startupMs, reps, Repetition::startupMs);
        put(s, Metric.readyAfterProcessStartMs, reps, Repetition::readyAfterProcessStartMs);
        put(s, Metric.rps_warmup, reps, r -> load(r, Phase.warmup).requestsPerSecond());
        for (Phase p : Phase.LOADED) {
            put(s, Metric.rps(p), reps, r -> load(r, p).requestsPerSecond());
            put(s, Metric.p50(p), reps, r -> load(r, p).p50Ms());
            put(s, Metric.p99(p), reps, r -> load(r, p).p99Ms());
        }
        for (Phase p : Phase.FIXED_RATE) {
            put(s, Metric.p50(p), reps, r -> load(r, p).p50Ms());
            put(s, Metric.p99(p), reps, r -> load(r, p).p99Ms());
            put(s, Metric.p999(p), reps, r -> load(r, p).p999Ms());
        }
        put(s, Metric.rpsPerMiB, reps, r -> load(r, Phase.c50).requestsPerSecond() / mib(phase(r, Phase.c50).workingSetMax()));
        put(s, Metric.cpuMsPerRequest_c50, reps, r -> {
            PhaseResult p = phase(r, Phase.c50);
            if (p.cpu() == null || p.cpu().seconds() < 0 || p.load().requests() == 0) {
                throw new IllegalStateException("no CPU figures");
            }
            return 1000 * p.cpu().seconds() / p.load().requests();
        });
        // open-loop phases may run above what a target can serve: their failures are in the latency table, not here
        put(s, Metric.errors, reps, r -> r.phases().stream().filter(p -> p.load() != null && !Phase.FIXED_RATE.contains(p.phase()))
                .mapToDouble(p -> p.load().errors()).sum());
        put(s, Metric.non2xx, reps, r -> r.phases().stream().filter(p -> p.load() != null && !Phase.FIXED_RATE.contains(p.phase()))
                .mapToDouble(p -> p.load().non2xx()).sum());
        put(s, Metric.oomKills, reps, Repetition::oomKills);
        return s;
    }

    public static Stat stat(double[] values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        return new Stat(d.getPercentile(50), d.getMin(), d.getMax());
    }

    /** A figure that is negative (not read, not recorded in older results) or not a number is left out. */
    private static void put(Map<Metric, Stat> s, Metric key, List<Repetition> reps, ToDoubleFunction<Repetition> f) {
        double[] values = reps.stream().mapToDouble(r -> {
            try {
                return f.applyAsDouble(r);
            } catch (RuntimeException e) {
                return Double.NaN; // a phase that did not run (no allocation endpoint, container gone)
            }
        }).filter(v -> !Double.isNaN(v) && v >= 0).toArray();
        if (values.length > 0) {
            s.put(key, stat(values));
        }
    }

    private static PhaseResult phase(Repetition r, Phase name) {
        PhaseResult p = r.phase(name);
        if (p == null) {
            throw new IllegalStateException("no phase " + name);
        }
        return p;
    }

    private static Results.MemoryKinds kinds(Repetition r, Phase name) {
        Results.MemoryKinds k = phase(r, name).kinds();
        if (k == null) {
            throw new IllegalStateException("no memory kinds in " + name);
        }
        return k;
    }

    private static LoadResult load(Repetition r, Phase name) {
        LoadResult l = phase(r, name).load();
        if (l == null) {
            throw new IllegalStateException("no load in " + name);
        }
        return l;
    }

    static double mib(long bytes) {
        return bytes / MIB;
    }
}
