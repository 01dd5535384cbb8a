package dev.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests no well-behaved client sends, over raw sockets, and what the service must answer. The
 * subclasses point it at the service under test: in-process ({@link HostileInputTest}), the
 * packaged application ({@link HostileInputIT}), or a running container ({@link HostileInputContainerIT}).
 * The last test checks the service still answers and its memory is back near where it started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileInputCases {

    /** How long a response may take; the slowloris case waits for the idle timeout instead. */
    static final int TIMEOUT_MS = 5000;

    private long baselineBytes;

    abstract URI target();

    /** The gauge whose value must come back near its baseline: the process RSS, or a container's working set. */
    String memoryGauge() {
        return "process_resident_memory_bytes";
    }

    RawHttp.Response exchange(String request) throws IOException {
        try (RawHttp http = new RawHttp(target(), TIMEOUT_MS)) {
            http.send(request);
            return RawHttp.parse(http.readAll()).get(0);
        }
    }

    static String get(String pathAndQuery) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    @Test
    @Order(0)
    void baseline() throws Exception {
        // warm up every endpoint once so that the baseline includes what they load
        for (String p : List.of("/", "/hello?name=x", "/work?kib=64", "/items?count=100", "/q/health/ready")) {
            assertEquals(200, exchange(get(p)).status(), p);
        }
        baselineBytes = gauge();
    }

    @Test
    @Order(1)
    void malformedRequestLineIsABadRequest() throws IOException {
        assertEquals(400, exchange("THIS IS NOT HTTP\r\n\r\n").status());
    }

    @Test
    @Order(1)
    void invalidHeaderNameIsABadRequest() throws IOException {
        assertEquals(400, exchange("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n").status());
    }

    @Test
    @Order(1)
    void controlCharacterInAHeaderValueIsABadRequest() throws IOException {
        assertEquals(400, exchange("GET / HTTP/1.1\r\nHost: localhost\r\nX-Test: a\u0001b\r\nConnection: close\r\n\r\n").status());
    }

    @Test
    @Order(1)
    void a64KibHeaderIsRefused() throws IOException {
        String big = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n";
        assertEquals(431, exchange(big).status());
    }

    @Test
    @Order(1)
    void thousandsOfHeadersAreRefused() throws IOException {
        StringBuilder r = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 5000; i++) {
            r.append("X-H").append(i).append(": v\r\n");
        }
        assertEquals(431, exchange(r.append("Connection: close\r\n\r\n").toString()).status());
    }

    @Test
    @Order(1)
    void bodyOverTheLimitIsTooLarge() throws IOException {
        RawHttp.Response r = exchange("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n");
        assertEquals(413, r.status());
        assertTrue(r.body().contains("\"status\":413"), r.body());
    }

    @ParameterizedTest
    @Order(1)
    @CsvSource({ "-1", "abc", "1x", "99999999999999999999" })
    void invalidContentLengthIsABadRequest(String length) throws IOException {
        assertEquals(400, exchange("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\nxyz").status());
    }

    @Test
    @Order(1)
    void brokenChunkedEncodingClosesTheConnection() throws IOException {
        // the chunk size is not hex: Netty fails the stream and Vert.x closes the connection
        try (RawHttp http = new RawHttp(target(), TIMEOUT_MS)) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
            String answer = http.readAll();
            assertTrue(!answer.startsWith("HTTP/1.1 2"), "no success for a broken body: " + answer);
        }
        try (RawHttp http = new RawHttp(target(), TIMEOUT_MS)) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n");
            assertTrue(http.closedByServer(), "the connection is closed, not left waiting for more chunks");
        }
    }

    @Test
    @Order(1)
    void unsupportedHttpVersionIsRefused() throws IOException {
        RawHttp.Response r = exchange("GET / HTTP/3.7\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(505, r.status());
        assertTrue(r.body().contains("\"status\":505"), r.body());
    }

    @Test
    @Order(1)
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawHttp http = new RawHttp(target(), TIMEOUT_MS)) {
            http.send("GET /hello?name=one HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /hello?name=two HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /hello?name=three HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            List<RawHttp.Response> responses = RawHttp.parse(http.readAll());
            assertEquals(3, responses.size(), responses.toString());
            assertTrue(responses.get(0).body().contains("Hello, one!"));
            assertTrue(responses.get(1).body().contains("Hello, two!"));
            assertTrue(responses.get(2).body().contains("Hello, three!"));
        }
    }

    @ParameterizedTest
    @Order(1)
    @CsvSource({
            "/hello?name=%FF%FE, 400", // not UTF-8
            "/hello?name=%C3%28, 400", // an invalid UTF-8 sequence
            "/hello?name=%00, 400", // NUL
            "/hello?name=a%0Db, 400", // CR
            "/hello?name=caf%C3%A9, 200", // valid UTF-8 is fine
            "/work?kib=%31%36%33%38%34, 200", // 16384, percent-encoded
            "/work?kib=1, 200",
            "/work?kib=16384, 200",
            "/work?kib=0, 400",
            "/work?kib=16385, 400",
            "/work?kib=-1, 400",
            "/work?kib=2147483648, 400",
            "/work?kib=1e3, 400",
            "/work?kib=%201, 400",
            "/work?kib=0x10, 400",
            "/work?kib=, 400",
            "/items?count=10001, 400",
    })
    void queryGarbageAndEdgeValues(String pathAndQuery, int expected) throws IOException {
        RawHttp.Response r = exchange(get(pathAndQuery));
        assertEquals(expected, r.status(), pathAndQuery + " -> " + r.head());
        if (expected == 400) {
            assertTrue(r.body().startsWith("{\"status\":400"), "a JSON error body: " + r.body());
        }
    }

    /**
     * A request-target that is not a valid URI at all is refused by Quarkus's HTTP layer before any
     * application code runs: 400, with no body (the one error without a JSON body).
     */
    @ParameterizedTest
    @Order(1)
    @CsvSource({ "/hello?name=%", "/hello?name=%zz", "/%zz" })
    void invalidUriEscapesAreRefused(String pathAndQuery) throws IOException {
        assertEquals(400, exchange(get(pathAndQuery)).status());
    }

    @Test
    @Order(1)
    void nameEdgeValues() throws IOException {
        assertEquals(200, exchange(get("/hello?name=" + "a".repeat(64))).status());
        assertEquals(400, exchange(get("/hello?name=" + "a".repeat(65))).status());
        // 64 characters, 128 bytes of UTF-8
        assertEquals(200, exchange(get("/hello?name=" + "%C3%A9".repeat(64))).status());
    }

    @Test
    @Order(2)
    void aThousandIdleConnectionsDoNotStopTheService() throws Exception {
        List<RawHttp> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                idle.add(new RawHttp(target(), TIMEOUT_MS));
            }
            assertEquals(200, exchange(get("/")).status(), "serves while 1000 connections sit idle");
        } finally {
            for (RawHttp c : idle) {
                c.close();
            }
        }
    }

    /**
     * Eight of the largest /work requests at once, 128 MiB of buffers if they ran together: the service
     * runs them within its 16 MiB budget (footprint.work.max-kib-in-flight), so each is answered even in
     * a container with a 32 MiB heap, where they once took the JVM to OutOfMemoryError.
     */
    @Test
    @Order(2)
    void theLargestWorkRequestsAtOnceAreAllAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> {
                    try (RawHttp http = new RawHttp(target(), 60_000)) {
                        http.send(get("/work?kib=16384"));
                        return RawHttp.parse(http.readAll()).get(0).status();
                    }
                }));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get(90, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(200, exchange(get("/")).status());
    }

    @Test
    @Order(3)
    void slowlorisIsClosedByTheIdleTimeout() throws IOException {
        // quarkus.http.idle-timeout=30S: a connection that stops sending mid-request is closed
        try (RawHttp http = new RawHttp(target(), 40_000)) {
            http.send("GET / HTTP/1.1\r\nHost: loc");
            long start = System.nanoTime();
            assertTrue(http.closedByServer(), "the server must close a stalled request");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 25 && seconds <= 40, "closed after " + seconds + " s, not by the 30 s idle timeout");
        }
    }

    @Test
    @Order(100)
    void stillServesAndMemoryIsBackNearTheBaseline() throws Exception {
        assertEquals(200, exchange(get("/")).status());
        long now = 0;
        // give the GC and the allocator a moment to hand memory back
        for (int i = 0; i < 10; i++) {
            now = gauge();
            if (now <= baselineBytes + allowance()) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(now <= baselineBytes + allowance(), memoryGauge() + " " + mib(now) + " MiB after the hostile cases, baseline "
                + mib(baselineBytes) + " MiB, allowed " + mib(allowance()) + " MiB more");
    }

    /**
     * Near = within 32 MiB or half the baseline, whichever is more: the 1,000 connections and 64 KiB
     * headers leave buffers in Netty's pools, and a JVM hands heap back to the OS slowly. What must not
     * happen is memory that keeps what the hostile requests made it take.
     */
    long allowance() {
        return Math.max(32L << 20, baselineBytes / 2);
    }

    private long gauge() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(target().resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("(?m)^" + memoryGauge() + " ([0-9.E+]+)$").matcher(r.body());
        assertTrue(m.find(), "no " + memoryGauge() + " in /q/metrics");
        return (long) Double.parseDouble(m.group(1));
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
