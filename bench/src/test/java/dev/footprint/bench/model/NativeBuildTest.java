package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {

    /** The committed record, written before the record type existed. */
    private static final NativeBuild COMMITTED = NativeBuild.latest(Path.of("results"));

    @Test
    void theFiguresAreReadFromNativeImagesStatisticsAsTheCommittedRecordHasThem() {
        NativeBuild again = NativeBuild.of(COMMITTED.nativeImageStats(), COMMITTED.command(), COMMITTED.toolchain(),
                COMMITTED.mavenWallSeconds(), COMMITTED.executableBytes(), Instant.parse(COMMITTED.recordedAt()));
        assertEquals(COMMITTED, again);
    }

    @Test
    void aWrittenRecordIsTheNewestAndReadsBackTheSame(@TempDir Path results) {
        assertNull(NativeBuild.latest(results), "no record yet");
        Path file = COMMITTED.write(results);
        assertEquals("2026-11-24T232633Z.json", file.getFileName().toString());
        assertEquals(COMMITTED, NativeBuild.latest(results));
    }
}
