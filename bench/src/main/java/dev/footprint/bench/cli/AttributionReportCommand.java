package dev.footprint.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.footprint.bench.report.Attribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench attribution-report}: docs/attribution.md from an attribution run ({@link Attribution}). */
@Command(name = "attribution-report", mixinStandardHelpOptions = true,
        description = "Generate docs/attribution.md: where each target's memory sits, from a run under bench/results/attribution.")
public class AttributionReportCommand implements Callable<Integer> {

    @Option(names = "--results", defaultValue = "bench/results/attribution") Path results;

    @Option(names = "--run", description = "Run id (default: newest)") String run;

    @Mixin TargetsFileOption targetsFileOption = new TargetsFileOption();

    @Mixin DocsOption docsOption = new DocsOption();

    @Override
    public Integer call() {
        Attribution.write(results, run, targetsFileOption.targetsFile, docsOption.docs);
        return 0;
    }
}
