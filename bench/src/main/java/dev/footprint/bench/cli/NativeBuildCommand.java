package dev.footprint.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.footprint.bench.model.Json;
import dev.footprint.bench.model.NativeBuild;
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

    @Option(names = "--stats", required = true, description = "native-image's *-build-output-stats.json") Path stats;

    @Option(names = "--executable", required = true) Path executable;

    @Option(names = "--wall-seconds", required = true, description = "Wall time of the whole Maven command") double wallSeconds;

    @Option(names = "--command", required = true) String command;

    @Option(names = "--toolchain", required = true, description = "native-image --version, first line") String toolchain;

    @Mixin ResultsOption resultsOption = new ResultsOption();

    @Override
    public Integer call() throws IOException {
        NativeBuild build = NativeBuild.of(Json.MAPPER.readTree(stats.toFile()), command, toolchain, wallSeconds,
                Files.size(executable), Instant.now());
        System.out.println("recorded " + build.write(resultsOption.results));
        return 0;
    }
}
