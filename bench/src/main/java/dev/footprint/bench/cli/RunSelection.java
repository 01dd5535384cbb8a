package dev.footprint.bench.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --results} and {@code --run}: the one bench run a command reads, by default the newest full run (report,
 * overlays; levers-report has its own --run, naming the full run beside its levers runs).
 */
public final class RunSelection {

    @Mixin ResultsOption resultsOption = new ResultsOption();

    @Option(names = "--run", description = "Run id (default: the newest full run)") String runId;
}
