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
    void peersWithTheProjectsTuningRunTheImagesOptions() throws Exception {
        String env = Files.readAllLines(Path.of("../images/jvm/Containerfile")).stream()
                .filter(l -> l.startsWith("ENV JDK_JAVA_OPTIONS=")).findFirst().orElseThrow();
        String options = env.substring(env.indexOf('"') + 1, env.lastIndexOf('"'));
        String cmd = Files.readAllLines(Path.of("../images/native/Containerfile")).stream()
                .filter(l -> l.startsWith("CMD [")).findFirst().orElseThrow();
        List<String> nativeOptions = java.util.Arrays.stream(cmd.substring(5, cmd.lastIndexOf(']')).split(","))
                .map(a -> a.trim().replace("\"", "")).toList();
        List<TargetSpec> tuned = Targets.load(Path.of("targets.yaml")).stream()
                .filter(t -> t.kind() == TargetKind.peer && t.name().endsWith("-project-tuning")).toList();
        assertTrue(tuned.size() >= 5, "the Java peers with the project's tuning: " + tuned);
        for (TargetSpec t : tuned) {
            if (t.name().contains("native")) {
                assertEquals(nativeOptions, t.command(), t.name());
            } else {
                assertEquals(options, t.env().get("JDK_JAVA_OPTIONS"), t.name());
            }
        }
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
