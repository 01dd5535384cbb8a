package dev.footprint.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footprint.bench.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Records one native build (tools/native-build.sh calls this): native-image's own statistics file
 * (build time, builder peak RSS, image parts), the wall time of the Maven command, the executable's
 * and the container image's sizes, and the machine. docs/native.md's figures are generated from it.
 */
@Command(name = "native-build", mixinStandardHelpOptions = true,
        description = "Record a native build's figures in bench/results/native-build/.")
public class NativeBuildCommand implements Callable<Integer> {

    @Option(names = "--stats", required = true, description = "native-image's *-build-output-stats.json")
    Path stats;

    @Option(names = "--executable", required = true)
    Path executable;

    @Option(names = "--wall-seconds", required = true, description = "Wall time of the whole Maven command")
    double wallSeconds;

    @Option(names = "--command", required = true)
    String command;

    @Option(names = "--toolchain", required = true, description = "native-image --version, first line")
    String toolchain;

    @Mixin
    ResultsOption resultsOption = new ResultsOption();

    @Override
    public Integer call() throws IOException {
        JsonNode s = Json.MAPPER.readTree(stats.toFile());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recordedAt", Instant.now().toString());
        out.put("command", command);
        out.put("toolchain", toolchain);
        out.put("mavenWallSeconds", wallSeconds);
        out.put("nativeImageSeconds", s.at("/resource_usage/total_secs").asDouble());
        out.put("builderPeakRssBytes", s.at("/resource_usage/memory/peak_rss_bytes").asLong());
        out.put("builderMaxHeapBytes", s.at("/resource_usage/garbage_collection/max_heap").asLong());
        out.put("builderThreads", s.at("/resource_usage/cpu/parallelism").asInt());
        out.put("machineCores", s.at("/resource_usage/cpu/total_cores").asInt());
        out.put("machineMemoryBytes", s.at("/resource_usage/memory/system_total").asLong());
        out.put("executableBytes", Files.size(executable));
        out.put("codeAreaBytes", s.at("/image_details/code_area/bytes").asLong());
        out.put("imageHeapBytes", s.at("/image_details/image_heap/bytes").asLong());
        out.put("garbageCollector", s.at("/general_info/garbage_collector").asText());
        out.put("march", s.at("/general_info/graal_compiler/march").asText());
        out.put("javaVersion", s.at("/general_info/java_version").asText());
        out.put("reachableMethods", s.at("/analysis_results/methods/reachable").asLong());
        out.put("nativeImageStats", s);
        Path dir = resultsOption.results.resolve("native-build");
        Files.createDirectories(dir);
        Path file = dir.resolve(Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "") + ".json");
        Json.MAPPER.writeValue(file.toFile(), out);
        System.out.println("recorded " + file);
        return 0;
    }
}
