package dev.footprint.bench;

import java.util.List;
import java.util.Map;

/** The result files' model: bench/results/RUN-ID/TARGET.json. */
public final class Results {

    private Results() {
    }

    /** How the run was made: identical for every target of one run. */
    public record RunInfo(String runId, String startedAt, String command, Map<String, String> machine,
            Settings settings) {
    }

    public record Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
            int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache) {

        public Settings {
            // Results written before the option existed: the bench never dropped the cache then.
            pageCache = pageCache == null ? PageCache.warm : pageCache;
        }
    }

    /** cold: the page cache is dropped before every container; warm: left as the previous one left it. */
    public enum PageCache {
        cold, warm
    }

    public record PhaseResult(String phase, double seconds, long workingSetMedian, long workingSetMax,
            long workingSetLast, long usageMax, long rssMax, long pssMax, long threadsMax, LoadResult load) {
    }

    public record Repetition(int repetition, double startupMs, double readyAfterProcessStartMs, long oomKills,
            boolean oomKilled, boolean survived, List<PhaseResult> phases, List<String> sampleFields,
            List<Object[]> samples) {

        public PhaseResult phase(String name) {
            return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
        }
    }

    /** median with the smallest and largest of the repetitions. */
    public record Stat(double median, double min, double max) {
    }

    public record TargetResult(RunInfo run, TargetSpec target, ContainerEngine.ImageInfo image, List<Repetition> repetitions,
            Map<String, Stat> summary) {
    }
}
