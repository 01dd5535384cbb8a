package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The relay as qemu's guestfwd runs it: a process per connection, its standard input and output the connection. */
class OpenLoopRelayTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aPhaseSentToTheRelayRunsThereAndItsResultComesBack() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        try (ServerSocket forward = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> relayExit = CompletableFuture.supplyAsync(() -> guestfwd(forward, server.getAddress().getPort()));
            OpenLoop.Result r = new OpenLoopProcess(new GeneratorProcess(null), 8, Duration.ofMillis(500), OpenLoopProcess.START_ALLOWANCE,
                    new InetSocketAddress("127.0.0.1", forward.getLocalPort())).run(url, url, 100, Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertEquals(100, r.due());
            assertEquals(100, r.completed(), "every request answered");
            assertEquals(0, r.errors());
            assertEquals(100, r.latencyMicros().getTotalCount(), "the histogram came through whole");
            assertEquals(0, relayExit.get(60, TimeUnit.SECONDS), "the relay exits 0 after a phase");
        }
    }

    @Test
    void aPhaseTheRelayRefusesIsAnErrorSayingWhy() throws Exception {
        try (ServerSocket forward = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> relayExit = CompletableFuture.supplyAsync(() -> guestfwd(forward, 9));
            URI elsewhere = URI.create("http://127.0.0.1:10/");
            OpenLoopProcess process = new OpenLoopProcess(new GeneratorProcess(null), 1, Duration.ZERO, OpenLoopProcess.START_ALLOWANCE,
                    new InetSocketAddress("127.0.0.1", forward.getLocalPort()));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> process.run(elsewhere, elsewhere, 10, Duration.ofSeconds(1), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("relayed to") && e.getMessage().contains("refused")
                    && e.getMessage().contains("is not http://127.0.0.1:9/"), e.getMessage());
            assertEquals(2, relayExit.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void onlyTheForwardedLoopbackPortAndBoundedPhasesAreTaken() {
        String ok = "http://127.0.0.1:8080/ http://127.0.0.1:8080/ 25.0 15000 10000 256 5000";
        assertEquals(25.0, OpenLoopRelay.checked(ok, 8080).perSecond());
        assertEquals(URI.create("http://127.0.0.1:8080/work?kib=256"),
                OpenLoopRelay.checked("http://127.0.0.1:8080/work?kib=256 http://127.0.0.1:8080/ 1 1000 1000 1 0", 8080).url());
        for (String refused : List.of(
                "http://10.0.0.1:8080/ http://127.0.0.1:8080/ 25.0 15000 10000 256 5000",
                "http://127.0.0.1:8081/ http://127.0.0.1:8080/ 25.0 15000 10000 256 5000",
                "http://127.0.0.1:8080/ http://localhost:8080/ 25.0 15000 10000 256 5000",
                "http://127.0.0.1:8080/ http://127.0.0.1:8080/ 25.0 15000 10000 256",
                "http://127.0.0.1:8080/ http://127.0.0.1:8080/ fast 15000 10000 256 5000",
                "http://127.0.0.1:8080/ http://127.0.0.1:8080/ 0 15000 10000 256 5000",
                "http://127.0.0.1:8080/ http://127.0.0.1:8080/ 25.0 36000000 10000 256 5000",
                "http://127.0.0.1:8080/ http://127.0.0.1:8080/ 25.0 15000 10000 100000 5000",
                "", "   ")) {
            assertThrows(IllegalArgumentException.class, () -> OpenLoopRelay.checked(refused, 8080), refused);
        }
        assertThrows(IllegalArgumentException.class, () -> OpenLoopRelay.checked(null, 8080));
    }

    /** What qemu's guestfwd=...-cmd: does for one connection: the relay's process, its standard input and output the socket. */
    private static int guestfwd(ServerSocket forward, int port) {
        try (Socket connection = forward.accept()) {
            Process relay = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), OpenLoopRelay.class.getName(), Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            InputStream fromGuest = connection.getInputStream();
            Thread in = new Thread(() -> {
                // unbuffered, as qemu passes it on: the process's stream buffers what is not flushed
                try (OutputStream toRelay = relay.getOutputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = fromGuest.read(buffer)) > 0;) {
                        toRelay.write(buffer, 0, n);
                        toRelay.flush();
                    }
                } catch (IOException e) {
                    // the guest's side closed: the relay has its line or never gets one
                }
            });
            in.setDaemon(true);
            in.start();
            relay.getInputStream().transferTo(connection.getOutputStream());
            connection.shutdownOutput();
            int exit = relay.waitFor();
            in.interrupt();
            return exit;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
