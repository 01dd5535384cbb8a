package dev.footprint.bench.cli;

import dev.footprint.bench.measure.ContainerEngine;
import picocli.CommandLine.Option;

/** {@code --engine}: the container engine that runs the targets (run, soak). */
public final class EngineOption {

    @Option(names = "--engine", description = "podman or docker (default: whichever is installed)") String engineName;

    ContainerEngine engine() {
        return ContainerEngine.detect(engineName);
    }
}
