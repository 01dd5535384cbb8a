package dev.footprint.bench;

/**
 * What the load generator reported for one phase.
 *
 * @param errors socket errors of every kind (connect, read, write, timeout)
 * @param non2xx responses with a status outside 2xx/3xx
 */
public record LoadResult(long requests, double seconds, double requestsPerSecond, double p50Ms, double p99Ms,
        long errors, long non2xx) {
}
