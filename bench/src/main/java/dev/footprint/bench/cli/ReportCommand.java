package dev.footprint.bench.cli;

import java.util.concurrent.Callable;

import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench report}: docs/memory.md and its charts from one run's result files ({@link Report}). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Generate docs/memory.md and docs/charts/ from a run in bench/results.")
public class ReportCommand implements Callable<Integer> {

    @Mixin RunSelection run = new RunSelection();

    @Mixin DocsOption docsOption = new DocsOption();

    @Mixin TargetsFileOption targetsFileOption = new TargetsFileOption();

    @Override
    public Integer call() {
        ResultStore store = new ResultStore(run.resultsOption.results);
        Report.write(store, store.runOrLatest(run.runId), docsOption.docs,
                targetsFileOption.targetsFile);
        return 0;
    }
}
