package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.Json;
import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.SoakResults;
import dev.footprint.bench.model.Variants;

class SoakReportTest {

    private static SoakResults.Outcome outcome(String variant, long errors, String kinds, boolean passed) {
        LoadResult load = new LoadResult(1000, 600, 1.7, 5, 50, errors, 0, kinds);
        return new SoakResults.Outcome(variant, "localhost/footprint/service:" + variant, 40L << 20, "-Xmx16m", 10, 200,
                30L << 20, 0.75, 0, true, load, passed, passed ? "passed" : "FAILED", List.of(new long[] { 0, 30L << 20 }));
    }

    @Test
    void aRunExtendedWithOneVariantIsTabledWithEveryVariantInIt(@TempDir Path dir) throws Exception {
        // written as Soak writes them: native re-soaked into a run that already had jvm-slim
        Json.MAPPER.writeValue(dir.resolve("native.json").toFile(), Map.of("outcome", outcome("native", 0, null, true)));
        Json.MAPPER.writeValue(dir.resolve("jvm-slim.json").toFile(),
                Map.of("outcome", outcome("jvm-slim", 3, "connect 0, read 1, write 0, timeout 2", false)));

        List<SoakResults.Outcome> read = SoakResults.outcomes(SoakResults.resultFiles(dir), Variants.load(Path.of("../images/variants.yaml")).names());

        assertEquals(List.of("jvm-slim", "native"), read.stream().map(SoakResults.Outcome::variant).toList());
        String table = SoakReport.table("soak-x", read);
        assertTrue(table.contains("| jvm-slim | 40 MiB | – | `-Xmx16m` | 1,000 | 2 | 3 (connect 0, read 1, write 0, timeout 2) | 0 | 0 | – |"), table);
        assertTrue(table.contains("| native | 40 MiB | – | `-Xmx16m` | 1,000 | 2 | 0 | 0 | 0 |"), table);
        assertTrue(table.contains("**failed**") && table.contains("passed"), table);
    }

    @Test
    void sittingsNameTheCommandThatSoakedEachVariantInTheOrderTheyFinished(@TempDir Path dir) throws Exception {
        // an older file (startedAt written after the soak) and a re-soak into the same run
        Json.MAPPER.writeValue(dir.resolve("jvm-slim.json").toFile(), Map.of("command", "bench soak --variants jvm-slim,native",
                "startedAt", "2026-12-01T06:14:03.1Z", "outcome", outcome("jvm-slim", 0, null, true)));
        Json.MAPPER.writeValue(dir.resolve("native.json").toFile(), Map.of("command", "bench soak --variants native --run-id soak-x",
                "startedAt", "2026-12-01T08:35:40.5Z", "finishedAt", "2026-12-01T08:45:48.2Z", "outcome", outcome("native", 0, null, true)));

        assertEquals("Soaked by `bench soak --variants jvm-slim,native`: jvm-slim (finished 2026-12-01 06:14 UTC); "
                + "by `bench soak --variants native --run-id soak-x`: native (finished 2026-12-01 08:45 UTC).\n", SoakReport.sittings(SoakResults.resultFiles(dir)));
    }

    @Test
    void theTableShowsTheP95AgainstTheRequest() {
        LoadResult load = new LoadResult(1000, 600, 1.7, 5, 50, 0, 0, null);
        SoakResults.Outcome o = new SoakResults.Outcome("jlink", "i", 160L << 20, "-Xmx32m", 10, 200, 120L << 20, 0.75, 0, true, load, true,
                "passed", List.of(), 101L << 20, 104L << 20, null);
        String table = SoakReport.table("soak-y", List.of(o));
        assertTrue(table.contains("| jlink | 160 MiB | 104 MiB | `-Xmx32m` | 1,000 | 2 | 0 | 0 | 0 | 101.0 MiB | 120.0 MiB | 75% | – | passed |"), table);
    }

    @Test
    void errorsSayTheirKindsOnlyWhenThereAreSome() {
        assertEquals("0 errors", SoakReport.errors(new LoadResult(1, 1, 1, 1, 1, 0, 0, "connect 0, read 0, write 0, timeout 0")));
        assertEquals("2 errors (connect 0, read 0, write 0, timeout 2)",
                SoakReport.errors(new LoadResult(1, 1, 1, 1, 1, 2, 0, "connect 0, read 0, write 0, timeout 2")));
    }
}
