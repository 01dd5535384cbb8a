package dev.footprint.bench.cli;

import java.nio.file.Path;

import dev.footprint.bench.model.Variants;
import picocli.CommandLine.Option;

/**
 * {@code --matrix} and {@code --k8s}: the image matrix and the Kubernetes manifests whose
 * overlays/VARIANT/memory.yaml hold each variant's limit and request (overlays writes them, soak runs at them).
 */
public final class OverlayFiles {

    @Option(names = "--matrix", defaultValue = Variants.FILE, description = "The image matrix") Path matrix;

    @Option(names = "--k8s", defaultValue = "k8s", description = "The Kubernetes manifests") Path k8s;
}
