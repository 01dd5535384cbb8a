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
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;

/**
 * docs/cgroup-v2.md from one directory of cgroup checks (bench/results/cgroup-v2/RUN-ID/: the host's sitting and the
 * guest's, each from tools/cgroup-checks.sh), set side by side: the machines, images/check.sh's verdicts, and how each
 * image saw its cgroup. Never edit the output by hand.
 */
public final class CgroupVersions {

    private CgroupVersions() {
    }

    /** A bench run on one cgroup version: its id, the version its machine recorded, its targets' results. */
    public record BenchSitting(String runId, String cgroup, List<TargetResult> results) {

        Settings settings() {
            return results.get(0).run().settings();
        }

        TargetResult target(String name) {
            return results.stream().filter(r -> r.target().name().equals(name)).findFirst().orElse(null);
        }
    }

    public static void write(Path results, String runId, List<BenchSitting> bench, Path docs) {
        Path dir = results.resolve(runId);
        List<CgroupChecks> sittings = CgroupChecks.readAll(dir);
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("cgroup-bench", bench(bench));
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
        row(md, "podman, OCI runtime", sittings, e -> (e.podman() == null ? "?" : e.podman().replace("podman version ", "podman ")) + ", " + e.runtime());
        row(md, "CPUs, memory", sittings, e -> String.format(Locale.ROOT, "%d, %.1f GiB", e.cpus(), e.memTotalKiB() / 1048576.0));
        row(md, "emulated", sittings, e -> e.emulation() == null ? "no" + (e.cpuModel() == null ? "" : " (" + e.cpuModel() + ")") : e.emulation());
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
                    md.append(" | ").append(escape(r.shipped().error())).append(" | | ");
                } else {
                    md.append(" | ").append(mib(r.shipped().serviceLimit())).append(" | ").append(mib(r.shipped().serviceWorkingSet()))
                            .append(" | ").append(mib(r.shipped().outsideBefore().workingSet())).append(" / ")
                            .append(mib(r.shipped().outsideAfter().workingSet()));
                }
                Sizing z = r.withoutHeapOption();
                if (z.error() != null) {
                    md.append(" | ").append(escape(z.error())).append(" | | ");
                } else {
                    md.append(" | ").append(mib(z.memorySeen())).append(" | ").append(mib(z.heapMax())).append(" | ")
                            .append(z.cpuCount() == null ? "" : String.format(Locale.ROOT, "%.0f", z.cpuCount()));
                }
                md.append(" | ").append(r.failures().isEmpty() ? "saw its cgroup" : escape(String.join("; ", r.failures()))).append(" |\n");
            }
        }
        return md.toString() + "\nMiB; the working set is usage minus inactive file (v2: memory.current and memory.stat's inactive_file; "
                + "v1: memory.usage_in_bytes and total_inactive_file), read from the host's side of the container's cgroup just "
                + "before and just after the service's gauge.\n";
    }

    /**
     * The fixed-rate sittings side by side, per target: the needed limit, the working set at idle and over the
     * open-loop phases, idle RssAnon, and the p99 at the lowest rate (the guest's emulated, so not a node's latency).
     */
    static String bench(List<BenchSitting> sittings) {
        if (sittings.isEmpty()) {
            return "No fixed-rate sitting yet (bench/run.sh --fixed-rate-only --needs, on each version).\n";
        }
        StringBuilder md = new StringBuilder("| target");
        List<String> columns = List.of("needed limit", "working set, idle", "working set, peak over the open-loop phases", "RssAnon, idle");
        for (String c : columns) {
            sittings.forEach(s -> md.append(" | ").append(c).append(", ").append(s.cgroup()));
        }
        // each sitting's own rate: two sittings at different rates are not the same load
        sittings.forEach(s -> md.append(String.format(Locale.ROOT, " | p99 at %,.0f req/s on /, %s", s.settings().perSecond(Phase.rate1k),
                s.cgroup())));
        md.append(" |\n|---").append("|---".repeat((columns.size() + 1) * sittings.size())).append("|\n");
        for (String name : sittings.stream().flatMap(s -> s.results().stream().map(r -> r.target().name())).distinct().toList()) {
            md.append("| ").append(name);
            sittings.forEach(s -> md.append(" | ").append(needed(s.target(name))));
            for (Metric m : List.of(Metric.idleMiB, Metric.fixedRatePeakMiB, Metric.idleRssAnonMiB, Metric.p99(Phase.rate1k))) {
                sittings.forEach(s -> {
                    TargetResult r = s.target(name);
                    md.append(" | ").append(r == null || r.summary() == null ? "" : Report.stat(r.summary(), m));
                });
            }
            md.append(" |\n");
        }
        return md + "\nMiB and ms, medians over the repetitions at the reference limit [smallest–largest]; the needed limit: "
                + "the smallest limit at which the target still served every open-loop phase without an error, a stall or an "
                + "OOM kill, confirmed by full runs. Working set: usage − inactive file (v2: memory.current; v1: "
                + "memory.usage_in_bytes), sampled from outside every 100 ms.\n";
    }

    private static String needed(TargetResult r) {
        if (r == null || r.needs() == null) {
            return r == null ? "" : "not searched";
        }
        long b = r.needs().neededBytes();
        return b > 0 ? String.format(Locale.ROOT, "%,d MiB", b >> 20) : "not found: " + escape(r.needs().note());
    }

    /** A cell's text with the table's separator escaped. */
    static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** Every variant any sitting viewed, in the order the first one lists them. */
    private static List<String> variants(List<CgroupChecks> sittings) {
        return sittings.stream().flatMap(s -> s.view().rows().stream().map(ViewRow::variant)).distinct().toList();
    }

    private static String mib(Number bytes) {
        return bytes == null ? "" : String.format(Locale.ROOT, "%,.1f", bytes.doubleValue() / Summary.MIB);
    }
}
