package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.LoadResult;

class HeyOutputTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = HeyOutputTest.class.getResourceAsStream("/loadgen/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void allOk() throws IOException {
        LoadResult r = HeyOutput.parse(fixture("hey-ok.txt"));
        assertEquals(2000, r.requests());
        assertEquals(1.4030, r.seconds(), 1e-9);
        assertEquals(1425.4677, r.requestsPerSecond(), 1e-9);
        assertEquals(29.9, r.p50Ms(), 1e-9);
        assertEquals(123.7, r.p99Ms(), 1e-9);
        assertEquals(181.8, r.maxMs(), 1e-9, "Slowest");
        assertEquals(0, r.errors());
        assertEquals(0, r.non2xx());
    }

    @Test
    void non2xxAreCounted() throws IOException {
        LoadResult r = HeyOutput.parse(fixture("hey-400.txt"));
        assertEquals(300, r.requests());
        assertEquals(300, r.non2xx());
    }

    @Test
    void connectionErrorsAreCountedAndLatencyIsUnknown() throws IOException {
        LoadResult r = HeyOutput.parse(fixture("hey-refused.txt"));
        assertEquals(0, r.requests());
        assertEquals(200, r.errors());
        assertEquals("[200]\tGet \"http://127.0.0.1:1/\": dial tcp 127.0.0.1:1: connect: connection refused", r.errorKinds());
        assertTrue(Double.isNaN(r.p99Ms()));
    }

    @Test
    void garbageIsAClearError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeyOutput.parse("flag provided but not defined: -x"))
                .getMessage().contains("summary"));
    }
}
