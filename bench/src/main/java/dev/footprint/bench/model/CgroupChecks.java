package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One sitting of tools/cgroup-checks.sh, on the host or in the cgroup v2 guest (tools/cgroup-v2-guest.sh check): what
 * the machine was (environment.json), images/check.sh's lines (image-checks.txt) and how each image saw its cgroup
 * (cgroup-view.json, tools/cgroup_view.py). Read as those scripts write them.
 */
public record CgroupChecks(String name, Environment environment, View view, List<String> checkLines) {

    public record Environment(String cgroup, String kernel, String os, String podman, String runtime, String cpuModel,
            int cpus, long memTotalKiB, String emulation, int timeScale, String at) {
    }

    public record View(String cgroup, long tolerance, List<ViewRow> rows) {
    }

    /** @param failures what the shipped image got wrong about its cgroup; empty when it saw it right */
    public record ViewRow(String variant, String runtime, String image, long limitBytes, Shipped shipped,
            Sizing withoutHeapOption, List<String> failures) {
    }

    /** The image as shipped: its own gauges beside the working set (usage - inactive file) read from outside. */
    public record Shipped(Outside outsideBefore, Outside outsideAfter, Double serviceLimit, Double serviceWorkingSet,
            Double cpuCount, String error) {
    }

    public record Outside(long usage, long inactiveFile, long workingSet, String limit) {
    }

    /** What the runtime sized itself from with no heap option, from its own log; null where it did not say. */
    public record Sizing(Long memorySeen, Long heapMax, Double cpuCount, Integer workRequests, Boolean oomKilled,
            String error) {
    }

    /** The sittings in {@code dir}: each subdirectory holding an environment.json, by name. */
    public static List<CgroupChecks> readAll(Path dir) {
        try (Stream<Path> subdirs = Files.list(dir)) {
            List<CgroupChecks> all = subdirs.filter(d -> Files.exists(d.resolve("environment.json"))).sorted().map(CgroupChecks::read)
                    .toList();
            if (all.isEmpty()) {
                throw new IllegalStateException(dir + " holds no cgroup checks (a directory with environment.json: tools/cgroup-checks.sh --out)");
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CgroupChecks read(Path d) {
        try {
            return new CgroupChecks(d.getFileName().toString(),
                    Json.MAPPER.readValue(d.resolve("environment.json").toFile(), Environment.class),
                    Json.MAPPER.readValue(d.resolve("cgroup-view.json").toFile(), View.class),
                    Files.readAllLines(d.resolve("image-checks.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup checks in " + d, e);
        }
    }

    /** images/check.sh's verdict on one variant: "passed" with its count of checks, or its FAIL lines. */
    public String checkVerdict(String variant) {
        List<String> mine = checkLines.stream().filter(l -> l.matches("\\s+(ok|FAIL) +" + Pattern.quote(variant) + ":.*")).toList();
        if (mine.isEmpty()) {
            return "not checked";
        }
        List<String> failed = mine.stream().map(String::strip).filter(l -> l.startsWith("FAIL"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).toList();
        return failed.isEmpty() ? "passed (" + mine.size() + " checks)" : "FAILED: " + String.join("; ", failed);
    }

    /** The first-200 line images/check.sh prints, from process start, in ms; -1 when absent. */
    public long readyAfterProcessStartMs(String variant) {
        return checkLines.stream().filter(l -> l.contains(" " + variant + ": GET / 200 after "))
                .map(l -> l.replaceAll(".* ([0-9]+) ms from process start.*", "$1")).filter(s -> s.matches("[0-9]+"))
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }
}
