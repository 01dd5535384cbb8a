package dev.footprint.bench.cli;

import java.nio.file.Path;

import dev.footprint.bench.model.Variants;
import picocli.CommandLine.Option;

/** {@code --matrix}: the image matrix, images/variants.yaml by default (overlays, soak). */
public final class MatrixOption {

    @Option(names = "--matrix", defaultValue = Variants.FILE, description = "The image matrix")
    Path matrix;
}
