package dev.footprint;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.CRC32;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.runtime.Startup;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The Java twin of the FastAPI "sync endpoint in a thread pool" case: blocking work that makes
 * short-lived garbage.
 * <p>
 * Memory is bounded by design, not by luck: the buffers of all running requests together never
 * exceed footprint.work.max-kib-in-flight KiB (16 MiB, the largest single request): a request for N
 * KiB waits until N KiB of that budget are free, so four small requests run at once and a 16 MiB one
 * runs alone. Bounding the number of requests was not enough: four 16 MiB requests at once need
 * 64 MiB, more than the images' heaps (-Xmx32m), and eight at once made the JVM
 * exit on OutOfMemoryError. The heap must hold the budget beside the service's own live set
 * (application.properties). Requests queued for a thread hold no buffer and no thread, and past
 * footprint.work.max-waiting of them the service answers 503 instead of queueing more.
 * <p>
 * By default the work runs on a pool of its own with footprint.work.max-concurrency platform threads,
 * started with the service: waiting requests hold no thread, the result comes back on the request's
 * event loop, and Quarkus's worker pool, where the health checks run, is never filled by waiting /work
 * requests (when /work ran there, readiness answered seconds late under load). The threads exist
 * before the first request because a thread that cannot be created under load (a pids or nproc
 * limit) failed every /work request; if the pool still cannot take a request, it is a 503.
 * With footprint.work.virtual-threads=true it runs on a virtual thread per request instead, a lever
 * the bench measures (docs/levers.md); in the soak some of those requests went unanswered for more
 * than 30 s (docs/reliability.md).
 */
@Path("/work")
@Singleton
@Startup
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

    static final int MIN_KIB = 1;
    static final int MAX_KIB = 16384;
    private static final int KIB = 1024;
    /** Names the pool's threads footprint-work-1, -2, ... */
    static final String THREAD_NAME = "footprint-work-";

    /** {@code thread} says where the work ran: "virtual" or "platform". */
    public record WorkResult(int kib, String crc32, String thread) {
    }

    /** Runs the work for a number of KiB and completes on the request's event loop. */
    private final IntFunction<Uni<WorkResult>> executor;
    /** The pool of its own, null with virtual threads. */
    private final ExecutorService ownPool;
    /** Requests accepted and not yet answered: running or waiting. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;

    /**
     * @param useVirtualThreads footprint.work.virtual-threads
     * @param maxConcurrency footprint.work.max-concurrency: the pool's threads (not used with virtual threads)
     * @param maxKibInFlight footprint.work.max-kib-in-flight: the buffers all running requests may hold together
     * @param maxWaiting footprint.work.max-waiting: how many more may wait for their turn (see application.properties)
     */
    WorkResource(@VirtualThreads ExecutorService virtualThreads,
            @ConfigProperty(name = "footprint.work.virtual-threads") boolean useVirtualThreads,
            @ConfigProperty(name = "footprint.work.max-concurrency") int maxConcurrency,
            @ConfigProperty(name = "footprint.work.max-kib-in-flight") int maxKibInFlight,
            @ConfigProperty(name = "footprint.work.max-waiting") int maxWaiting) {
        if (maxConcurrency < 1 || maxKibInFlight < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("footprint.work.max-concurrency and max-kib-in-flight must be at least 1, "
                    + "max-waiting at least 0");
        }
        this.maxInFlight = maxConcurrency + maxWaiting;
        this.ownPool = useVirtualThreads ? null : startedPool(maxConcurrency);
        this.executor = on(useVirtualThreads ? virtualThreads : ownPool, maxKibInFlight);
    }

    /** Daemon threads: they never hold the JVM up; Quarkus's graceful shutdown has let requests finish before this. */
    private static ExecutorService startedPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, THREAD_NAME + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.prestartAllCoreThreads();
        return pool;
    }

    @PreDestroy
    void stop() {
        if (ownPool != null) {
            ownPool.shutdown();
        }
    }

    @GET
    public Uni<WorkResult> work(@RestQuery String kib) {
        int n = QueryParams.intInRange("kib", kib, MIN_KIB, MAX_KIB, null);
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            throw new ServiceBusyException("too many /work requests waiting; retry later");
        }
        return executor.apply(n).onTermination().invoke(inFlight::decrementAndGet);
    }

    /**
     * Runs each request's work on {@code threads} once its KiB are free in the budget (fair: a large
     * request at the head is not overtaken by small ones; one larger than the whole budget waits for
     * all of it). The result is handed back to the request's event loop before RESTEasy Reactive
     * resumes the request: resuming from a virtual thread would hold the request context's monitor
     * there, and since JDK 24 a virtual thread can be unmounted while it holds one, so the event loop
     * waited behind every queued virtual thread on the one carrier a 1-CPU container gets, for more
     * than 12 s in the soak (docs/reliability.md).
     */
    private static IntFunction<Uni<WorkResult>> on(ExecutorService threads, int budgetKib) {
        Semaphore budget = new Semaphore(budgetKib, true);
        return n -> {
            int kib = Math.min(n, budgetKib);
            Context requestContext = Vertx.currentContext();
            Uni<WorkResult> work = Uni.createFrom().item(() -> {
                budget.acquireUninterruptibly(kib);
                try {
                    return compute(n);
                } finally {
                    budget.release(kib);
                }
            }).runSubscriptionOn(threads);
            return requestContext == null ? work : work.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
        };
    }

    private static WorkResult compute(int n) {
        return new WorkResult(n, Long.toHexString(checksum(n)), threadKind());
    }

    /**
     * Allocates {@code kib} separate 1 KiB buffers, fills each with the bytes 0..255 repeated, and
     * returns the CRC-32 of their concatenation. Every peer's twin computes the same value.
     */
    static long checksum(int kib) {
        byte[][] chunks = new byte[kib][];
        for (int i = 0; i < kib; i++) {
            byte[] chunk = new byte[KIB];
            for (int j = 0; j < KIB; j++) {
                chunk[j] = (byte) j;
            }
            chunks[i] = chunk;
        }
        CRC32 crc = new CRC32();
        for (byte[] chunk : chunks) {
            crc.update(chunk);
        }
        return crc.getValue();
    }

    private static String threadKind() {
        // (Thread.isVirtual is Java 21; the service builds for release 17)
        return Thread.currentThread().getClass().getName().contains("Virtual") ? "virtual" : "platform";
    }
}
