package dev.footprint.bench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The soak's result files, bench/results/soak-RUN-ID/VARIANT.json (bench soak): each variant's {@link Outcome}, with
 * the machine, the command and when it started and finished.
 */
public final class SoakResults {

    private SoakResults() {
    }

    /**
     * @param p95WorkingSetBytes the 95th percentile of the 100 ms working-set samples, null in older results
     * @param requestBytes the overlay's memory request the soak held the p95 to, null in older results
     * @param atLimit the standard phases from a fresh start at the overlay's limit against the run the overlay was sized
     *        from, null in older results and for overlays not sized from a run with the needed limit
     */
    public record Outcome(String variant, String image, long limitBytes, String memoryOptions, int minutes, int connections,
            long maxWorkingSetBytes, double maxShareOfLimit, long oomKills, boolean survived, LoadResult load,
            boolean passed, String verdict, List<long[]> workingSetPerSecond, Long p95WorkingSetBytes, Long requestBytes,
            LimitCheck.Result atLimit) {

        public Outcome(String variant, String image, long limitBytes, String memoryOptions, int minutes, int connections,
                long maxWorkingSetBytes, double maxShareOfLimit, long oomKills, boolean survived, LoadResult load,
                boolean passed, String verdict, List<long[]> workingSetPerSecond) {
            this(variant, image, limitBytes, memoryOptions, minutes, connections, maxWorkingSetBytes, maxShareOfLimit, oomKills,
                    survived, load, passed, verdict, workingSetPerSecond, null, null, null);
        }
    }

    /** A soak run directory's result files (one per variant), each read once. */
    public static List<JsonNode> resultFiles(Path dir) throws IOException {
        List<JsonNode> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.add(Json.MAPPER.readTree(f.toFile()));
            }
        }
        return files;
    }

    /** Every variant's outcome in a soak run's result files, in the default variant order. */
    public static List<Outcome> outcomes(List<JsonNode> files, List<String> order) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (JsonNode n : files) {
            out.add(Json.MAPPER.treeToValue(n.get("outcome"), Outcome.class));
        }
        out.sort(Comparator.comparingInt(o -> order.indexOf(o.variant()) < 0 ? order.size() : order.indexOf(o.variant())));
        return out;
    }
}
