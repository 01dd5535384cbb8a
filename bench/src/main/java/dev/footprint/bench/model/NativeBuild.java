package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** The records of native builds (bench native-build, from tools/native-build.sh): bench/results/native-build/*.json. */
public final class NativeBuild {

    private NativeBuild() {
    }

    /** The newest record, or null. */
    public static JsonNode latest(Path results) {
        Path dir = results.resolve("native-build");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            return sorted.isEmpty() ? null : Json.MAPPER.readTree(sorted.get(sorted.size() - 1).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
