package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The open-loop generator against a real HTTP server on 127.0.0.1 that pauses. */
class OpenLoopTest {

    private HttpServer server;
    private ExecutorService serverThreads;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    @Test
    void aServerThatPausesIsChargedForEveryRequestDueDuringThePause() throws IOException {
        // answers at once, except that from 0.5 s to 1.5 s after the first request it answers nothing until 1.5 s
        URI url = serve(sinceFirst -> sinceFirst >= 500 && sinceFirst < 1500 ? 1500 - sinceFirst : 0);
        try (OpenLoop generator = new OpenLoop(256)) {
            OpenLoop.Result r = generator.run(url, 200, Duration.ofSeconds(3), Duration.ofSeconds(5));
            assertEquals(600, r.due());
            assertEquals(600, r.completed(), "every request was sent on schedule, through the pause too");
            assertEquals(0, r.errors());
            assertEquals(0, r.non2xx());
            assertTrue(r.seconds() < 4, "the schedule did not wait for the server: " + r.seconds() + " s");
            // a third of the requests fell due in the pause and waited for its end: up to 1 s, 0.5 s at their median
            assertTrue(r.percentileMs(50) < 100, "most requests were answered at once: p50 " + r.percentileMs(50));
            assertTrue(r.percentileMs(90) > 400, "p90 " + r.percentileMs(90) + " ms");
            assertTrue(r.maxMs() > 800 && r.maxMs() < 1500, "max " + r.maxMs() + " ms");
        }
    }

    @Test
    void aRequestWaitingForAFreeConnectionIsChargedForTheWait() throws IOException {
        // 100 ms per answer, one request open at a time, 20 due in one second: the last is answered after about 2 s
        URI url = serve(sinceFirst -> 100);
        try (OpenLoop generator = new OpenLoop(1)) {
            OpenLoop.Result r = generator.run(url, 20, Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertEquals(20, r.completed());
            assertTrue(r.maxMs() > 900, "the last request waited from its due time: max " + r.maxMs() + " ms");
            assertTrue(r.percentileMs(50) > 400, "p50 " + r.percentileMs(50) + " ms");
        }
    }

    @Test
    void aServerTooSlowForTheRateEndsThePhaseAtTheTimeoutAndEveryRequestItNeverTookIsAnError() throws IOException {
        // 500 ms per answer, one connection, 100 due in one second, 1 s timeout: a few answered, the rest given up
        URI url = serve(sinceFirst -> 500);
        try (OpenLoop generator = new OpenLoop(1)) {
            OpenLoop.Result r = generator.run(url, 100, Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertTrue(r.seconds() < 4, "bounded: " + r.seconds() + " s");
            assertEquals(100, r.completed() + r.errors(), "every due request is answered or an error");
            assertTrue(r.errors() >= 90, r.errors() + " errors");
            assertEquals(100, r.latencyMicros().getTotalCount(), "every due request has a latency");
        }
    }

    @Test
    void statusesOutside2xxAnd3xxAreCountedAndAnUnreachableServerIsAnErrorPerRequest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try (OpenLoop generator = new OpenLoop(16)) {
            OpenLoop.Result r = generator.run(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), 50,
                    Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertEquals(50, r.non2xx());
            int port = server.getAddress().getPort();
            server.stop(0);
            server = null;
            serverThreads.shutdownNow();
            OpenLoop.Result refused = generator.run(URI.create("http://127.0.0.1:" + port + "/"), 50, Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
            assertEquals(50, refused.errors());
            assertEquals(0, refused.completed());
        }
    }

    @Test
    void inItsOwnProcessTheGeneratorWarmsUpAndReportsTheSamePause() throws IOException {
        // 64 connections opened, then the warm-up (1 s), neither recorded; the pause falls in the measured 1.5 s
        URI url = serve(sinceFirst -> sinceFirst >= 1500 && sinceFirst < 2000 ? 2000 - sinceFirst : 0);
        OpenLoop.Result r = new OpenLoopProcess(new GeneratorProcess(null), 64, Duration.ofSeconds(1))
                .run(url, url, 200, Duration.ofMillis(1500), Duration.ofSeconds(5));
        assertEquals(300, r.due());
        assertEquals(300, r.completed());
        assertEquals(300, r.latencyMicros().getTotalCount(), "the histogram came through whole");
        assertTrue(r.percentileMs(50) < 100, "p50 " + r.percentileMs(50));
        assertTrue(r.maxMs() > 300 && r.maxMs() < 1000, "max " + r.maxMs() + " ms");
        assertTrue(r.cpuSeconds() > 0 && r.cpuSeconds() < 10, "the child's CPU over the phase: " + r.cpuSeconds());
    }

    @Test
    void aChildThatPrintsNoResultIsAnErrorWithItsOutput() {
        OpenLoopProcess process = new OpenLoopProcess(new GeneratorProcess(null), 1, Duration.ZERO);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> process.run(URI.create("http://127.0.0.1:9/"), URI.create("http://127.0.0.1:9/"), -1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("printed no result") && e.getMessage().contains("positive rate"), e.getMessage());
    }

    @Test
    void aRateOrDurationThatIsNotPositiveIsRefused() {
        try (OpenLoop generator = new OpenLoop(1)) {
            URI url = URI.create("http://127.0.0.1:9/");
            assertThrows(IllegalArgumentException.class, () -> generator.run(url, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> generator.run(url, 10, Duration.ZERO, Duration.ofSeconds(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> new OpenLoop(0));
    }

    /** Starts a server whose answer to a request waits {@code delayMs(ms since the first request)} milliseconds. */
    private URI serve(LongUnaryOperator delayMs) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        serverThreads = Executors.newFixedThreadPool(256);
        server.setExecutor(serverThreads);
        AtomicLong first = new AtomicLong();
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            long delay = delayMs.applyAsLong((now - first.get()) / 1_000_000);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
