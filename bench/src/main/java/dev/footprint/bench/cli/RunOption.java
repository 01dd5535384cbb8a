package dev.footprint.bench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --run}: the bench run to read, by default the newest full run (report, overlays; levers-report has its own,
 * naming the full run beside its levers runs).
 */
public final class RunOption {

    @Option(names = "--run", description = "Run id (default: the newest full run)")
    String runId;
}
