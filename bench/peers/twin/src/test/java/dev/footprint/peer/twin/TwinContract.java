package dev.footprint.peer.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every Java peer must answer over HTTP, as the service does: each peer's test extends this with
 * its server started and {@link #base()} pointing at it.
 */
public abstract class TwinContract {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** http://127.0.0.1:PORT of the running peer. */
    protected abstract String base();

    /** The path of the peer's health endpoint, answering 200 when up. */
    protected abstract String healthPath();

    protected HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootServesTheServiceBody() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertEquals("footprint: ok\n", r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), r.headers().toString());
    }

    @Test
    void workReturnsTheServiceChecksum() throws Exception {
        // the CRC-32 the service's WorkResource.checksum and every twin compute for 256 KiB
        HttpResponse<String> r = get("/work?kib=256");
        assertEquals(200, r.statusCode());
        assertEquals("{\"kib\":256,\"crc32\":\"c790bff6\"}", r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void workRefusesWhatIsNotAKibCount() throws Exception {
        for (String bad : new String[] {"0", "16385", "x", "-1", "1.5", "", "123456"}) {
            HttpResponse<String> r = get("/work?kib=" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals(Twin.BAD_KIB, r.body(), bad);
        }
        assertEquals(400, get("/work").statusCode());
    }

    @Test
    void healthAnswersUp() throws Exception {
        HttpResponse<String> r = get(healthPath());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }
}
