package dev.footprint.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Sample;
import dev.footprint.bench.model.SoakResults;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.Variants;

/**
 * Writes each Kubernetes overlay's memory settings (k8s/overlays/VARIANT/memory.yaml) from a bench
 * run: the memory request is the median peak working set under load, rounded up; the limit adds
 * headroom; the runtime's memory options are the ones the image was measured with. {@code --check}
 * fails when a committed overlay disagrees with the results.
 */
public final class Overlays {

    /** Limits are this much above the request: room for a burst beyond what the bench drove. */
    static final double HEADROOM = 1.5;
    /**
     * ...and at least this many MiB above it. Part of a burst costs the same in any runtime (the
     * kernel's socket buffers for new connections, charged to the pod) and a native executable's
     * code pages count in its working set, so half of a small peak is not enough: the native soak
     * at a 40 MiB limit (request 24 MiB) peaked at 39.2 MiB (bench/results/soak-20261125-065510).
     */
    static final int MIN_HEADROOM_MIB = 24;
    /**
     * ...and the same above the process's peak RSS. RSS counts the executable's and the runtime's
     * file pages the process has mapped, which the working set leaves out while they sit on the
     * inactive list of a roomy container, but which are charged to the pod when it read them first
     * and must stay resident: at a 48 MiB limit, below its 56 MiB peak RSS, native spent the soak
     * re-reading its own code, at 4 req/s (bench/results/soak-20261201-032143/superseded).
     */
    static final String RSS_FLOOR = "peak RSS + " + MIN_HEADROOM_MIB + " MiB";
    /** Requests and limits are rounded up to whole multiples of this many MiB. */
    static final int ROUND_MIB = 8;

    private Overlays() {
    }

