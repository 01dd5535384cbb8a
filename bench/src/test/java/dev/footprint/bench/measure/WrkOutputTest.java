package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.LoadResult;

class WrkOutputTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = WrkOutputTest.class.getResourceAsStream("/loadgen/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void cleanRun() throws IOException {
        LoadResult r = WrkOutput.parse(fixture("ok.txt"));
        assertEquals(659622, r.requests());
        assertEquals(30.0, r.seconds(), 1e-9);
        assertEquals(21986.44, r.requestsPerSecond(), 1e-9);
        assertEquals(2.11, r.p50Ms(), 1e-9);
        assertEquals(6.74, r.p99Ms(), 1e-9);
        assertEquals(41.93, r.maxMs(), 1e-9, "the third figure of the Latency line");
        assertEquals(0, r.errors());
        assertEquals(0, r.non2xx());
    }

    @Test
    void socketErrorsNon2xxAndMixedUnits() throws IOException {
        LoadResult r = WrkOutput.parse(fixture("errors.txt"));
        assertEquals(36310, r.requests());
        assertEquals(30.1, r.seconds(), 1e-9);
        assertEquals(0.041, r.p50Ms(), 1e-9, "41.00us");
        assertEquals(1500.0, r.p99Ms(), 1e-9, "1.50s");
        assertEquals(1990.0, r.maxMs(), 1e-9, "1.99s");
        assertEquals(12 + 3 + 0 + 41, r.errors());
        assertEquals("connect 12, read 3, write 0, timeout 41", r.errorKinds());
        assertEquals(17, r.non2xx());
    }

    @Test
    void withoutLatencyDistributionIsAClearError() throws IOException {
        String out = fixture("no-latency.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse(out));
        assertTrue(e.getMessage().contains("--latency"), e.getMessage());
    }

    @Test
    void garbageIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WrkOutput.parse("unable to connect to 127.0.0.1:1 Connection refused"));
        assertTrue(e.getMessage().contains("requests in"), e.getMessage());
    }

    @Test
    void units() {
        assertEquals(0.5, WrkOutput.toMillis(500, "us"), 1e-12);
        assertEquals(2000, WrkOutput.toMillis(2, "s"), 1e-12);
        assertEquals(120_000, WrkOutput.toMillis(2, "m"), 1e-12);
    }
}
