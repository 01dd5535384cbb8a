package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.footprint.bench.model.Residency.HeapPool;

class HeapPoolsTest {

    /** Lines from the native image's /q/metrics (Serial GC's pools), non-heap pools and other metrics among them. */
    static final String NATIVE = """
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="old generation space"} 1048576.0
            jvm_memory_used_bytes{area="heap",id="eden space"} 2097152.0
            jvm_memory_used_bytes{area="nonheap",id="runtime code cache (code and data)"} 0.0
            jvm_memory_used_bytes{area="heap",id="survivor space"} 0.0
            jvm_memory_max_bytes{area="heap",id="eden space"} -1.0
            process_resident_memory_bytes 4.4982272E7
            jvm_memory_committed_bytes{area="heap",id="old generation space"} 1048576.0
            jvm_memory_committed_bytes{area="heap",id="eden space"} 2621440.0
            jvm_memory_committed_bytes{area="nonheap",id="runtime code cache (code and data)"} 0.0
            jvm_memory_committed_bytes{area="heap",id="survivor space"} 0.0
            """;

    @Test
    void theHeapsPoolsWithWhatEachUsesAndHolds() {
        Map<String, HeapPool> pools = HeapPools.parse(NATIVE);
        assertEquals(List.of("old generation space", "eden space", "survivor space"), List.copyOf(pools.keySet()));
        assertEquals(new HeapPool(2097152, 2621440), pools.get("eden space"));
        assertEquals(new HeapPool(1048576, 1048576), pools.get("old generation space"));
    }

    @Test
    void labelsInAnyOrderAndExponentValues() {
        Map<String, HeapPool> pools = HeapPools.parse("""
                jvm_memory_used_bytes{id="Tenured Gen",area="heap"} 1.2345678E7
                jvm_memory_committed_bytes{id="Tenured Gen",area="heap"} 2.2282240E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                """);
        assertEquals(Map.of("Tenured Gen", new HeapPool(12345678, 22282240)), pools);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readFromTheServiceOrNullWhereItHasNone() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/q/metrics", exchange -> {
            byte[] body = NATIVE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals(3, HeapPools.read(HTTP, URI.create(base + "/q/metrics")).size());
            assertNull(HeapPools.read(HTTP, URI.create(base + "/metrics")), "a 404: no pools");
        } finally {
            server.stop(0);
        }
        assertNull(HeapPools.read(HTTP, URI.create("http://127.0.0.1:9/q/metrics")), "nothing listening: no pools");
    }
}
