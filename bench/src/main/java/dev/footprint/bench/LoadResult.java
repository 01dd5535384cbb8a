package dev.footprint.bench;

/**
 * What the load generator reported for one phase.
 *
 * @param errors socket errors of every kind (connect, read, write, timeout)
 * @param non2xx responses with a status outside 2xx/3xx
 * @param errorKinds what the errors were, as the load generator put it ("connect 0, read 0, write 0,
 *        timeout 12" for wrk), or null when there were none
 */
public record LoadResult(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms,
        long errors, long non2xx, String errorKinds) {
}
