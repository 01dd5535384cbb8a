package dev.footprint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import dev.footprint.bench.Results.Stat;
import dev.footprint.bench.Results.TargetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes docs/levers.md: each memory lever's measured effect next to its cost (from runs of
 * bench/levers.yaml, in bench/results/levers/), and whether the project's targets are met (from the
 * newest full run). Levers runs can re-measure a subset: each row comes from the newest run that
 * measured it, and is compared only with its baseline from that same run.
 */
@Command(name = "levers-report", mixinStandardHelpOptions = true,
        description = "Generate docs/levers.md from a levers run and the newest full run.")
public class Levers implements Callable<Integer> {

    @Option(names = "--results", defaultValue = "bench/results")
    Path results;

    @Option(names = "--levers-run", split = ",",
            description = "Run ids under bench/results/levers, oldest first; a later run's row replaces an earlier one's (default: all)")
    List<String> leversRuns;

    @Option(names = "--run", description = "Full run id (default: newest)")
    String run;

    @Option(names = "--targets-file", defaultValue = "bench/levers.yaml")
    Path leversFile;

    @Option(names = "--docs", defaultValue = "docs")
    Path docs;

    @Override
    public Integer call() {
        ResultStore leverStore = new ResultStore(results.resolve("levers"));
        List<String> ids = leversRuns != null ? leversRuns : leverStore.runs();
        List<List<TargetResult>> runs = ids.stream().map(leverStore::read).toList();
        List<TargetSpec> current = Targets.load(leversFile);
        // a lever renamed or retired from levers.yaml keeps its result files, not a row
        List<TargetResult> levers = Report.order(newestPerTarget(runs).stream()
                .filter(r -> current.stream().anyMatch(t -> t.name().equals(r.target().name()))).toList(), current);
        List<TargetResult> everyResult = runs.stream().flatMap(List::stream).toList();
        ResultStore main = new ResultStore(results);
        String mid = run != null ? run : main.latest();
        List<TargetResult> full = main.read(mid);
        try {
            Files.writeString(docs.resolve("levers.md"), markdown(ids, levers, everyResult, mid, full, current));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + docs.resolve("levers.md"));
        return 0;
    }

    /** Each target's result from the last run (in the order given) that measured it. */
    static List<TargetResult> newestPerTarget(List<List<TargetResult>> runs) {
        Map<String, TargetResult> byName = new LinkedHashMap<>();
        runs.forEach(run -> run.forEach(r -> byName.put(r.target().name(), r)));
        return List.copyOf(byName.values());
    }

    /** How a row was measured: "3× cold" is three repetitions, each from a dropped page cache. */
    static String measuredAs(TargetResult r) {
        return r.repetitions().size() + "× " + r.run().settings().pageCache();
    }

    /**
     * A row measured with other settings than bench/levers.yaml now gives its target: another image or
     * arguments, or another value for an environment variable it ran with. A variable added to the file
     * since does not count: that is how a row pins what was the default when it ran.
     */
    static boolean changedSince(TargetResult r, List<TargetSpec> current) {
        Map<String, String> ran = r.target().env() == null ? Map.of() : r.target().env();
        return current.stream().filter(t -> t.name().equals(r.target().name())).findFirst()
                .map(t -> !Objects.equals(t.image(), r.target().image())
                        || !Objects.equals(t.command(), r.target().command())
                        || ran.entrySet().stream().anyMatch(e -> t.env() == null || !e.getValue().equals(t.env().get(e.getKey()))))
                .orElse(false);
    }