    /**
     * Writes each variant's k8s/overlays/VARIANT/memory.yaml from bench run {@code runId} (null: the newest full run)
     * and their table in docs/kubernetes.md (bench overlays); with {@code check}, writes nothing and returns 1 where a
     * committed overlay differs from what the results give.
     */
    public static int write(Path results, String runId, Path matrix, Path k8s, boolean check, Path docs) {
        ResultStore store = new ResultStore(results);
        String id = store.runOrLatest(runId);
        List<TargetResult> run = store.read(id);
        List<String> stale = new ArrayList<>();
        StringBuilder needsRows = new StringBuilder();
        StringBuilder table = new StringBuilder("Generated from bench run `" + id + "`.\n\n"
                + "| overlay | measured as | peak working set under load (MiB) | peak RSS under load (MiB) | request | limit | memory options |\n"
                + "|---|---|---|---|---|---|---|\n");
        Variants variants = Variants.load(matrix);
        List<SoakResults.Outcome> soaks = soaks(results, variants.names());
        for (Variants.Variant v : variants.variants()) {
            String variant = v.name();
            String measured = v.measuredAs();
            TargetResult r = run.stream().filter(t -> t.target().name().equals(measured)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run " + id + " has no result for " + measured));
            Path source = store.runDir(id).resolve(measured + ".json");
            String yaml;
            if (r.needs() != null && r.needs().neededBytes() > 0) {
                Sized sized = sized(variant, r, soaks, options(v, r));
                yaml = needsPatch(v, r, source, sized);
                needsRows.append("| ").append(variant).append(" | ").append(measured).append(" | ")
                        .append(r.needs().neededBytes() >> 20).append(" Mi | ").append(sized.limitMib()).append(" Mi | ")
                        .append(String.format(Locale.ROOT, "%.1f", sized.p95Mib())).append(" MiB, ").append(sized.from())
                        .append(" | ").append(sized.requestMib()).append(" Mi | `").append(options(v, r)).append("` |\n");
            } else {
                yaml = memoryPatch(v, r, source);
            }
            table.append("| ").append(variant).append(" | ").append(measured).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f | %.1f", peak(r), peakRss(r))).append(" | ").append(roundUp(peak(r)))
                    .append(" Mi | ").append(limit(roundUp(peak(r)), peakRss(r))).append(" Mi | `").append(options(v, r)).append("` |\n");
            Path file = k8s.resolve("overlays").resolve(variant).resolve("memory.yaml");
            try {
                if (check) {
                    if (!Files.exists(file) || !Files.readString(file).equals(yaml)) {
                        stale.add(file.toString());
                    }
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, yaml);
                    System.out.println("wrote " + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!needsRows.isEmpty()) {
            table = new StringBuilder("Generated from bench run `" + id + "` and the soaks under `bench/results/soak-*`.\n\n"
                    + "| overlay | measured as | needed limit | limit | p95 working set at that limit | request | memory options |\n"
                    + "|---|---|---|---|---|---|---|\n").append(needsRows);
        }
        if (!check && Files.exists(docs.resolve("kubernetes.md"))) {
            GeneratedBlock.replace(docs.resolve("kubernetes.md"), "overlay-resources", "bench/run.sh overlays", table.toString());
        }
        if (!stale.isEmpty()) {
            System.err.println("overlays disagree with bench run " + id + ": " + String.join(", ", stale)
                    + "\nregenerate them: bench/run.sh overlays");
            return 1;
        }
        if (check) {
            System.out.println("overlays match bench run " + id);
        }
        return 0;
    }

    /** Above the needed limit, the limit adds this share of it... */
    static final double NEEDS_HEADROOM = 1.25;
    /** ...and at least this many MiB: room for what the bench did not drive (more connections, larger bursts). */
    static final int NEEDS_MIN_HEADROOM_MIB = 16;

    /**
     * An overlay sized by the needed limit: the limit from it with headroom; the request from the p95 working set the
     * soak measured at that limit with these memory options, or, until a soak has run so, from the needed-limit
     * confirmations' loaded phases. A soak under other options (C1 only, before 2026-12-06) does not size it.
     *
     * @param from where the p95 came from, for the overlay's comment and the docs' table
     */
    record Sized(long limitMib, long requestMib, double p95Mib, String from) {
    }

    static long needsLimit(long neededMib) {
        return roundUp(Math.max(neededMib * NEEDS_HEADROOM, neededMib + NEEDS_MIN_HEADROOM_MIB));
    }

    static Sized sized(String variant, TargetResult r, List<SoakResults.Outcome> soaks, String options) {
        long limit = needsLimit(r.needs().neededBytes() >> 20);
        // a variant that cannot be measured here (jvm-alpine) runs as the target it was sized from, so that one's soak sizes it
        String soaked = variant;
        SoakResults.Outcome soak = soakAt(variant, limit, options, soaks);
        if (soak == null) {
            soaked = r.target().name();
            soak = soakAt(soaked, limit, options, soaks);
        }
        if (soak != null) {
            double p95 = soak.p95WorkingSetBytes() / Summary.MIB;
            return new Sized(limit, roundUp(p95), p95, (soaked.equals(variant) ? "soak" : soaked + "'s soak") + " at " + limit + " MiB");
        }
        double p95 = confirmationsP95(r);
        return new Sized(limit, roundUp(p95), p95, "provisional: the needed-limit confirmations (no soak at " + limit + " MiB yet)");
    }

    /** The newest soak of {@code variant} at this very limit and these options, or null. */
    private static SoakResults.Outcome soakAt(String variant, long limitMib, String options, List<SoakResults.Outcome> soaks) {
        SoakResults.Outcome soak = null;
        for (SoakResults.Outcome o : soaks) {
            if (o.variant().equals(variant) && o.limitBytes() >> 20 == limitMib && java.util.Objects.equals(o.memoryOptions(), options)
                    && o.p95WorkingSetBytes() != null) {
                soak = o;
            }
        }
        return soak;
    }

    /** The median over the confirmations at the needed limit of each one's p95 working set in its loaded phases. */
    static double confirmationsP95(TargetResult r) {
        List<Results.Repetition> reps = r.needs().neededBytes() == r.needs().referenceLimitBytes() ? r.repetitions()
                : r.needs().confirmations().stream().map(NeededLimit.Probe::repetition).filter(Objects::nonNull).toList();
        double[] perRep = reps.stream().mapToDouble(rep -> {
            double[] ws = rep.samples().stream().map(row -> Sample.fromRow(rep.sampleFields(), row))
                    .filter(x -> Phase.LOADED.contains(x.phase()))
                    .mapToDouble(Sample::workingSet).toArray();
            return ws.length == 0 ? Double.NaN : new DescriptiveStatistics(ws).getPercentile(95);
        }).filter(v -> !Double.isNaN(v)).toArray();
        if (perRep.length == 0) {
            throw new IllegalStateException(r.target().name() + ": no samples at its needed limit to size a request from");
        }
        return Summary.stat(perRep).median() / Summary.MIB;
    }

    /** Every soak outcome under {@code results}, oldest run first. */
    static List<SoakResults.Outcome> soaks(Path results, List<String> order) {
        List<SoakResults.Outcome> out = new ArrayList<>();
        try (var dirs = Files.list(results)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("soak-") && Files.isDirectory(p)).sorted().toList()) {
                out.addAll(SoakResults.outcomes(SoakResults.resultFiles(d), order));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the soaks in " + results, e);
        }
        return out;
    }

    /** What every overlay opens with: where it comes from and, for a stand-in, whose figures these are. */
    private static StringBuilder header(Variants.Variant v, TargetResult r, Path source) {
        StringBuilder y = new StringBuilder();
        y.append("# Generated by `bench/run.sh overlays` from ").append(source).append(": do not edit by hand.\n");
        if (!v.name().equals(r.target().name())) {
            y.append("# ").append(v.name()).append(" cannot be measured here; it runs the same service with the same JVM\n")
                    .append("# options as ").append(r.target().name()).append(", whose figures these are.\n");
        }
        return y;
    }

    static String needsPatch(Variants.Variant v, TargetResult r, Path source, Sized sized) {
        StringBuilder y = header(v, r, source);
        y.append(String.format(Locale.ROOT, "# limit = the needed limit %d MiB x %.2f, at least + %d MiB, rounded up to %d MiB;%n",
                r.needs().neededBytes() >> 20, NEEDS_HEADROOM, NEEDS_MIN_HEADROOM_MIB, ROUND_MIB));
        y.append(String.format(Locale.ROOT, "# request = the p95 working set at that limit, %.1f MiB (%s), rounded up (docs/kubernetes.md).%n",
                sized.p95Mib(), sized.from()));
        return y.append(deployment(v, r, sized.requestMib(), sized.limitMib())).toString();
    }

    /** The median peak working set under load: the largest of the 50, 200 connection and /work phases. */
    static double peak(TargetResult r) {
        Map<Metric, Stat> s = r.summary();
        Stat work = s.get(Metric.workPeakMiB);
        return Math.max(s.get(Metric.peak200MiB).median(),
                Math.max(s.get(Metric.peak50MiB).median(), work != null ? work.median() : 0));
    }

    /** The median, over repetitions, of the largest RSS in the 50, 200 connection and /work phases. */
    static double peakRss(TargetResult r) {
        double[] perRep = r.repetitions().stream().mapToDouble(rep -> rep.phases().stream()
                .filter(p -> Phase.LOADED.contains(p.phase()))
                .mapToLong(Results.PhaseResult::rssMax).max().orElse(0) / Summary.MIB).toArray();
        return Summary.stat(perRep).median();
    }

    /** The memory options the image was measured with: JDK_JAVA_OPTIONS for a JVM, its CMD for native. */
    static String options(Variants.Variant v, TargetResult r) {
        return v.nativeExecutable() ? String.join(" ", r.image().cmd()) : r.image().envValue("JDK_JAVA_OPTIONS");
    }

    static String memoryPatch(Variants.Variant v, TargetResult r, Path source) {
        double peak = peak(r);
        long request = roundUp(peak);
        double rss = peakRss(r);
        long limit = limit(request, rss);
        StringBuilder y = header(v, r, source);
        y.append(String.format(Locale.ROOT, "# request = median peak working set under load (50 and 200 connections, /work) %.1f MiB,%n", peak));
        y.append("#   rounded up to ").append(ROUND_MIB).append(" MiB; limit = request x ").append(HEADROOM)
                .append(" but at least request + ").append(MIN_HEADROOM_MIB).append(" MiB and ").append(RSS_FLOOR)
                .append(String.format(Locale.ROOT, " (peak RSS %.1f MiB),%n#   rounded up (docs/kubernetes.md).%n", rss));
        return y.append(deployment(v, r, request, limit)).toString();
    }

    private static String deployment(Variants.Variant v, TargetResult r, long request, long limit) {
        String javaOptions = v.nativeExecutable() ? null : options(v, r);
        String nativeArgs = v.nativeExecutable() ? options(v, r) : null;
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: footprint\nspec:\n  template:\n    spec:\n")
                .append("      containers:\n        - name: service\n");
        if (javaOptions != null) {
            y.append("          env:\n            - name: JDK_JAVA_OPTIONS\n              value: \"").append(javaOptions).append("\"\n");
        }
        if (nativeArgs != null) {
            y.append("          args: [");
            String[] args = nativeArgs.trim().split("\\s+");
            for (int i = 0; i < args.length; i++) {
                y.append(i > 0 ? ", " : "").append('"').append(args[i]).append('"');
            }
            y.append("]\n");
        }
        y.append("          resources:\n            requests:\n              memory: ").append(request).append("Mi\n")
                .append("              cpu: 250m\n            limits:\n              memory: ").append(limit).append("Mi\n");
        return y.toString();
    }

    static long limit(long requestMib, double peakRssMib) {
        return roundUp(Math.max(Math.max(requestMib * HEADROOM, requestMib + MIN_HEADROOM_MIB), peakRssMib + MIN_HEADROOM_MIB));
    }

    static long roundUp(double mib) {
        return (long) Math.ceil(mib / ROUND_MIB) * ROUND_MIB;
    }
}
