package dev.footprint.bench.measure;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.footprint.bench.model.LoadResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * An open-loop load generator: requests are due on a fixed schedule whether or not earlier ones were answered, and
 * each one's latency runs from the moment it was due, not from when it could be sent. A server that stalls is charged
 * for every request it held up, which a closed-loop generator (wrk, hey) does not send and so never counts.
 * At most {@code connections} requests are open at once (like wrk2's connections); a request due while all are taken
 * waits in the client's queue, and that wait is in its latency. The client is Vert.x's, on one event loop: the JDK's
 * HttpClient could not drive 5,000 req/s from one core (bench/results/checks/20261203-open-loop-generators/).
 */
public final class OpenLoop implements AutoCloseable {

    /** Latencies are recorded in microseconds, up to an hour, to 3 significant digits. */
    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(TimeUnit.HOURS.toMillis(1)));
    private final int connections;
    /**
     * Kept from one run to the next, so that a run after the warm-up finds its connections open: opening them
     * during a measured run (a burst of connects after a pause) put tens of milliseconds into its tail.
     */
    private HttpClient client;

    public OpenLoop(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("an open loop needs at least 1 connection, was " + connections);
        }
        this.connections = connections;
    }

    public int connections() {
        return connections;
    }

    /**
     * What one fixed-rate phase gave.
     *
     * @param due the requests the schedule held (rate × duration)
     * @param completed those answered, whatever the status
     * @param errors those that failed (connection refused or reset) or were not answered within the timeout after the
     *        schedule's end
     * @param non2xx answered with a status outside 2xx and 3xx
     * @param latencyMicros every request's latency from its due time; an unanswered one counts until it was given up
     * @param seconds from the first due time to the last answer or the give-up
     * @param cpuSeconds the CPU time the generator's process used over the phase
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
     * answers. What is still unanswered {@code timeout} after the schedule's end is given up: each such request counts
     * as an error, with its wait until then as its latency, so the phase ends in bounded time.
     */
    public Result run(URI url, double perSecond, Duration duration, Duration timeout) {
        if (!(perSecond > 0) || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an open-loop phase needs a positive rate and duration: " + perSecond + "/s for " + duration);
        }
        long count = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an open-loop phase of " + count + " requests is too long");
        }
        double intervalNanos = 1e9 / perSecond;
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        if (client == null) {
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        }
        HttpClient client = this.client;
        Context context = vertx.getOrCreateContext();
        Histogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
        AtomicIntegerArray settled = new AtomicIntegerArray((int) count);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch done = new CountDownLatch((int) count);
        long cpuAtStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos() + timeout.toNanos();
        // The schedule runs on the client's event loop: each tick of a 1 ms timer sends every request due by then.
        // Waking once per request instead (a thread parking until each due time, handing it to the loop) cost about
        // 0.1 ms of CPU per request on this machine and fell seconds behind at 10,000 req/s against nginx.
        Handler<Long> tick = new Handler<>() {
            private int next;

            @Override
            public void handle(Long timer) {
                long now = System.nanoTime();
                for (; next < count && start + (long) (next * intervalNanos) <= now; next++) {
                    int index = next;
                    long due = start + (long) (index * intervalNanos);
                    client.request(HttpMethod.GET, port, host, path)
                            .compose(request -> request.send().compose(response -> response.end().map(response.statusCode())))
                            .onComplete(answer -> {
                                if (settled.compareAndSet(index, 0, 1)) {
                                    long answered = System.nanoTime();
                                    latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (answered - due) / 1000)));
                                    if (answer.failed()) {
                                        errors.incrementAndGet();
                                    } else {
                                        completed.incrementAndGet();
                                        lastAnswer.accumulateAndGet(answered, Math::max);
                                        if (answer.result() < 200 || answer.result() >= 400) {
                                            non2xx.incrementAndGet();
                                        }
                                    }
                                    done.countDown();
                                }
                            });
                }
                if (next >= count && timer >= 0) {
                    vertx.cancelTimer(timer);
                }
            }
        };
        try {
            context.runOnContext(v -> {
                tick.handle(-1L);
                if (count > 1) {
                    vertx.setPeriodic(1, tick);
                }
            });
            boolean all = done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!all) {
                // the connections still wait for answers: the next run gets fresh ones
                this.client = null;
                client.close();
                // given up: each request still open waited from its due time until now
                long now = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    if (settled.compareAndSet(i, 0, 1)) {
                        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (now - (start + (long) (i * intervalNanos))) / 1000)));
                        errors.incrementAndGet();
                        done.countDown();
                    }
                }
                // an answer that settled its request just before the give-up may still be counting it on the loop:
                // it counts down once counted, so the totals below hold every due request
                done.await(1, TimeUnit.SECONDS);
            }
            long end = all ? Math.max(lastAnswer.get(), start + (long) ((count - 1) * intervalNanos)) : System.nanoTime();
            return new Result(count, completed.get(), errors.get(), non2xx.get(), latency.copy(), (end - start) / 1e9,
                    (processCpuNanos() - cpuAtStart) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the last answers", e);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The entry point of the generator's own process ({@link OpenLoopProcess}). */
    public static void main(String[] args) {
        try {
            OpenLoopProcess.child(args);
        } catch (RuntimeException | java.io.IOException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
