package dev.footprint.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.SoakResults.Outcome;
import dev.footprint.bench.model.Summary;

/** docs/reliability.md's soak table, from a soak run's result files ({@code bench soak}, {@code bench soak --report}). */
public final class SoakReport {

    private SoakReport() {
    }

    /** "0 errors", or "696 errors (connect 0, read 0, write 0, timeout 696)". */
    public static String errors(LoadResult load) {
        return load.errors() + " errors" + (load.errors() > 0 && load.errorKinds() != null ? " (" + load.errorKinds() + ")" : "");
    }

    /**
     * Which command soaked each variant, and when it finished: a run extended with --run-id holds variants
     * soaked hours apart. (Files written before finishedAt was recorded wrote startedAt after the soak.)
     */
    public static String sittings(List<JsonNode> files) {
        Map<String, List<String>> byCommand = new LinkedHashMap<>();
        Function<JsonNode, String> finished = n -> n.has("finishedAt") ? n.get("finishedAt").asText() : n.path("startedAt").asText();
        for (JsonNode n : files.stream().sorted(Comparator.comparing(finished)).toList()) {
            String at = finished.apply(n);
            byCommand.computeIfAbsent(n.path("command").asText(), k -> new ArrayList<>()).add(n.at("/outcome/variant").asText()
                    + " (finished " + (at.length() >= 16 ? at.substring(0, 16).replace('T', ' ') + " UTC" : "at an unrecorded time") + ")");
        }
        List<String> parts = new ArrayList<>();
        byCommand.forEach((command, soaked) -> parts.add("`" + command + "`: " + String.join(", ", soaked)));
        return "Soaked by " + String.join("; by ", parts) + ".\n";
    }

    public static String table(String id, List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("Soak run `" + id + "` (`bench/results/" + id + "/`), one variant at a time, "
                + "each container limited to 1 CPU.\n\n"
                + "| variant | memory limit (overlay) | memory request (overlay) | memory options | requests | req/s | errors | non-2xx | OOM kills | p95 working set | peak working set | share of limit | standard phases at the limit | verdict |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d MiB | %s | `%s` | %,d | %,.0f | %s | %d | %d | %s | %.1f MiB | %.0f%% | %s | %s |%n",
                    o.variant(), o.limitBytes() >> 20, o.requestBytes() == null ? "–" : (o.requestBytes() >> 20) + " MiB",
                    o.memoryOptions(), o.load().requests(), o.load().requestsPerSecond(),
                    errors(o.load()).replace(" errors", ""), o.load().non2xx(), o.oomKills(),
                    o.p95WorkingSetBytes() == null ? "–" : String.format(Locale.ROOT, "%.1f MiB", o.p95WorkingSetBytes() / Summary.MIB),
                    o.maxWorkingSetBytes() / Summary.MIB, o.maxShareOfLimit() * 100,
                    o.atLimit() == null ? "–" : o.atLimit().summary(), o.passed() ? "passed" : "**failed**"));
        }
        return md.toString();
    }
}
