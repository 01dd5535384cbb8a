package dev.footprint.bench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.footprint.bench.model.Goals;
import dev.footprint.bench.report.Levers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench levers-report}: docs/levers.md from the levers runs and the newest full run ({@link Levers}). */
@Command(name = "levers-report", mixinStandardHelpOptions = true,
        description = "Generate docs/levers.md from a levers run and the newest full run.")
public class LeversReportCommand implements Callable<Integer> {

    @Mixin ResultsOption resultsOption = new ResultsOption();

    @Option(names = "--levers-run", split = ",",
            description = "Run ids under bench/results/levers, oldest first; a later run's row replaces an earlier one's (default: all)")
    List<String> leversRuns;

    @Option(names = "--run", description = "Full run id (default: newest)") String run;

    @Option(names = "--targets-file", defaultValue = "bench/levers.yaml") Path leversFile;

    @Option(names = "--goals", defaultValue = Goals.FILE, description = "The project's goals") Path goalsFile;

    @Mixin DocsOption docsOption = new DocsOption();

    @Override
    public Integer call() {
        Levers.write(resultsOption.results, leversRuns, run, leversFile, goalsFile, docsOption.docs);
        return 0;
    }
}
