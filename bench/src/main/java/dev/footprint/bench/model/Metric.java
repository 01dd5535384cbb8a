package dev.footprint.bench.model;

/**
 * The figures {@link Summary} gives per target, each the median over repetitions with min and max.
 * The names are the keys of the result files' summary and of summary.csv; each metric carries the unit
 * and decimals every table prints it with.
 */
public enum Metric {
    idleMiB(Unit.MIB, "working set, median over the idle phase"),
    warmupPeakMiB(Unit.MIB, "working set, largest sample in the warm-up (while a JIT compiles), apart from peak50MiB"),
    peak50MiB(Unit.MIB, "working set, largest sample at 50 connections"),
    peak200MiB(Unit.MIB, "working set, largest sample at 200 connections"),
    workPeakMiB(Unit.MIB, "working set, largest sample during /work"),
    fixedRatePeakMiB(Unit.MIB, "working set, largest sample over the open-loop phases (their rates: the run's)"),
    afterWorkMiB(Unit.MIB, "working set, median over the cool-down"),
    startupPeakMiB(Unit.MIB, "working set, largest sample from run to the first 200"),
    kernelPeakMiB(Unit.MIB, "the kernel's high-water mark of usage (page cache included) over every phase"),
    idleRssMiB(Unit.MIB, "RSS summed over the container's processes, largest idle sample"),
    idleRssAnonMiB(Unit.MIB, "RssAnon, largest idle sample"),
    idleRssFileMiB(Unit.MIB, "RssFile, largest idle sample"),
    idleRssShmemMiB(Unit.MIB, "RssShmem, largest idle sample"),
    peakRssMiB(Unit.MIB, "RSS, largest sample at 200 connections"),
    idleMappedFileMiB(Unit.MIB, "the cgroup's page cache mapped into the processes, largest idle sample"),
    idlePssMiB(Unit.MIB, "PSS, largest idle sample"),
    peakPssMiB(Unit.MIB, "PSS, largest sample at 200 connections"),
    idleThreads(Unit.COUNT, "threads, largest idle sample"),
    peakThreads(Unit.COUNT, "threads, largest sample at 200 connections or during /work"),
    startupMs(Unit.MS_WHOLE, "from the bench's run to the first 200"),
    readyAfterProcessStartMs(Unit.MS_WHOLE, "from the container's process start (the engine's StartedAt) to the first 200"),
    rps_warmup(Unit.RPS, "req/s in the warm-up: 50 connections, the first seconds under load"),
    rps_c50(Unit.RPS, "req/s at 50 connections"),
    p50Ms_c50(Unit.MS, "median latency at 50 connections"),
    p99Ms_c50(Unit.MS, "99th percentile latency at 50 connections"),
    rps_c200(Unit.RPS, "req/s at 200 connections"),
    p50Ms_c200(Unit.MS, "median latency at 200 connections"),
    p99Ms_c200(Unit.MS, "99th percentile latency at 200 connections"),
    rps_work(Unit.RPS, "req/s on /work"),
    p50Ms_work(Unit.MS, "median latency on /work"),
    p99Ms_work(Unit.MS, "99th percentile latency on /work"),
    p50Ms_rate1k(Unit.MS, "median latency at 1,000 req/s on /, open loop (from each request's due time)"),
    p99Ms_rate1k(Unit.MS, "99th percentile latency at 1,000 req/s on /, open loop"),
    p999Ms_rate1k(Unit.MS, "99.9th percentile latency at 1,000 req/s on /, open loop"),
    p50Ms_rate5k(Unit.MS, "median latency at 5,000 req/s on /, open loop"),
    p99Ms_rate5k(Unit.MS, "99th percentile latency at 5,000 req/s on /, open loop"),
    p999Ms_rate5k(Unit.MS, "99.9th percentile latency at 5,000 req/s on /, open loop"),
    p50Ms_workRate(Unit.MS, "median latency at 200 req/s on /work, open loop"),
    p99Ms_workRate(Unit.MS, "99th percentile latency at 200 req/s on /work, open loop"),
    p999Ms_workRate(Unit.MS, "99.9th percentile latency at 200 req/s on /work, open loop"),
    rpsPerMiB(Unit.RPS, "req/s at 50 connections per MiB of peak working set at 50 connections"),
    cpuMsPerRequest_c50(Unit.MS, "the measured container's CPU seconds per 1,000 requests at 50 connections"),
    errors(Unit.COUNT, "failed requests over every closed-loop phase"),
    non2xx(Unit.COUNT, "answers other than 2xx over every closed-loop phase"),
    oomKills(Unit.COUNT, "OOM kills");

    /** How a metric is printed: its unit and the decimals the tables give it. */
    public enum Unit {
        MIB("MiB", 1), MS("ms", 1), MS_WHOLE("ms", 0), RPS("req/s", 0), COUNT("", 0);

        public final String symbol;
        public final int decimals;

        Unit(String symbol, int decimals) {
            this.symbol = symbol;
            this.decimals = decimals;
        }
    }

    public final Unit unit;
    /** what the figure is, as a reader needs it */
    public final String label;

    Metric(Unit unit, String label) {
        this.unit = unit;
        this.label = label;
    }

    public int decimals() {
        return unit.decimals;
    }

    public static Metric rps(Phase p) {
        return valueOf("rps_" + p.name());
    }

    public static Metric p50(Phase p) {
        return valueOf("p50Ms_" + p.name());
    }

    public static Metric p99(Phase p) {
        return valueOf("p99Ms_" + p.name());
    }

    public static Metric p999(Phase p) {
        return valueOf("p999Ms_" + p.name());
    }
}
