package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;


/** The project's goals (bench/goals.yaml), judged in docs/levers.md against the newest full run. */
public final class Goals {

    public static final String FILE = "bench/goals.yaml";

    /** Which main-table rows a goal is held to. */
    public enum Subject {
        /** the JVM variant with the lowest idle working set */
        bestJvm,
        /** the native variant ({@code native} in goals.yaml; a Java keyword) */
        @com.fasterxml.jackson.annotation.JsonProperty("native")
        native_,
        everyVariant
    }

    /** A goal held to another row of the same run: at least {@code share} of that target's measure. */
    public record ShareOf(String target, double share) {

        public ShareOf {
            if (target == null || !(share > 0)) {
                throw new IllegalArgumentException("atLeastShareOf needs a target and a share above 0");
            }
        }
    }

    /**
     * @param per divide the measure by this metric (a ratio), or null
     * @param atMost the goal: the measure at or below it, or null with {@code aheadOfPeers} or {@code atLeastShareOf}
     * @param aheadOfPeers the goal is a measure above the best peer's
     * @param atLeastShareOf the goal is a measure of at least this share of one named target's
     */
    public record Goal(Subject subject, String label, Metric measure, Metric per, Double atMost, boolean aheadOfPeers,
            ShareOf atLeastShareOf) {

        public Goal {
            int kinds = (atMost != null ? 1 : 0) + (aheadOfPeers ? 1 : 0) + (atLeastShareOf != null ? 1 : 0);
            if (subject == null || label == null || measure == null || kinds != 1) {
                throw new IllegalArgumentException("a goal needs a subject, a label, a measure and one of atMost, aheadOfPeers, "
                        + "atLeastShareOf: " + label);
            }
        }

        public boolean ratio() {
            return per != null;
        }
    }

    private record File(List<Goal> goals) {
    }

    private Goals() {
    }

    public static List<Goal> load(Path yaml) {
        try {
            return Yaml.STRICT.readValue(yaml.toFile(), File.class).goals();
        } catch (IOException e) {
            throw new UncheckedIOException(yaml + ": " + e.getMessage(), e);
        }
    }
}
