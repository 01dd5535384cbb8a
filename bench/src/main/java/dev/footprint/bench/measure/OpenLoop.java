package dev.footprint.bench.measure;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.footprint.bench.model.LoadResult;

/**
 * An open-loop load generator: requests are due on a fixed schedule whether or not earlier ones were answered, and
 * each one's latency runs from the moment it was due, not from when it could be sent. A server that stalls is charged
 * for every request it held up, which a closed-loop generator (wrk, hey) does not send and so never counts.
 * At most {@code maxInFlight} requests are open at once (connections, like wrk2's); a request due while all are taken
 * waits for one, and that wait is in its latency.
 */
public final class OpenLoop implements AutoCloseable {

    /** Latencies are recorded in microseconds, up to an hour, to 3 significant digits. */
    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "open-loop");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int maxInFlight;

    public OpenLoop(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /**
     * What one fixed-rate phase gave.
     *
     * @param due the requests the schedule held (rate × duration)
     * @param completed those answered, whatever the status
     * @param errors those that failed (connection, timeout) or were not answered within the timeout after the schedule
     * @param non2xx answered with a status outside 2xx and 3xx
     * @param latencyMicros every request's latency from its due time; an unanswered one counts until it was given up
     * @param seconds from the first due time to the last answer or the give-up
     * @param cpuSeconds the bench process's CPU time over the phase (the generator runs in it)
     */
    public record Result(long due, long completed, long errors, long non2xx, Histogram latencyMicros, double seconds,
            double cpuSeconds) {

        public double percentileMs(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMs() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        /** As a phase records it: req/s answered, latency percentiles from the due times, the generator's CPU. */
        public LoadResult toLoad() {
            return new LoadResult(completed, seconds, completed / seconds, percentileMs(50), percentileMs(99), errors, non2xx,
                    errors == 0 ? null : errors + " failed or unanswered of " + due + " due", maxMs(), cpuSeconds, percentileMs(99.9));
        }
    }

    /**
     * Sends GET {@code url} at {@code perSecond} for {@code duration}, then waits up to {@code timeout} for the last
     * answers. A server too slow for the rate holds every connection, and what is still unsent {@code timeout} after
     * the schedule's end is given up: each such request counts as an error, with its wait until then as its latency,
     * so the phase ends in bounded time.
     */
    public Result run(URI url, double perSecond, Duration duration, Duration timeout) {
        if (!(perSecond > 0) || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an open-loop phase needs a positive rate and duration: " + perSecond + "/s for " + duration);
        }
        long count = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / perSecond;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        Histogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        CountDownLatch done = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, count));
        Semaphore inFlight = new Semaphore(maxInFlight);
        long cpuAtStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos() + timeout.toNanos();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!acquireBy(inFlight, deadline)) {
                for (long j = i; j < count; j++) {
                    latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (deadline - (start + (long) (j * intervalNanos))) / 1000)));
                    errors.incrementAndGet();
                    done.countDown();
                }
                break;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (System.nanoTime() - due) / 1000)));
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    completed.incrementAndGet();
                    if (response.statusCode() < 200 || response.statusCode() >= 400) {
                        non2xx.incrementAndGet();
                    }
                }
                inFlight.release();
                done.countDown();
            });
        }
        try {
            if (!done.await(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS)) {
                // the client's own timeout should have ended them; whatever is still open failed
                long open = done.getCount();
                errors.addAndGet(open);
                for (long i = 0; i < open; i++) {
                    latency.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the last answers", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(count, completed.get(), errors.get(), non2xx.get(), latency.copy(), seconds,
                (processCpuNanos() - cpuAtStart) / 1e9);
    }

    /** A free connection before {@code deadline} (System.nanoTime), or false. */
    private static boolean acquireBy(Semaphore inFlight, long deadline) {
        try {
            return inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
