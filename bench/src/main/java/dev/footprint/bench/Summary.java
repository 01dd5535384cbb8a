package dev.footprint.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.Results.PhaseResult;
import dev.footprint.bench.Results.Repetition;
import dev.footprint.bench.Results.Stat;

/** The figures the tables show, each the median over repetitions with its min and max. */
public final class Summary {

    public static final double MIB = 1024.0 * 1024.0;

    private Summary() {
    }

    public static Map<String, Stat> of(List<Repetition> reps) {
        Map<String, Stat> s = new LinkedHashMap<>();
        put(s, "idleMiB", reps, r -> mib(phase(r, "idle").workingSetMedian()));
        put(s, "peak50MiB", reps, r -> mib(phase(r, "c50").workingSetMax()));
        put(s, "peak200MiB", reps, r -> mib(phase(r, "c200").workingSetMax()));
        put(s, "workPeakMiB", reps, r -> mib(phase(r, "work").workingSetMax()));
        put(s, "afterWorkMiB", reps, r -> mib(phase(r, "cooldown").workingSetMedian()));
        put(s, "idleRssMiB", reps, r -> mib(phase(r, "idle").rssMax()));
        put(s, "idlePssMiB", reps, r -> mib(phase(r, "idle").pssMax()));
        put(s, "peakPssMiB", reps, r -> mib(phase(r, "c200").pssMax()));
        put(s, "idleThreads", reps, r -> phase(r, "idle").threadsMax());
        put(s, "peakThreads", reps, r -> Math.max(phase(r, "c200").threadsMax(), phase(r, "work").threadsMax()));
        put(s, "startupMs", reps, Repetition::startupMs);
        put(s, "readyAfterProcessStartMs", reps, Repetition::readyAfterProcessStartMs);
        for (String p : List.of("c50", "c200", "work")) {
            put(s, "rps_" + p, reps, r -> load(r, p).requestsPerSecond());
            put(s, "p50Ms_" + p, reps, r -> load(r, p).p50Ms());
            put(s, "p99Ms_" + p, reps, r -> load(r, p).p99Ms());
        }
        put(s, "rpsPerMiB", reps, r -> load(r, "c50").requestsPerSecond() / mib(phase(r, "c50").workingSetMax()));
        put(s, "errors", reps, r -> r.phases().stream().filter(p -> p.load() != null)
                .mapToDouble(p -> p.load().errors()).sum());
        put(s, "non2xx", reps, r -> r.phases().stream().filter(p -> p.load() != null)
                .mapToDouble(p -> p.load().non2xx()).sum());
        put(s, "oomKills", reps, Repetition::oomKills);
        return s;
    }

    public static Stat stat(double[] values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        return new Stat(d.getPercentile(50), d.getMin(), d.getMax());
    }

    private static void put(Map<String, Stat> s, String key, List<Repetition> reps, ToDoubleFunction<Repetition> f) {
        double[] values = reps.stream().mapToDouble(r -> {
            try {
                return f.applyAsDouble(r);
            } catch (RuntimeException e) {
                return Double.NaN; // a phase that did not run (no allocation endpoint, container gone)
            }
        }).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length > 0) {
            s.put(key, stat(values));
        }
    }

    private static PhaseResult phase(Repetition r, String name) {
        PhaseResult p = r.phase(name);
        if (p == null) {
            throw new IllegalStateException("no phase " + name);
        }
        return p;
    }

    private static LoadResult load(Repetition r, String name) {
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
