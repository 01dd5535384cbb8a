package dev.footprint.bench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --docs}: the directory the generated pages are written into (report, levers-report, overlays, soak; run has
 * its own, with a description of where a quick run reports).
 */
public final class DocsOption {

    @Option(names = "--docs", defaultValue = "docs") Path docs;
}
