package dev.footprint.bench.model;

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

    /**
     * @param serverCpus the cores the measured container is pinned to (--cpuset-cpus), null where it was not pinned
     * @param generatorCpus the cores the load generators are pinned to (taskset), null where they were not
     * @param startupSeconds how long a container may take to its first 200 before the repetition fails
     * @param workTimeoutSeconds the bound on the count-bound /work phase
     * @param runFlags container-engine flags every target ran with beyond the limits and pinning: the locked-down
     *        flags (images/locked-down.args) with --locked-down; empty in results written before the option
     * @param warmupSeconds the warm-up phase's length before c50; 0 (none) in results written before 2026-12-06
     * @param phases every phase, or only those at a fixed rate ({@link PhaseSet})
     * @param rateScale what the open-loop phases' rates ({@link Phase#perSecond()}) are multiplied by: below 1 on a
     *        machine that cannot serve them (the emulated guest), 1 in results written before the option
     */
    public record Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
            int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache,
            String serverCpus, String generatorCpus, int startupSeconds, int workTimeoutSeconds, List<String> runFlags,
            int fixedRateSeconds, int warmupSeconds, PhaseSet phases, double rateScale) {

        public Settings {
            // Results written before 2026-12-07's fixed-rate sittings: every phase, at the rates Phase names.
            phases = phases == null ? PhaseSet.all : phases;
            rateScale = rateScale > 0 ? rateScale : 1;
            // Results written before the option existed: the bench never dropped the cache then.
            pageCache = pageCache == null ? PageCache.warm : pageCache;
            startupSeconds = startupSeconds > 0 ? startupSeconds : 120;
            workTimeoutSeconds = workTimeoutSeconds > 0 ? workTimeoutSeconds : 600;
            runFlags = runFlags == null ? List.of() : List.copyOf(runFlags);
        }

        public Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
                int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache,
                String serverCpus, String generatorCpus, int startupSeconds, int workTimeoutSeconds, List<String> runFlags,
                int fixedRateSeconds, int warmupSeconds) {
            this(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, runFlags,
                    fixedRateSeconds, warmupSeconds, PhaseSet.all, 1);
        }

        public Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
                int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache,
                String serverCpus, String generatorCpus, int startupSeconds, int workTimeoutSeconds, List<String> runFlags,
                int fixedRateSeconds) {
            this(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, runFlags,
                    fixedRateSeconds, 0);
        }

        public Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
                int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache,
                String serverCpus, String generatorCpus, int startupSeconds, int workTimeoutSeconds, List<String> runFlags) {
            this(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, runFlags, 0);
        }

        public Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
                int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache,
                String serverCpus, String generatorCpus, int startupSeconds, int workTimeoutSeconds) {
            this(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, List.of(), 0);
        }

        public Settings(long memoryLimitBytes, double cpus, int repetitions, int idleSeconds, int loadSeconds,
                int workRequests, int cooldownSeconds, int sampleIntervalMs, boolean quick, PageCache pageCache) {
            this(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, null, null, 0, 0);
        }

        public Settings withMemory(long bytes) {
            return new Settings(bytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, runFlags,
                    fixedRateSeconds, warmupSeconds, phases, rateScale);
        }

        public Settings withWorkTimeout(int seconds) {
            return new Settings(memoryLimitBytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, seconds, runFlags, fixedRateSeconds,
                    warmupSeconds, phases, rateScale);
        }

        /**
         * These settings at another limit for a confirmation of the needed-limit search: the full phases it is judged
         * on; in a run of every phase that is without the open-loop ones (not judged there, they would add a minute to
         * every run).
         */
        public Settings confirmation(long bytes) {
            return new Settings(bytes, cpus, repetitions, idleSeconds, loadSeconds, workRequests, cooldownSeconds,
                    sampleIntervalMs, quick, pageCache, serverCpus, generatorCpus, startupSeconds, workTimeoutSeconds, runFlags,
                    phases == PhaseSet.fixedRate ? fixedRateSeconds : 0, warmupSeconds, phases, rateScale);
        }

        /**
         * These settings with the short phases of a probe of the needed-limit search (the open-loop phases only where
         * they are judged, for 5 s each), a quarter of the run's bound on startup (30 s of 120); a probe and the
         * 256 MiB reference it is held to warm up alike: the run's warm-up, at most a probe's 5 s.
         */
        public Settings probe(long bytes) {
            return new Settings(bytes, cpus, 1, 3, 5, 1000, 3, sampleIntervalMs, true, pageCache, serverCpus,
                    generatorCpus, Math.max(1, startupSeconds / 4), 60, runFlags, phases == PhaseSet.fixedRate ? 5 : 0,
                    Math.min(warmupSeconds, 5), phases, rateScale);
        }

        /** The requests per second an open-loop phase sends in this run: {@link Phase#perSecond()} times the rate scale. */
        public double perSecond(Phase p) {
            return p.perSecond() * rateScale;
        }
    }

    /** cold: the page cache is dropped before every container; warm: left as the previous one left it. */
    public enum PageCache {
        cold, warm
    }

    /**
     * @param kinds the largest of each kind of resident memory over the phase's samples, or null in older results
     * @param kernelPeakUsage the kernel's own high-water mark of usage (page cache included) over the phase, which
     *        catches what falls between samples: v1 memory.max_usage_in_bytes reset at the phase's start; v2
     *        memory.peak, the peak since the container started; -1 where unknown
     * @param cpu the container's CPU use over the phase, or null in older results
     * @param residency where the resident memory sat in the phase (idle: at its end; c200: late in it, under load), or
     *        null for the other phases and in results written before 2026-12-07
     */
    public record PhaseResult(Phase phase, double seconds, long workingSetMedian, long workingSetMax,
            long workingSetLast, long usageMax, long rssMax, long pssMax, long threadsMax, LoadResult load,
            MemoryKinds kinds, long kernelPeakUsage, CpuUse cpu, Residency residency) {

        public PhaseResult(Phase phase, double seconds, long workingSetMedian, long workingSetMax, long workingSetLast,
                long usageMax, long rssMax, long pssMax, long threadsMax, LoadResult load) {
            this(phase, seconds, workingSetMedian, workingSetMax, workingSetLast, usageMax, rssMax, pssMax, threadsMax, load,
                    null, -1, null, null);
        }

        public PhaseResult(Phase phase, double seconds, long workingSetMedian, long workingSetMax, long workingSetLast,
                long usageMax, long rssMax, long pssMax, long threadsMax, LoadResult load, MemoryKinds kinds,
                long kernelPeakUsage, CpuUse cpu) {
            this(phase, seconds, workingSetMedian, workingSetMax, workingSetLast, usageMax, rssMax, pssMax, threadsMax, load,
                    kinds, kernelPeakUsage, cpu, null);
        }

        public PhaseResult {
            kernelPeakUsage = kernelPeakUsage == 0 ? -1 : kernelPeakUsage;
        }

        public PhaseResult withResidency(Residency r) {
            return new PhaseResult(phase, seconds, workingSetMedian, workingSetMax, workingSetLast, usageMax, rssMax, pssMax,
                    threadsMax, load, kinds, kernelPeakUsage, cpu, r);
        }
    }

    /**
     * Resident memory by kind, bytes, each the largest over a phase's samples: RssAnon, RssFile, RssShmem summed
     * over the container's processes (/proc/PID/status), and the cgroup's file pages (memory.stat).
     */
    public record MemoryKinds(long rssAnon, long rssFile, long rssShmem, long activeFile, long inactiveFile,
            long mappedFile) {
    }

    /**
     * The measured container's CPU over a phase (its cgroup's cpu.stat): time run, CFS periods and how many of them
     * the quota throttled.
     */
    public record CpuUse(double seconds, long periods, long throttledPeriods, double throttledMs) {
    }

    public record Repetition(int repetition, double startupMs, double readyAfterProcessStartMs, long oomKills,
            boolean oomKilled, boolean survived, List<PhaseResult> phases, List<String> sampleFields,
            List<Object[]> samples) {

        public PhaseResult phase(Phase name) {
            return phases.stream().filter(p -> p.phase() == name).findFirst().orElse(null);
        }

        /** This repetition with its phase figures but not its samples (a needed-limit probe keeps only those). */
        public Repetition withoutSamples() {
            return new Repetition(repetition, startupMs, readyAfterProcessStartMs, oomKills, oomKilled, survived, phases,
                    sampleFields, List.of());
        }
    }

    /** median with the smallest and largest of the repetitions. */
    public record Stat(double median, double min, double max) {
    }

    /**
     * @param needs the needed-limit search (bench run --needs), or null where none ran
     */
    public record TargetResult(RunInfo run, TargetSpec target, ImageInfo image, List<Repetition> repetitions,
            Map<Metric, Stat> summary, Needs needs) {

        public TargetResult(RunInfo run, TargetSpec target, ImageInfo image, List<Repetition> repetitions,
                Map<Metric, Stat> summary) {
            this(run, target, image, repetitions, summary, null);
        }
    }

    /**
     * The needed-limit search of one target ({@link NeededLimit}).
     *
     * @param neededBytes the smallest limit whose confirmations all passed, or -1 when none did
     * @param note why there is no needed limit, or null
     * @param probes every run of the search in the order it ran: the bisection's probes and the confirmations (full
     *        phases, with their samples), each between two runs at the reference limit with the same phases
     * @param atNeeded the figures of the passing confirmations at the needed limit, as {@link Summary#of} gives them
     * @param rule how the runs were judged; null in result files written before the rule was recorded
     * @param firstGuessBytes the limit the bisection probed first, a limit an earlier search of the target in the same
     *        run had found ({@link NeededLimit#bisect(List, java.util.function.LongFunction, List, int)}); 0 for none
     */
    public record Needs(long referenceLimitBytes, long floorBytes, long neededBytes, String note,
            List<NeededLimit.Probe> probes, Map<Metric, Stat> atNeeded, NeededLimit.Rule rule, long firstGuessBytes) {

        public Needs(long referenceLimitBytes, long floorBytes, long neededBytes, String note,
                List<NeededLimit.Probe> probes, Map<Metric, Stat> atNeeded) {
            this(referenceLimitBytes, floorBytes, neededBytes, note, probes, atNeeded, NeededLimit.Rule.CURRENT);
        }

        public Needs(long referenceLimitBytes, long floorBytes, long neededBytes, String note,
                List<NeededLimit.Probe> probes, Map<Metric, Stat> atNeeded, NeededLimit.Rule rule) {
            this(referenceLimitBytes, floorBytes, neededBytes, note, probes, atNeeded, rule, 0);
        }

        /** Searched by the newest rule; otherwise a limit found was not confirmed by it. */
        public boolean byCurrentRule() {
            return rule == NeededLimit.Rule.CURRENT;
        }

        /**
         * The note of a search whose confirmations confirmed no limit: that they climbed to the reference limit itself
         * and the last one's verdict, or that they stopped at {@link NeededLimit#MAX_CLIMB} times the bisection's result.
         */
        public static String climbNote(List<NeededLimit.Probe> probes, long referenceLimitBytes) {
            List<NeededLimit.Probe> climbed = probes.stream().filter(p -> p.stage() == NeededLimit.Stage.confirm).toList();
            if (!climbed.isEmpty() && climbed.get(climbed.size() - 1).limitBytes() == referenceLimitBytes) {
                NeededLimit.Probe last = climbed.get(climbed.size() - 1);
                NeededLimit.Verdict together = NeededLimit.judgeSpeed(
                        climbed.stream().filter(p -> p.limitBytes() == last.limitBytes()).toList());
                // an error, stall or OOM kill stops a limit's runs, so the last run says why; otherwise their median does
                boolean failedHard = !last.pass() && !last.slowOnly();
                return "no limit up to the reference limit itself was confirmed ("
                        + (failedHard || together.pass() ? "the last run: " + last.why() : together.why()) + ")";
            }
            return CLIMB_STOPPED_NOTE;
        }

        /** Why no limit was found: the note, its climb re-read from the probes in files whose note did not say how far. */
        public String whyNone() {
            return neededBytes < 0 && CLIMB_STOPPED_NOTE.equals(note) ? climbNote(probes, referenceLimitBytes) : note;
        }

        /**
         * What climbNote writes when the climb reached MAX_CLIMB× the bisection's result. Files written before
         * climbNote carry it however far their climb went, so whyNone re-reads those from their probes.
         */
        private static final String CLIMB_STOPPED_NOTE =
                "no limit up to " + (int) NeededLimit.MAX_CLIMB + "× the bisection's result was confirmed";

        /**
         * The slowest phase's median speed share over the confirmations at the needed limit ({@link NeededLimit#judgeSpeed}),
         * NaN where none recorded shares (files written before {@link NeededLimit.Rule#medianOfConfirmations}).
         */
        public double confirmedSpeed() {
            return NeededLimit.medianShares(confirmations()).values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public List<NeededLimit.Probe> confirmations() {
            return probes.stream().filter(p -> p.stage() == NeededLimit.Stage.confirm && p.limitBytes() == neededBytes).toList();
        }
    }
}
