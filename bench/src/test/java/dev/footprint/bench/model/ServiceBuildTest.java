package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.ServiceBuild.Extension;

class ServiceBuildTest {

    @Test
    void theTagIsTheOneImagesBuildShGivesThoseOptions() {
        // images/build.sh names the extensions left out in its own order (metrics, health), then -aot
        ServiceBuild b = new ServiceBuild("jlink", true, List.of(Extension.health, Extension.metrics));
        assertEquals("localhost/footprint/service:jlink-without-metrics-health-aot", b.image());
        assertEquals(List.of("--aot", "--without", "metrics,health"), b.options());
        assertEquals("localhost/footprint/service:native", ServiceBuild.of("native").image());
        assertEquals(List.of(), ServiceBuild.of("native").options());
    }

    @Test
    void aTargetGivesItsBuildAndItsImageFollows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("levers.yaml");
        Files.writeString(file, """
                targets:
                  - {name: jvm-rest-only, kind: lever, build: {variant: jlink, without: [metrics, health]}}
                """);
        TargetSpec t = Targets.load(file).get(0);
        assertEquals("localhost/footprint/service:jlink-without-metrics-health", t.image());
        assertEquals(List.of("--without", "metrics,health"), t.build().options());
    }

    @Test
    void aPerRequestFeatureIsNamedInKebabCaseInTheFileTheTagAndTheOptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("levers.yaml");
        Files.writeString(file, """
                targets:
                  - {name: x, kind: lever, build: {variant: jlink, without: [error-routes, http-metrics, compression]}}
                """);
        TargetSpec t = Targets.load(file).get(0);
        assertEquals("localhost/footprint/service:jlink-without-http-metrics-compression-error-routes", t.image());
        assertEquals(List.of("--without", "http-metrics,compression,error-routes"), t.build().options());
    }

    @Test
    void anImageThatIsNotTheBuildsIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("levers.yaml");
        Files.writeString(file, """
                targets:
                  - {name: x, kind: lever, image: localhost/footprint/service:jlink, build: {variant: jlink, aot: true}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.load(file));
        assertEquals(true, e.getMessage().contains("give either image or build"), e.getMessage());
    }
}
