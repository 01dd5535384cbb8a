package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void readsTheTotalAndEachCategorysCommittedBytesInOrder() throws Exception {
        // jcmd PID VM.native_memory summary scale=KB against the jlink image (Temurin 25) at idle
        Path file = Path.of(NativeMemoryTest.class.getResource("/nmt-summary-jdk25.txt").toURI());
        Map<String, Long> m = NativeMemory.parse(Files.readAllLines(file));
        assertEquals(List.of("Total", "Java Heap", "Class", "Thread", "Code", "GC", "Compiler", "Internal", "Other", "Symbol",
                "Native Memory Tracking", "Shared class space", "Arena Chunk", "Tracing", "Module", "Safepoint", "Synchronization",
                "Serviceability", "Metaspace", "String Deduplication", "Object Monitors"), List.copyOf(m.keySet()));
        assertEquals(87210L * 1024, m.get("Total"), "committed, not reserved");
        assertEquals(32768L * 1024, m.get("Java Heap"));
        assertEquals(1506L * 1024, m.get("Native Memory Tracking"));
    }

    @Test
    void nmtOffGivesNothing() {
        assertEquals(Map.of(), NativeMemory.parse(List.of("1:", "Native memory tracking is not enabled")));
    }
}
