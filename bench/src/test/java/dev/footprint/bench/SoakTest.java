package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakTest {

    private static Soak.Outcome outcome(String variant, long errors, String kinds, boolean passed) {
        LoadResult load = new LoadResult(1000, 600, 1.7, 5, 50, errors, 0, kinds);
        return new Soak.Outcome(variant, "localhost/footprint/service:" + variant, 40L << 20, "-Xmx16m", 10, 200,
                30L << 20, 0.75, 0, true, load, passed, passed ? "passed" : "FAILED", List.of(new long[] { 0, 30L << 20 }));
    }

    @Test
    void aRunExtendedWithOneVariantIsTabledWithEveryVariantInIt(@TempDir Path dir) throws Exception {
        // written as Soak writes them: native re-soaked into a run that already had jvm-slim
        ResultStore.JSON.writeValue(dir.resolve("native.json").toFile(), Map.of("outcome", outcome("native", 0, null, true)));
        ResultStore.JSON.writeValue(dir.resolve("jvm-slim.json").toFile(),
                Map.of("outcome", outcome("jvm-slim", 3, "connect 0, read 1, write 0, timeout 2", false)));

        List<Soak.Outcome> read = Soak.read(dir);

        assertEquals(List.of("jvm-slim", "native"), read.stream().map(Soak.Outcome::variant).toList());
        String table = Soak.table("soak-x", read);
        assertTrue(table.contains("| jvm-slim | 40 MiB | `-Xmx16m` | 1,000 | 2 | 3 (connect 0, read 1, write 0, timeout 2) | 0 | 0 |"), table);
        assertTrue(table.contains("| native | 40 MiB | `-Xmx16m` | 1,000 | 2 | 0 | 0 | 0 |"), table);
        assertTrue(table.contains("**failed**") && table.contains("passed"), table);
    }

    @Test
    void errorsSayTheirKindsOnlyWhenThereAreSome() {
        assertEquals("0 errors", Soak.errors(new LoadResult(1, 1, 1, 1, 1, 0, 0, "connect 0, read 0, write 0, timeout 0")));
        assertEquals("2 errors (connect 0, read 0, write 0, timeout 2)",
                Soak.errors(new LoadResult(1, 1, 1, 1, 1, 2, 0, "connect 0, read 0, write 0, timeout 2")));
    }
}
