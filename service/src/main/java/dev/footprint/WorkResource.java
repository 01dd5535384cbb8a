package dev.footprint;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The Java twin of the FastAPI "sync endpoint in a thread pool" case: blocking work that makes
 * short-lived garbage.
 * <p>
 * It runs on a virtual thread per request (footprint.work.virtual-threads=true, the default), on the
 * executor Quarkus uses for {@code @RunOnVirtualThread} (the annotation itself
 * is not used because Quarkus refuses to build it on a JDK without virtual threads, and the project
 * must build on Java 17; on a Java 17 runtime that executor falls back to the worker pool), or with
 * false on Quarkus's worker pool. Neither is right yet: in the soak some requests on virtual threads
 * waited more than 30 s, and on the worker pool requests in flight at SIGTERM got 500
 * (docs/reliability.md).
 * <p>
 * Memory is bounded by design, not by luck: at most footprint.work.max-concurrency requests hold
 * their buffers at a time (up to 16 MiB each), however many arrive; the rest wait before allocating.
 * Without the bound, 20 concurrent requests for 4 MiB each took a 256 MiB container past its limit.
 */
@Path("/work")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

    static final int MIN_KIB = 1;
    static final int MAX_KIB = 16384;
    private static final int KIB = 1024;

    /** {@code thread} says where the work ran: "virtual" or "platform". */
    public record WorkResult(int kib, String crc32, String thread) {
    }

    private final Executor executor;
    private final Semaphore running;

    /**
     * @param useVirtualThreads footprint.work.virtual-threads: false runs the work on Quarkus's worker
     *        pool instead of a virtual thread per request (a lever the bench measures, docs/levers.md)
     * @param maxConcurrency footprint.work.max-concurrency: how many requests may hold their buffers at
     *        once; the others wait, parked, holding nothing (see application.properties)
     */
    WorkResource(@VirtualThreads ExecutorService virtualThreads,
            @ConfigProperty(name = "footprint.work.virtual-threads") boolean useVirtualThreads,
            @ConfigProperty(name = "footprint.work.max-concurrency") int maxConcurrency) {
        this.executor = useVirtualThreads ? virtualThreads : Infrastructure.getDefaultWorkerPool();
        this.running = new Semaphore(maxConcurrency, true);
    }

    /**
     * Runs on the event loop; the work moves to the executor, and its result comes back to this
     * request's event loop before RESTEasy Reactive resumes the request. Resuming from a virtual
     * thread (footprint.work.virtual-threads=true) would hold the request context's monitor there,
     * and since JDK 24 a virtual thread can be unmounted while it holds one: the event loop, waiting
     * for that monitor to finish the request, then waited behind every queued virtual thread on the
     * one carrier a 1-CPU container gets, for more than 12 s in the soak (docs/reliability.md).
     */
    @GET
    public Uni<WorkResult> work(@RestQuery String kib) {
        int n = QueryParams.intInRange("kib", kib, MIN_KIB, MAX_KIB, null);
        Context requestContext = Vertx.currentContext();
        Uni<WorkResult> work = Uni.createFrom().item(() -> bounded(n)).runSubscriptionOn(executor);
        return requestContext == null ? work : work.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
    }

    private WorkResult bounded(int n) {
        running.acquireUninterruptibly();
        try {
            return new WorkResult(n, Long.toHexString(checksum(n)), threadKind());
        } finally {
            running.release();
        }
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
        return Thread.currentThread().getClass().getName().contains("Virtual") ? "virtual" : "platform";
    }
}
