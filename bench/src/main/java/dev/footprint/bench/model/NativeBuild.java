package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One native build as {@code bench native-build} records it (from tools/native-build.sh), in
 * bench/results/native-build/*.json: the figures docs/native.md prints, and native-image's own statistics
 * file whole, for what they leave out.
 */
public record NativeBuild(String recordedAt, String command, String toolchain, double mavenWallSeconds,
        double nativeImageSeconds, long builderPeakRssBytes, long builderMaxHeapBytes, int builderThreads, int machineCores,
        long machineMemoryBytes, long executableBytes, long codeAreaBytes, long imageHeapBytes, String garbageCollector,
        String march, String javaVersion, long reachableMethods, JsonNode nativeImageStats) {

    static final String DIR = "native-build";

    /** @param stats native-image's *-build-output-stats.json */
    public static NativeBuild of(JsonNode stats, String command, String toolchain, double mavenWallSeconds,
            long executableBytes, Instant recordedAt) {
        JsonNode usage = stats.path("resource_usage");
        JsonNode image = stats.path("image_details");
        JsonNode info = stats.path("general_info");
        return new NativeBuild(recordedAt.toString(), command, toolchain, mavenWallSeconds,
                usage.path("total_secs").asDouble(), usage.at("/memory/peak_rss_bytes").asLong(),
                usage.at("/garbage_collection/max_heap").asLong(), usage.at("/cpu/parallelism").asInt(),
                usage.at("/cpu/total_cores").asInt(), usage.at("/memory/system_total").asLong(), executableBytes,
                image.at("/code_area/bytes").asLong(), image.at("/image_heap/bytes").asLong(),
                info.path("garbage_collector").asText(), info.at("/graal_compiler/march").asText(),
                info.path("java_version").asText(), stats.at("/analysis_results/methods/reachable").asLong(), stats);
    }

    /** Writes this record into RESULTS/native-build/, named by when it was recorded; returns the file. */
    public Path write(Path results) {
        try {
            Path dir = Files.createDirectories(results.resolve(DIR));
            Path file = dir.resolve(recordedAt.replace(":", "").replaceAll("\\.\\d+", "") + ".json");
            Json.MAPPER.writeValue(file.toFile(), this);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest record, or null. */
    public static NativeBuild latest(Path results) {
        Path dir = results.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            return sorted.isEmpty() ? null : Json.MAPPER.readValue(sorted.get(sorted.size() - 1).toFile(), NativeBuild.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
