package dev.footprint.bench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --k8s}: the Kubernetes manifests, whose overlays/VARIANT/memory.yaml are written or read (overlays, soak). */
public final class K8sOption {

    @Option(names = "--k8s", defaultValue = "k8s")
    Path k8s;
}
