package dev.footprint.bench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --targets-file}: the target list, bench/targets.yaml by default (run, images, report; levers-report has its
 * own, defaulting to bench/levers.yaml).
 */
public final class TargetsFileOption {

    @Option(names = "--targets-file", defaultValue = "bench/targets.yaml") Path targetsFile;
}
