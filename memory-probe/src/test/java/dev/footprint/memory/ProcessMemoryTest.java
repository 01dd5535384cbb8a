package dev.footprint.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsRssPssAndThreads() throws Exception {
        Path proc = Path.of(ProcessMemoryTest.class.getResource("/proc-1234").toURI());
        assertEquals(OptionalLong.of(58412L * 1024), ProcessMemory.rss(proc));
        assertEquals(OptionalLong.of(51873L * 1024), ProcessMemory.pss(proc));
        assertEquals(OptionalLong.of(23), ProcessMemory.threads(proc));
        assertEquals(OptionalLong.of(40120L * 1024), ProcessMemory.rssAnon(proc));
        assertEquals(OptionalLong.of(18292L * 1024), ProcessMemory.rssFile(proc));
        assertEquals(OptionalLong.empty(), ProcessMemory.rssShmem(proc), "the fixture has no RssShmem line");
    }

    @Test
    void missingFilesAreEmpty() {
        Path nowhere = Path.of("/nonexistent/proc/1");
        assertEquals(OptionalLong.empty(), ProcessMemory.rss(nowhere));
        assertEquals(OptionalLong.empty(), ProcessMemory.pss(nowhere));
        assertEquals(OptionalLong.empty(), ProcessMemory.threads(nowhere));
    }
}
