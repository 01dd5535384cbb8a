package dev.footprint.bench.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.footprint.bench.model.CgroupChecks;
import dev.footprint.bench.model.CgroupChecks.Sizing;
import dev.footprint.bench.model.CgroupChecks.ViewRow;
import dev.footprint.bench.model.Summary;

/**
 * docs/cgroup-v2.md from one directory of cgroup checks (bench/results/cgroup-v2/RUN-ID/: the host's sitting and the
 * guest's, each from tools/cgroup-checks.sh), set side by side: the machines, images/check.sh's verdicts, and how each
 * image saw its cgroup. Never edit the output by hand.
 */
public final class CgroupVersions {

    private CgroupVersions() {
    }

    public static void write(Path results, String runId, Path docs) {
        Path dir = results.resolve(runId);
        List<CgroupChecks> sittings = CgroupChecks.readAll(dir);
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("cgroup-source", "Run `" + runId + "` (" + dir + "/): " + String.join(", ", sittings.stream()
                .map(s -> "`" + s.name() + "/` (cgroup " + s.environment().cgroup() + ")").toList()) + "\n");
        blocks.put("cgroup-machines", machines(sittings));
        blocks.put("cgroup-checks", checks(sittings));
        blocks.put("cgroup-view", view(sittings));
        GeneratedBlock.replaceAll(docs.resolve("cgroup-v2.md"), "bench/run.sh cgroup-report", blocks);
        System.out.println("wrote " + docs.resolve("cgroup-v2.md") + " from " + dir);
    }

    static String machines(List<CgroupChecks> sittings) {
        StringBuilder md = new StringBuilder("|");
        sittings.forEach(s -> md.append(" | `").append(s.name()).append("`"));
        md.append(" |\n|---").append("|---".repeat(sittings.size())).append("|\n");
        row(md, "cgroup", sittings, e -> e.cgroup());
        row(md, "kernel, OS", sittings, e -> e.kernel() + ", " + e.os());
        row(md, "podman, OCI runtime", sittings, e -> e.podman().replace("podman version ", "podman ") + ", " + e.runtime());
        row(md, "CPUs, memory", sittings, e -> String.format(Locale.ROOT, "%d, %.1f GiB", e.cpus(), e.memTotalKiB() / 1048576.0));
        row(md, "emulated", sittings, e -> e.emulation() == null ? "no (" + e.cpuModel() + ")" : e.emulation());
        row(md, "images/check.sh's time bounds", sittings, e -> "×" + e.timeScale());
        row(md, "measured at", sittings, e -> e.at());
        return md.toString();
    }

    private static void row(StringBuilder md, String label, List<CgroupChecks> sittings, Function<CgroupChecks.Environment, String> cell) {
        md.append("| ").append(label);
        sittings.forEach(s -> md.append(" | ").append(cell.apply(s.environment())));
        md.append(" |\n");
    }

    static String checks(List<CgroupChecks> sittings) {
        StringBuilder md = new StringBuilder("| variant");
        sittings.forEach(s -> md.append(" | images/check.sh, cgroup ").append(s.environment().cgroup()));
        sittings.forEach(s -> md.append(" | first 200 from process start, cgroup ").append(s.environment().cgroup())
                .append(s.environment().emulation() == null ? "" : " (emulated)"));
        md.append(" |\n|---").append("|---".repeat(2 * sittings.size())).append("|\n");
        for (String v : variants(sittings)) {
            md.append("| ").append(v);
            sittings.forEach(s -> md.append(" | ").append(s.checkVerdict(v)));
            sittings.forEach(s -> {
                long ms = s.readyAfterProcessStartMs(v);
                md.append(" | ").append(ms < 0 ? "" : String.format(Locale.ROOT, "%,d ms", ms));
            });
            md.append(" |\n");
        }
        return md.toString();
    }

    static String view(List<CgroupChecks> sittings) {
        StringBuilder md = new StringBuilder("| variant | cgroup | limit | the service's limit gauge | its working-set gauge | "
                + "working set from outside, before / after | with no heap option: memory it sees | its maximum heap | "
                + "CPUs it counts (--cpus=1) | as shipped |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String v : variants(sittings)) {
            for (CgroupChecks s : sittings) {
                ViewRow r = s.view().rows().stream().filter(x -> x.variant().equals(v)).findFirst().orElse(null);
                if (r == null) {
                    continue;
                }
                md.append("| ").append(v).append(" | ").append(s.environment().cgroup()).append(" | ").append(mib(r.limitBytes()));
                if (r.shipped().error() != null) {
                    md.append(" | ").append(r.shipped().error()).append(" | | ");
                } else {
                    md.append(" | ").append(mib(r.shipped().serviceLimit())).append(" | ").append(mib(r.shipped().serviceWorkingSet()))
                            .append(" | ").append(mib(r.shipped().outsideBefore().workingSet())).append(" / ")
                            .append(mib(r.shipped().outsideAfter().workingSet()));
                }
                Sizing z = r.withoutHeapOption();
                if (z.error() != null) {
                    md.append(" | ").append(z.error()).append(" | | ");
                } else {
                    md.append(" | ").append(mib(z.memorySeen())).append(" | ").append(mib(z.heapMax())).append(" | ")
                            .append(z.cpuCount() == null ? "" : String.format(Locale.ROOT, "%.0f", z.cpuCount()));
                }
                md.append(" | ").append(r.failures().isEmpty() ? "saw its cgroup" : String.join("; ", r.failures())).append(" |\n");
            }
        }
        return md.toString() + "\nMiB; the working set is usage minus inactive file (v2: memory.current and memory.stat's inactive_file; "
                + "v1: memory.usage_in_bytes and total_inactive_file), read from the host's side of the container's cgroup just "
                + "before and just after the service's gauge.\n";
    }

    /** Every variant any sitting viewed, in the order the first one lists them. */
    private static List<String> variants(List<CgroupChecks> sittings) {
        return sittings.stream().flatMap(s -> s.view().rows().stream().map(ViewRow::variant)).distinct().toList();
    }

    private static String mib(Number bytes) {
        return bytes == null ? "" : String.format(Locale.ROOT, "%,.1f", bytes.doubleValue() / Summary.MIB);
    }
}
