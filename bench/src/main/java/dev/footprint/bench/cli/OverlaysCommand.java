package dev.footprint.bench.cli;

import java.util.concurrent.Callable;

import dev.footprint.bench.report.Overlays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench overlays}: k8s/overlays/VARIANT/memory.yaml from a bench run, or {@code --check} them ({@link Overlays}). */
@Command(name = "overlays", mixinStandardHelpOptions = true,
        description = "Write (or --check) k8s/overlays/*/memory.yaml from a bench run.")
public class OverlaysCommand implements Callable<Integer> {

    @Mixin RunSelection run = new RunSelection();

    @Option(names = "--check", description = "Fail if a committed overlay differs from what the results give") boolean check;

    @Mixin OverlayFiles overlayFiles = new OverlayFiles();

    @Mixin DocsOption docsOption = new DocsOption();

    @Override
    public Integer call() {
        return Overlays.write(run.resultsOption.results, run.runId, overlayFiles.matrix, overlayFiles.k8s, check, docsOption.docs);
    }
}
