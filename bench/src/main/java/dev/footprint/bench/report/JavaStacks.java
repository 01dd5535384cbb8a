package dev.footprint.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;

/**
 * docs/memory.md's "Against the Java stacks": the newest run in bench/results/java-peers, where the Java peers and
 * some of the project's variants were measured by the same method. Its own results directory, so that a run extended
 * sitting by sitting never replaces the main table's run; its rows compare with each other, not with the main table.
 */
public final class JavaStacks {

    /** Where bench run --results puts the Java stacks' runs, under the main results directory. */
    public static final String DIR = "java-peers";

    private JavaStacks() {
    }

    /** The block's content: the run's needed-limit table, then each peer's needed limit against each variant's. */
    static String block(ResultStore stacks, List<TargetSpec> file) {
        List<String> runs = Files.isDirectory(stacks.root()) ? stacks.fullRuns() : List.of();
        String command = "bench/run.sh --offline --needs --results " + stacks.root() + " --run-id RUN --targets …";
        if (runs.isEmpty()) {
            return "No run of the Java stacks yet (`" + command + "`).";
        }
        String id = runs.get(runs.size() - 1);
        List<TargetResult> results = Report.order(stacks.read(id), file);
        RunInfo run = results.stream().map(TargetResult::run).filter(Objects::nonNull).findFirst().orElseThrow();
        Path report = stacks.runDir(id).resolve("report/memory.md");
        return "Run `" + id + "` ([its report](../" + report + "), with its settings and every sample); its sittings:\n\n"
                + Report.sittings(results) + "\n" + Report.needsTable(results, run) + "\n" + ratios(results);
    }

    /** Each peer's needed limit as a multiple of each variant's, where both were found. */
    static String ratios(List<TargetResult> results) {
        List<TargetResult> variants = results.stream().filter(r -> r.target().kind() == TargetKind.variant && found(r)).toList();
        List<TargetResult> peers = results.stream().filter(r -> r.target().kind() == TargetKind.peer && found(r)).toList();
        if (variants.isEmpty() || peers.isEmpty()) {
            return "No peer and variant of this run both have a needed limit yet: no ratio to give.\n";
        }
        StringBuilder md = new StringBuilder("| peer: needed limit (MiB) |");
        variants.forEach(v -> md.append(" × ").append(v.target().name()).append("'s (")
                .append(Report.fmt(v.needs().neededBytes() / Summary.MIB, 0)).append(") |"));
        md.append("\n|---|").append("---|".repeat(variants.size())).append("\n");
        for (TargetResult p : peers) {
            md.append("| ").append(p.target().name()).append(": ").append(Report.fmt(p.needs().neededBytes() / Summary.MIB, 0)).append(" |");
            variants.forEach(v -> md.append(" ").append(Report.fmt((double) p.needs().neededBytes() / v.needs().neededBytes(), 1)).append(" |"));
            md.append("\n");
        }
        return md.append("\nAbove 1: the peer needs more memory than that Quarkus variant for the same load.\n").toString();
    }

    private static boolean found(TargetResult r) {
        return r.needs() != null && r.needs().neededBytes() > 0;
    }
}
