package dev.footprint.bench.model;

/**
 * What the load generator reported for one phase.
 *
 * @param errors socket errors of every kind (connect, read, write, timeout)
 * @param non2xx responses with a status outside 2xx/3xx
 * @param errorKinds what the errors were, as the load generator put it ("connect 0, read 0, write 0,
 *        timeout 12" for wrk), or null when there were none
 * @param maxMs the slowest request, NaN where unknown (results written before it was recorded)
 * @param generatorCpuSeconds user + system CPU time the load generator used, NaN where unknown
 * @param p999Ms the 99.9th percentile, NaN where the generator does not give it (wrk, hey); the open-loop phases
 *        measure every latency from the request's due time
 */
public record LoadResult(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms,
        long errors, long non2xx, String errorKinds, Double maxMs, Double generatorCpuSeconds, Double p999Ms) {

    public LoadResult {
        maxMs = maxMs == null ? Double.NaN : maxMs;
        generatorCpuSeconds = generatorCpuSeconds == null ? Double.NaN : generatorCpuSeconds;
        p999Ms = p999Ms == null ? Double.NaN : p999Ms;
    }

    public LoadResult(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms,
            long errors, long non2xx, String errorKinds, Double maxMs, Double generatorCpuSeconds) {
        this(requests, seconds, requestsPerSecond, p50Ms, p99Ms, errors, non2xx, errorKinds, maxMs, generatorCpuSeconds, Double.NaN);
    }

    public LoadResult(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms,
            long errors, long non2xx, String errorKinds) {
        this(requests, seconds, requestsPerSecond, p50Ms, p99Ms, errors, non2xx, errorKinds, Double.NaN, Double.NaN);
    }

    public LoadResult withGeneratorCpu(double cpuSeconds) {
        return new LoadResult(requests, seconds, requestsPerSecond, p50Ms, p99Ms, errors, non2xx, errorKinds, maxMs, cpuSeconds, p999Ms);
    }

    /** The share of one core the generator used over the phase (it is pinned to one). */
    public double generatorLoad() {
        return seconds > 0 ? generatorCpuSeconds / seconds : Double.NaN;
    }

    /** The generator was the bottleneck: it used at least 90% of its core. */
    public boolean generatorBound() {
        return generatorLoad() >= 0.9;
    }
}
