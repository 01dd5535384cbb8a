package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {

    @Test
    void theProjectsTargetFileIsValid() {
        List<TargetSpec> all = Targets.load(Path.of("targets.yaml"));
        assertTrue(all.stream().anyMatch(t -> t.name().equals("native")));
        assertTrue(all.stream().anyMatch(t -> t.name().equals("granian") && !t.measured()));
        for (TargetSpec t : all) {
            if (t.measured()) {
                boolean portGiven = t.env().containsValue("{port}") || t.command().stream().anyMatch(a -> a.contains("{port}"));
                assertTrue(portGiven, t.name() + " must take the port the bench assigns");
            }
        }
    }

    @Test
    void theVariantsComeFromTheImageMatrixInTheTablesOrder() {
        List<TargetSpec> all = Targets.load(Path.of("targets.yaml"));
        assertEquals(List.of("jvm-slim", "distroless", "jlink", "native", "jvm-slim-no-tuning", "jvm-alpine", "uvicorn-default"),
                names(all).subList(0, 7), "built variants, the untuned row, then the variant not built here, then the peers");
        TargetSpec jlink = all.get(2);
        assertEquals("localhost/footprint/service:jlink", jlink.image());
        assertEquals("/work?kib=256", jlink.workPath());
        assertEquals("{port}", jlink.env().get("QUARKUS_HTTP_PORT"));
        assertTrue(!all.get(5).measured() && all.get(5).notMeasured().contains("musl"), "jvm-alpine says why it is not measured");
    }

    @Test
    void everyLeverNamesABaselineInTheSameFile() {
        List<TargetSpec> levers = Targets.load(Path.of("levers.yaml"));
        List<String> names = names(levers);
        for (TargetSpec t : levers) {
            assertTrue(t.baseline() == null || names.contains(t.baseline()), t.name() + " -> " + t.baseline());
            assertEquals(TargetKind.lever, t.kind(), t.name());
        }
        assertTrue(levers.stream().anyMatch(t -> t.baseline() == null), "at least one baseline");
    }

    @Test
    void selectByNameOrKindInFileOrder(@TempDir Path dir) throws Exception {
        List<TargetSpec> all = load(dir, """
                targets:
                  - {name: a, kind: variant, image: i}
                  - {name: b, kind: peer, image: i}
                  - {name: c, kind: variant, image: i}
                """);
        assertEquals(List.of("a", "c"), names(Targets.select(all, List.of("variant"))));
        assertEquals(List.of("a", "b"), names(Targets.select(all, List.of("b", "a"))));
        assertEquals(List.of("a", "b", "c"), names(Targets.select(all, List.of("all"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.select(all, List.of("zzz")));
        assertTrue(e.getMessage().contains("zzz"));
    }

    @Test
    void badFilesAreRejectedWithTheReason(@TempDir Path dir) throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(dir, """
                targets:
                  - {name: a, kind: variant, image: i}
                  - {name: a, kind: peer, image: i}
                """)).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(dir, """
                targets:
                  - {name: a, kind: variant}
                """)).getMessage().contains("no image"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(dir, """
                targets:
                  - {name: a, kind: variant, image: i, colour: blue}
                """)).getMessage().contains("colour"));
    }

    @Test
    void sizes() {
        assertEquals(256L << 20, Bytes.parse("256m"));
        assertEquals(1L << 30, Bytes.parse("1Gi"));
        assertThrows(IllegalArgumentException.class, () -> Bytes.parse("lots"));
    }

    private static List<TargetSpec> load(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        return Targets.load(f);
    }

    private static List<String> names(List<TargetSpec> ts) {
        return ts.stream().map(TargetSpec::name).toList();
    }
}
