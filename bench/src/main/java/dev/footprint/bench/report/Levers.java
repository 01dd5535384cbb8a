package dev.footprint.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;

import dev.footprint.bench.model.Goals;
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;
import dev.footprint.bench.model.Variants;

/**
 * Writes docs/levers.md: each memory lever's measured effect next to its cost (from runs of
 * bench/levers.yaml, in bench/results/levers/), and whether the project's targets are met (from the
 * newest full run). Levers runs can re-measure a subset: each row comes from the newest run that
 * measured it, and is compared only with its baseline from that same run.
 */
public final class Levers {

    private Levers() {
    }

    /**
     * Writes docs/levers.md's blocks (bench levers-report).
     *
     * @param leversRuns the levers runs to read, oldest first, or null for every run under results/levers
     * @param run the full run the goals are judged on, or null for the newest
     * @param leversFile the levers as bench/levers.yaml gives them now
     */
    public static void write(Path results, List<String> leversRuns, String run, Path leversFile, Path goalsFile, Path docs) {
        ResultStore leverStore = new ResultStore(results.resolve("levers"));
        List<String> ids = leversRuns != null ? leversRuns : leverStore.runs();
        List<List<TargetResult>> runs = ids.stream().map(leverStore::read).toList();
        List<TargetSpec> current = Targets.load(leversFile);
        // a lever renamed or retired from levers.yaml keeps its result files, not a row
        List<TargetResult> levers = Report.order(newestPerTarget(runs).stream()
                .filter(r -> current.stream().anyMatch(t -> t.name().equals(r.target().name()))).toList(), current);
        List<TargetResult> everyResult = runs.stream().flatMap(List::stream).toList();
        ResultStore main = new ResultStore(results);
        String mid = main.runOrLatest(run);
        List<TargetResult> full = main.read(mid);
        Path page = docs.resolve("levers.md");
        Map<String, String> blocks = blocks(ids, levers, everyResult, mid, full, current, Goals.load(goalsFile),
                Variants.load(Targets.matrixBeside(leversFile)).nativeNames());
        List<Pareto.Point> points = Pareto.points(full, mid, levers);
        blocks.put("pareto", Pareto.table(points));
        try {
            Files.createDirectories(docs.resolve("charts"));
            BitmapEncoder.saveBitmap(Pareto.chart(points), docs.resolve("charts/pareto").toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratedBlock.replaceAll(page, "bench/run.sh levers-report", blocks);
        System.out.println("wrote " + docs.resolve("levers.md"));
    }

    /**
     * Each target's result from the sitting that started last; between results that started at the same time, the
     * later run in the order given. Run ids are names, not times: 20261202-levers-aot-needs sorts before an earlier
     * 20261202-levers-needs.
     */
    static List<TargetResult> newestPerTarget(List<List<TargetResult>> runs) {
        Map<String, TargetResult> byName = new LinkedHashMap<>();
        runs.forEach(run -> run.forEach(r -> byName.merge(r.target().name(), r,
                (had, next) -> startedAt(next).isBefore(startedAt(had)) ? had : next)));
        return List.copyOf(byName.values());
    }

    private static Instant startedAt(TargetResult r) {
        return r.run().startedAt() == null ? Instant.MIN : Instant.parse(r.run().startedAt());
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
     * The blocks of docs/levers.md: the runs the rows come from, the levers table, their fixed-rate latency, and the
     * goals (the Pareto block is {@link Pareto}'s).
     *
     * @param levers the rows, each from the newest run that measured it
     * @param everyResult every result of every levers run: a row's baseline is the one from the row's own
     *        run, even where a later run re-measured the baseline
     * @param current the targets as bench/levers.yaml gives them now: a row measured with other settings says so
     */
    static Map<String, String> blocks(List<String> leversIds, List<TargetResult> levers, List<TargetResult> everyResult, String fullId,
            List<TargetResult> full, List<TargetSpec> current, List<Goals.Goal> goals, Set<String> nativeVariants) {
        List<String> used = leversIds.stream()
                .filter(id -> levers.stream().anyMatch(r -> r.run().runId().equals(id))).toList();
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("levers-sources", "| | |\n|---|---|\n| levers runs (bench/results/levers/) | "
                + String.join(", ", used.stream().map(id -> "`" + id + "`").toList()) + " |\n| full run the goals are judged on | `"
                + fullId + "` |\n");
        StringBuilder md = new StringBuilder();
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
        blocks.put("levers", md.toString());
        // the rows whose run had the open-loop phases: latency at a fixed rate, the table memory.md gives the full run
        blocks.put("levers-latency", Report.latencyTable(levers));
        blocks.put("goals", goals(goals, full, levers, nativeVariants));
        return blocks;
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
     * The project's goals (bench/goals.yaml) against the newest full run, each with the closest any levers row came to
     * it (rows of the same runtime: jvm-* for the JVM variants, native-* for native).
     */
    static String goals(List<Goals.Goal> goals, List<TargetResult> full, List<TargetResult> levers, Set<String> nativeVariants) {
        Predicate<TargetResult> nativeExecutable = r -> nativeVariants.contains(r.target().name());
        StringBuilder md = new StringBuilder("| target | goal | measured | verdict | closest lever row |\n|---|---|---|---|---|\n");
        List<TargetResult> variants = full.stream().filter(r -> r.target().kind() == TargetKind.variant && !r.summary().isEmpty()).toList();
        TargetResult bestJvm = variants.stream().filter(nativeExecutable.negate())
                .min(Comparator.comparingDouble((TargetResult r) -> med(r, Metric.idleMiB))).orElse(null);
        List<TargetResult> peers = full.stream().filter(r -> r.target().kind() == TargetKind.peer && !r.summary().isEmpty()).toList();
        for (Goals.Goal g : goals) {
            ToDoubleFunction<TargetResult> measure = g.ratio() ? r -> med(r, g.measure()) / med(r, g.per()) : r -> med(r, g.measure());
            String unit = g.ratio() ? "×" : " " + g.measure().unit.symbol;
            List<TargetResult> subjects = switch (g.subject()) {
                case bestJvm -> bestJvm == null ? List.of() : List.of(bestJvm);
                case native_ -> variants.stream().filter(nativeExecutable).toList();
                case everyVariant -> variants;
            };
            for (TargetResult v : subjects) {
                String what = (g.subject() == Goals.Subject.bestJvm ? "best JVM variant (" + v.target().name() + ")" : v.target().name())
                        + ": " + g.label();
                if (g.aheadOfPeers()) {
                    TargetResult bestPeer = peers.stream().max(Comparator.comparingDouble(measure)).orElse(null);
                    if (bestPeer == null) {
                        continue;
                    }
                    double mine = measure.applyAsDouble(v);
                    double theirs = measure.applyAsDouble(bestPeer);
                    Optional<TargetResult> best = best(levers, leverPrefix(nativeExecutable.test(v)), measure, true);
                    md.append("| ").append(what).append(" | ahead of every peer (best: ")
                            .append(bestPeer.target().name()).append(String.format(Locale.ROOT, ", %.0f) | %.0f | ", theirs, mine))
                            .append(mine > theirs ? "met" : String.format(Locale.ROOT, "missed by %.0f (%.0f%%)", theirs - mine,
                                    (theirs - mine) / theirs * 100))
                            .append(" | ").append(best.map(b -> String.format(Locale.ROOT, "%.0f (%s, %s)", measure.applyAsDouble(b),
                                    b.target().name(), measuredAs(b))).orElse(""))
                            .append(" |\n");
                } else if (g.atLeastShareOf() != null) {
                    Goals.ShareOf of = g.atLeastShareOf();
                    Optional<TargetResult> other = full.stream().filter(r -> r.target().name().equals(of.target()) && !r.summary().isEmpty())
                            .findFirst();
                    if (other.isEmpty()) {
                        continue;
                    }
                    double theirs = measure.applyAsDouble(other.get());
                    double share = measure.applyAsDouble(v) / theirs;
                    Optional<TargetResult> best = best(levers, leverPrefix(nativeExecutable.test(v)), measure, true);
                    md.append("| ").append(what).append(String.format(Locale.ROOT, " | ≥ %.2f× %s's (%,.0f) | %,.0f (%.2f×) | ",
                                    of.share(), of.target(), theirs, measure.applyAsDouble(v), share))
                            .append(share >= of.share() ? "met" : String.format(Locale.ROOT, "missed by %.2f× (%.0f%%)",
                                    of.share() - share, (of.share() - share) / of.share() * 100))
                            .append(" | ").append(best.map(b -> String.format(Locale.ROOT, "%,.0f (%s, %s)", measure.applyAsDouble(b),
                                    b.target().name(), measuredAs(b))).orElse(""))
                            .append(" |\n");
                } else {
                    md.append(row(what, "≤ " + Report.fmt(g.atMost(), g.atMost() == Math.rint(g.atMost()) ? 0 : 1) + unit,
                            measure.applyAsDouble(v), g.atMost(), unit, closest(levers, leverPrefix(nativeExecutable.test(v)), measure, unit)));
                }
            }
        }
        return md.toString();
    }

    /** The levers rows that can stand for a main-table variant: jvm-* for the JVM variants, native-* for native. */
    private static String leverPrefix(boolean nativeExecutable) {
        return nativeExecutable ? "native-" : "jvm-";
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
