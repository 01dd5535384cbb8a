package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Results.TargetResult;

/** Reads and writes bench/results/RUN-ID/: one JSON per target and a summary CSV. */
public final class ResultStore {

    private final Path root;

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path runDir(String runId) {
        return root.resolve(runId);
    }

    public void write(TargetResult result) {
        Path dir = runDir(result.run().runId());
        try {
            Files.createDirectories(dir);
            Json.MAPPER.writeValue(file(result.run().runId(), result.target().name()).toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One target's result in a run, where the run has one. */
    public Optional<TargetResult> read(String runId, String target) {
        Path f = file(runId, target);
        try {
            return Files.exists(f) ? Optional.of(Json.MAPPER.readValue(f.toFile(), TargetResult.class)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private Path file(String runId, String target) {
        return runDir(runId).resolve(target + ".json");
    }

    public List<TargetResult> read(String runId) {
        return read(runId, Long.MAX_VALUE);
    }

    /** One of a run's results, where it has any: what every row of a run shares (its settings) can be read from it. */
    public Optional<TargetResult> readAny(String runId) {
        return Files.isDirectory(runDir(runId)) ? read(runId, 1).stream().findFirst() : Optional.empty();
    }

    private List<TargetResult> read(String runId, long most) {
        Path dir = runDir(runId);
        try (Stream<Path> files = Files.list(dir)) {
            List<TargetResult> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().limit(most).toList()) {
                out.add(Json.MAPPER.readValue(f.toFile(), TargetResult.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results in " + dir, e);
        }
    }

    /** The run directories (RUN-ID named yyyyMMdd-...), oldest first. */
    public List<String> runs() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{8}-.*"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** {@link #runs} but the --quick ones (RUN-ID ending -quick), whose short phases no table compares with a full run's. */
    public List<String> fullRuns() {
        return runs().stream().filter(n -> !n.endsWith("-quick")).toList();
    }

    /** The run given, or when it is null the newest full run ({@link #latest}). */
    public String runOrLatest(String runId) {
        return runId != null ? runId : latest();
    }

    /**
     * The newest full run (not a quick one) whose every measured target had its needed limit searched, the harness
     * ceiling aside: the docs lead with that limit, so a run still being extended sitting by sitting, whose rows
     * are not yet searched, does not replace them (its own report is in its directory).
     */
    public String latest() {
        return newestSearched().orElseThrow(() -> new IllegalStateException("no full bench run in " + root
                + " with every target's needed limit searched"));
    }

    /** {@link #latest}, where there is one. */
    public Optional<String> newestSearched() {
        return fullRuns().stream().filter(this::searched).reduce((a, b) -> b);
    }

    private boolean searched(String runId) {
        List<TargetResult> results = read(runId);
        return !results.isEmpty() && results.stream().allMatch(r -> !r.target().measured()
                || r.target().kind() == TargetKind.ceiling || r.needs() != null);
    }

    /** summary.csv: target, kind, metric, median, min, max. */
    public void writeSummary(String runId, List<TargetResult> results) {
        StringBuilder csv = new StringBuilder("target,kind,metric,median,min,max\n");
        for (TargetResult r : results) {
            for (Map.Entry<Metric, Stat> e : r.summary().entrySet()) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.3f,%.3f,%.3f%n", r.target().name(),
                        r.target().kind(), e.getKey(), e.getValue().median(), e.getValue().min(), e.getValue().max()));
            }
        }
        try {
            Files.writeString(runDir(runId).resolve("summary.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
