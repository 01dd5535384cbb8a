package dev.footprint.bench;

/**
 * The figures {@link Summary} gives per target, each the median over repetitions with min and max.
 * The names are the keys of the result files' summary and of summary.csv.
 */
public enum Metric {
    /** working set, median over the idle phase */
    idleMiB,
    /** working set, largest sample at 50 connections */
    peak50MiB,
    /** working set, largest sample at 200 connections */
    peak200MiB,
    /** working set, largest sample during /work */
    workPeakMiB,
    /** working set, median over the cool-down */
    afterWorkMiB,
    /** working set, largest sample from {@code run} to the first 200 */
    startupPeakMiB,
    /** the kernel's high-water mark of usage (page cache included) over every phase */
    kernelPeakMiB,
    /** RSS summed over the container's processes, largest idle sample; and its kinds */
    idleRssMiB, idleRssAnonMiB, idleRssFileMiB, idleRssShmemMiB,
    /** RSS, largest sample at 200 connections */
    peakRssMiB,
    /** the cgroup's page cache mapped into the processes, largest idle sample */
    idleMappedFileMiB,
    idlePssMiB, peakPssMiB, idleThreads, peakThreads,
    /** from the bench's {@code run} to the first 200 */
    startupMs,
    /** from the container's process start (the engine's StartedAt) to the first 200 */
    readyAfterProcessStartMs,
    rps_c50, p50Ms_c50, p99Ms_c50, rps_c200, p50Ms_c200, p99Ms_c200, rps_work, p50Ms_work, p99Ms_work,
    /** req/s at 50 connections per MiB of peak working set at 50 connections */
    rpsPerMiB,
    /** the measured container's CPU seconds per 1,000 requests at 50 connections */
    cpuMsPerRequest_c50,
    errors, non2xx, oomKills;

    static Metric rps(Phase p) {
        return valueOf("rps_" + p.name());
    }

    static Metric p50(Phase p) {
        return valueOf("p50Ms_" + p.name());
    }

    static Metric p99(Phase p) {
        return valueOf("p99Ms_" + p.name());
    }
}
