package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ContainerEngineTest {

    @Test
    void times() {
        assertEquals(Instant.parse("2026-11-24T22:54:38.123456789Z"),
                ContainerEngine.parseTime("2026-11-24 22:54:38.123456789 +0000 UTC"));
        assertEquals(Instant.parse("2026-11-24T22:54:38.123456789Z"), ContainerEngine.parseTime("2026-11-24T22:54:38.123456789Z"));
    }
}