    /**
     * @param levers the rows, each from the newest run that measured it
     * @param everyResult every result of every levers run: a row's baseline is the one from the row's own
     *        run, even where a later run re-measured the baseline
     * @param current the targets as bench/levers.yaml gives them now: a row measured with other settings says so
     */
    static String markdown(List<String> leversIds, List<TargetResult> levers, List<TargetResult> everyResult, String fullId,
            List<TargetResult> full, List<TargetSpec> current) {
        List<String> used = leversIds.stream()
                .filter(id -> levers.stream().anyMatch(r -> r.run().runId().equals(id))).toList();
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated by `bench/run.sh levers-report` from bench/results/levers/{").append(String.join(",", used))
                .append("} and bench/results/").append(fullId).append(": do not edit by hand -->\n\n");
        md.append("# Memory levers: what each knob saves, and what it costs\n\n");
        md.append("Every lever below ran on its own, as one more bench target (`bench/levers.yaml`), in levers run")
                .append(used.size() > 1 ? "s " : " ").append(String.join(", ", used.stream().map(id -> "`" + id + "`").toList()))
                .append(", under the same limits and phases as the main table, and is compared with ")
                .append("its baseline from the same run (a row whose baseline was not measured in its run shows no change; ")
                .append("where a later run re-measured a baseline, older rows keep the one from their own run). ")
                .append("Each row comes from the newest run that measured it; the *measured* column gives its repetitions ")
                .append("(the median is shown) and page cache (cold: dropped before every container; warm: left as it was). ")
                .append("Working set in MiB; a negative change is a saving. *needs* is the smallest limit the row served ")
                .append("at full speed, searched and confirmed as in [memory.md](memory.md) (a row whose run did not search it ")
                .append("says so). ")
                .append("The table is ordered as `bench/levers.yaml` and shows the levers it names (a renamed or retired ")
                .append("lever's results stay under `bench/results/levers/`). The images' defaults are the `jvm-best` and ")
                .append("`native-best` rows ([images.md](images.md#memory-options)); `jvm-best-with-aot` is the jlink image with ")
                .append("the opt-in JDK 25 AOT cache (`images/build.sh jlink --aot`).");
        if (levers.stream().anyMatch(r -> changedSince(r, current))) {
            md.append(" A row marked *settings changed since* was measured with other settings than `bench/levers.yaml` ")
                    .append("gives it now (its *what changes* column says what it ran); the main table ([memory.md](memory.md)) ")
                    .append("measures the images' current defaults.");
        }
        md.append("\n\n");
        md.append("| lever | what changes | measured | needs (MiB) | idle | Δ idle | peak, 200 conn. | Δ peak | after /work | Δ after | startup ms | Δ startup | req/s, 50 conn. | Δ req/s | p99 ms, 50 conn. |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TargetResult r : levers) {
            if (r.repetitions().isEmpty()) {
                md.append("| ").append(r.target().name()).append(" | ").append(r.target().description()).append(" | ")
                        .append(" | ").append(r.target().notMeasured()).append(" |||||||||||\n");
                continue;
            }
            Optional<TargetResult> base = everyResult.stream().filter(b -> b.target().name().equals(r.target().baseline())
                    && b.run().runId().equals(r.run().runId())).findFirst();
            md.append("| ").append(r.target().name()).append(" | ").append(r.target().description())
                    .append(" | ").append(measuredAs(r)).append(changedSince(r, current) ? ", *settings changed since*" : "")
                    .append(" | ").append(needs(r));
            for (Metric m : List.of(Metric.idleMiB, Metric.peak200MiB, Metric.afterWorkMiB, Metric.readyAfterProcessStartMs)) {
                md.append(" | ").append(Report.stat(r.summary(), m)).append(" | ").append(delta(r, base, m, false));
            }
            md.append(" | ").append(Report.stat(r.summary(), Metric.rps_c50)).append(" | ").append(delta(r, base, Metric.rps_c50, true))
                    .append(" | ").append(Report.stat(r.summary(), Metric.p99Ms_c50)).append(" |\n");
        }
        md.append("\nStartup here is from the container process's start to its first 200 response. ");
        if (levers.stream().anyMatch(r -> r.run().settings().pageCache() == Results.PageCache.warm)) {
            md.append("Read the rows measured warm as directions, not exact savings: this host kept little page cache, so ")
                    .append("whether an image file (the runtime, the jars, the AOT cache) was already cached and charged to an ")
                    .append("earlier container varied from row to row ([methodology.md](methodology.md)). ");
        }
        md.append("The defaults rest on the levers whose effect was large in every phase (C1 only and a fixed small heap; ")
                .append("the native heap settings) and on the combined rows (`jvm-best`, `native-best`), which are also ")
                .append("measured in the main table ([memory.md](memory.md)), where the targets below come from.\n\n")
                .append("The `jvm-without-*` and `jvm-rest-only` rows are the service built without an extension ")
                .append("(`images/build.sh jlink --without metrics,health`), on the jlink image with its default options: ")
                .append("against `jvm-best`, the full service, they are what each Quarkus extension costs. Not measured: ")
                .append("the same for native (a native build per extension set), and jvm-alpine (no musl JRE can be built ")
                .append("offline).\n\n");
        md.append(targets(fullId, full, levers));
        return md.toString();
    }

    /** The needed limit where the row's run searched it (bench run --needs), as memory.md defines it. */
    static String needs(TargetResult r) {
        if (r.needs() == null) {
            return "not searched";
        }
        return r.needs().neededBytes() < 0 ? "none found" : Report.fmt(r.needs().neededBytes() / Summary.MIB, 0);
    }

    private static String delta(TargetResult r, Optional<TargetResult> base, Metric key, boolean percent) {
        if (base.isEmpty() || base.get() == r || !r.summary().containsKey(key) || !base.get().summary().containsKey(key)) {
            return "";
        }
        double a = r.summary().get(key).median();
        double b = base.get().summary().get(key).median();
        if (percent) {
            return String.format(Locale.ROOT, "%+.0f%%", (a - b) / b * 100);
        }
        return String.format(Locale.ROOT, "%+." + key.decimals() + "f", a - b);
    }

    /**
     * The project's targets against the newest full run, each with the closest any levers row came to it
     * (rows of the same runtime: jvm-* for the JVM variants, native-* for native).
     */
    static String targets(String fullId, List<TargetResult> full, List<TargetResult> levers) {
        StringBuilder md = new StringBuilder("## Targets\n\nFrom the main table, full run `" + fullId
                + "` (median of its repetitions, 256 MiB and 1 CPU limits). A miss says by how much; *closest lever row* is the "
                + "best any row of the table above reached for the same measure (median; read a warm row as a direction), "
                + "that is, what was tried and how near it came.\n\n"
                + "| target | goal | measured | verdict | closest lever row |\n|---|---|---|---|---|\n");
        List<TargetResult> variants = full.stream().filter(r -> r.target().kind() == TargetKind.variant && !r.summary().isEmpty()).toList();
        List<TargetResult> jvms = variants.stream().filter(r -> !r.target().name().equals("native")).toList();
        ToDoubleFunction<TargetResult> idle = r -> med(r, Metric.idleMiB);
        TargetResult bestJvm = jvms.stream().min(Comparator.comparingDouble(idle)).orElse(null);
        ToDoubleFunction<TargetResult> peak = r -> med(r, Metric.peak200MiB);
        ToDoubleFunction<TargetResult> start = r -> med(r, Metric.readyAfterProcessStartMs);
        ToDoubleFunction<TargetResult> peakRatio = r -> med(r, Metric.peak200MiB) / med(r, Metric.idleMiB);
        ToDoubleFunction<TargetResult> afterRatio = r -> med(r, Metric.afterWorkMiB) / med(r, Metric.idleMiB);
        if (bestJvm != null) {
            String n = bestJvm.target().name();
            md.append(row("best JVM variant (" + n + "): idle", "≤ 32 MiB", idle.applyAsDouble(bestJvm), 32, " MiB",
                    closest(levers, "jvm-", idle, " MiB")));
            md.append(row("best JVM variant (" + n + "): peak at 200 connections", "≤ 48 MiB", peak.applyAsDouble(bestJvm), 48, " MiB",
                    closest(levers, "jvm-", peak, " MiB")));
            md.append(row("best JVM variant (" + n + "): first 200 after start", "≤ 500 ms", start.applyAsDouble(bestJvm), 500, " ms",
                    closest(levers, "jvm-", start, " ms")));
        }
        full.stream().filter(r -> r.target().name().equals("native") && !r.summary().isEmpty()).findFirst().ifPresent(nat -> {
            md.append(row("native: idle", "≤ 12 MiB", idle.applyAsDouble(nat), 12, " MiB", closest(levers, "native-", idle, " MiB")));
            md.append(row("native: peak at 200 connections", "≤ 24 MiB", peak.applyAsDouble(nat), 24, " MiB",
                    closest(levers, "native-", peak, " MiB")));
            md.append(row("native: first 200 after start", "≤ 50 ms", start.applyAsDouble(nat), 50, " ms",
                    closest(levers, "native-", start, " ms")));
        });
        for (TargetResult v : variants) {
            md.append(row(v.target().name() + ": peak at 200 connections / idle", "≤ 1.5", peakRatio.applyAsDouble(v), 1.5, "×",
                    closest(levers, leverPrefix(v), peakRatio, "×")));
            md.append(row(v.target().name() + ": after /work / idle", "≤ 1.5", afterRatio.applyAsDouble(v), 1.5, "×",
                    closest(levers, leverPrefix(v), afterRatio, "×")));
        }
        List<TargetResult> peers = full.stream().filter(r -> r.target().kind() == TargetKind.peer && !r.summary().isEmpty()).toList();
        ToDoubleFunction<TargetResult> rpsPerMiB = r -> med(r, Metric.rpsPerMiB);
        TargetResult bestPeer = peers.stream().max(Comparator.comparingDouble(rpsPerMiB)).orElse(null);
        if (bestPeer != null) {
            for (TargetResult v : variants) {
                double mine = rpsPerMiB.applyAsDouble(v);
                double theirs = rpsPerMiB.applyAsDouble(bestPeer);
                Optional<TargetResult> best = best(levers, leverPrefix(v), rpsPerMiB, true);
                md.append("| ").append(v.target().name()).append(": req/s at 50 connections per MiB of peak | ahead of every peer (best: ")
                        .append(bestPeer.target().name()).append(String.format(Locale.ROOT, ", %.0f) | %.0f | ", theirs, mine))
                        .append(mine > theirs ? "met" : String.format(Locale.ROOT, "missed by %.0f (%.0f%%)", theirs - mine,
                                (theirs - mine) / theirs * 100))
                        .append(" | ").append(best.map(b -> String.format(Locale.ROOT, "%.0f (%s, %s)", rpsPerMiB.applyAsDouble(b),
                                b.target().name(), measuredAs(b))).orElse(""))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The levers rows that can stand for a main-table variant: jvm-* for the JVM variants, native-* for native. */
    private static String leverPrefix(TargetResult variant) {
        return variant.target().name().equals("native") ? "native-" : "jvm-";
    }

    /** The levers row named prefix* with the lowest (or highest) value of the measure. */
    private static Optional<TargetResult> best(List<TargetResult> levers, String prefix, ToDoubleFunction<TargetResult> measure,
            boolean highest) {
        Comparator<TargetResult> order = Comparator.comparingDouble(measure);
        return levers.stream().filter(r -> r.target().name().startsWith(prefix) && !r.summary().isEmpty())
                .filter(r -> !Double.isNaN(measure.applyAsDouble(r)))
                .min(highest ? order.reversed() : order);
    }

    /** The levers row with the lowest value of the measure among rows named prefix*, as "58.2 MiB (jvm-best, 1× warm)". */
    static String closest(List<TargetResult> levers, String prefix, ToDoubleFunction<TargetResult> measure, String unit) {
        return best(levers, prefix, measure, false)
                .map(r -> String.format(Locale.ROOT, unit.equals("×") ? "%.2f%s (%s, %s)" : "%.1f%s (%s, %s)",
                        measure.applyAsDouble(r), unit, r.target().name(), measuredAs(r)))
                .orElse("");
    }

    private static String row(String what, String goal, double measured, double limit, String unit, String closest) {
        // Ratios to two decimals, so that a miss of 0.05× does not read "missed by 0.0×".
        String number = unit.equals("×") ? "%.2f" : "%.1f";
        String m = String.format(Locale.ROOT, number + "%s", measured, unit);
        // ...and the verdict on the figure as shown: 1.504 reads 1.50×, which meets 1.5.
        double shown = Double.parseDouble(String.format(Locale.ROOT, number, measured));
        String verdict = shown <= limit ? "met"
                : String.format(Locale.ROOT, "missed by " + number + "%s (%.0f%%)", shown - limit, unit, (shown - limit) / limit * 100);
        return "| " + what + " | " + goal + " | " + m + " | " + verdict + " | " + closest + " |\n";
    }

    private static double med(TargetResult r, Metric m) {
        Map<Metric, Stat> s = r.summary();
        return s.containsKey(m) ? s.get(m).median() : Double.NaN;
    }
}
