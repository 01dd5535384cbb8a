package dev.footprint.bench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --results}: the results directory (run, report, levers-report, overlays, soak, native-build). */
public final class ResultsOption {

    @Option(names = "--results", defaultValue = "bench/results") Path results;
}
