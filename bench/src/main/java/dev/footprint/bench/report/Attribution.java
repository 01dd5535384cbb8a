package dev.footprint.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Region;
import dev.footprint.bench.model.Residency;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;

/**
 * docs/attribution.md from an attribution run (bench/results/attribution/RUN-ID): where each target's resident
 * memory sits at idle and under 200 connections, by {@link Region}, and a tracking JVM's NMT summary; medians
 * over the repetitions. Never edit the output by hand.
 */
public final class Attribution {

    /** The two moments the bench reads: the end of idle, and late in the 200-connection phase. */
    static final List<Phase> MOMENTS = List.of(Phase.idle, Phase.c200);
    /** Smaller regions (the vdso, a main stack) are left out of the table and the chart: they read 0.0. */
    static final long SHOWN = 100 * 1024;

    private Attribution() {
    }

    public static void write(Path results, String runId, Path targetsFile, Path docs) {
        System.setProperty("java.awt.headless", "true");
        ResultStore store = new ResultStore(results);
        // an attribution run searches no needed limit: the newest full run, not ResultStore.latest's searched one
        List<String> full = store.fullRuns();
        if (runId == null && full.isEmpty()) {
            throw new IllegalStateException("no attribution run in " + results + " (bench run --track-native-memory --results " + results + ")");
        }
        String id = runId != null ? runId : full.get(full.size() - 1);
        List<TargetResult> ordered = Report.order(store.read(id), Targets.load(targetsFile)).stream()
                .filter(r -> !r.repetitions().isEmpty()).toList();
        if (ordered.isEmpty()) {
            throw new IllegalStateException("run " + id + " in " + results + " has no measured target");
        }
        try {
            Files.createDirectories(docs.resolve("charts"));
            BitmapEncoder.saveBitmap(chart(ordered), docs.resolve("charts").resolve("attribution").toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("attribution-source", "Run `" + id + "` (" + store.runDir(id) + "/), `" + ordered.get(0).run().command() + "`\n");
        blocks.put("attribution-regions", regionsTable(ordered));
        blocks.put("attribution-nmt", nativeMemoryTable(ordered));
        blocks.put("attribution-heap", heapTable(ordered));
        blocks.put("attribution-sections", sectionsTable(ordered));
        GeneratedBlock.replaceAll(docs.resolve("attribution.md"), "bench/run.sh attribution-report", blocks);
        System.out.println("wrote " + docs.resolve("attribution.md") + " from " + store.runDir(id));
    }

    /** The regions any target had at least {@link #SHOWN} resident in, in {@link Region}'s order. */
    static List<Region> regionsIn(List<TargetResult> results) {
        Set<Region> seen = new LinkedHashSet<>();
        for (TargetResult r : results) {
            for (Phase p : MOMENTS) {
                residencies(r, p).forEach(x -> x.rss().forEach((g, bytes) -> {
                    if (bytes >= SHOWN) {
                        seen.add(g);
                    }
                }));
            }
        }
        return Arrays.stream(Region.values()).filter(seen::contains).toList();
    }

    /**
     * One row per target and moment: MiB resident in each region, the anonymous part in brackets where it is not all
     * of it, from the repetition with the median RSS (so the regions add up to the row's RSS).
     */
    static String regionsTable(List<TargetResult> results) {
        List<Region> regions = regionsIn(results);
        StringBuilder md = new StringBuilder("| target | when | RSS | PSS | ");
        regions.forEach(g -> md.append(g.name()).append(" | "));
        md.append("\n|---|---|---|---|").append("---|".repeat(regions.size())).append("\n");
        for (TargetResult r : results) {
            for (Phase p : MOMENTS) {
                List<Residency> xs = residencies(r, p);
                if (xs.isEmpty()) {
                    continue;
                }
                Residency m = medianOf(xs);
                md.append("| ").append(r.target().name()).append(" | ").append(when(p)).append(" | ")
                        .append(mib(m.totalRss())).append(" | ").append(mib(m.totalPss())).append(" | ");
                for (Region g : regions) {
                    long rss = m.rss(g);
                    long anon = m.anonymous().getOrDefault(g, 0L);
                    boolean mixed = anon >= SHOWN && rss - anon >= SHOWN;
                    md.append(rss == 0 ? "" : mib(rss) + (mixed ? " (" + mib(anon) + ")" : "")).append(" | ");
                }
                md.append("\n");
            }
        }
        md.append("\nMiB, the repetition with the median RSS; RSS counts a page shared by a target's processes once in each, "
                + "PSS splits it between them. In brackets a region's anonymous part (pages the process wrote), where it is "
                + "neither all nor none of it. Regions under 0.1 MiB in every row are left out. The regions:\n\n");
        for (Region g : regions) {
            md.append("- `").append(g.name()).append("`: ").append(g.description()).append("\n");
        }
        return md.toString();
    }

    /** NMT's committed MiB by category, for the targets whose JVM tracked it. */
    static String nativeMemoryTable(List<TargetResult> results) {
        Set<String> categories = new LinkedHashSet<>();
        List<TargetResult> tracking = new ArrayList<>();
        for (TargetResult r : results) {
            List<Residency> xs = residencies(r, Phase.idle).stream().filter(x -> x.nativeMemory() != null).toList();
            if (!xs.isEmpty()) {
                tracking.add(r);
                xs.forEach(x -> categories.addAll(x.nativeMemory().keySet()));
            }
        }
        if (tracking.isEmpty()) {
            return "No target of this run tracked its native memory (bench run --track-native-memory).\n";
        }
        StringBuilder md = new StringBuilder("| target | when | ");
        categories.forEach(c -> md.append(c).append(" | "));
        md.append("\n|---|---|").append("---|".repeat(categories.size())).append("\n");
        for (TargetResult r : tracking) {
            for (Phase p : MOMENTS) {
                List<Residency> xs = residencies(r, p).stream().filter(x -> x.nativeMemory() != null).toList();
                if (xs.isEmpty()) {
                    continue;
                }
                Residency m = medianOf(xs);
                md.append("| ").append(r.target().name()).append(" | ").append(when(p)).append(" | ");
                for (String c : categories) {
                    md.append(mib(m.nativeMemory().getOrDefault(c, 0L))).append(" | ");
                }
                md.append("\n");
            }
        }
        md.append("\nCommitted MiB (what the JVM asked the OS for, not what is resident: a heap's committed pages need not be "
                + "touched), from the repetition with the median RSS. Read with `jcmd PID VM.native_memory summary` from the host, "
                + "the JVM started with `" + TargetSpec.NATIVE_MEMORY_TRACKING + "` (`bench run --track-native-memory`), whose "
                + "own tables cost memory: such a run's totals are not the main table's.\n");
        return md.toString();
    }

    /** What each service's collector reported of its heap, pool by pool, at the two moments. */
    static String heapTable(List<TargetResult> results) {
        StringBuilder md = new StringBuilder();
        for (TargetResult r : results) {
            for (Phase p : MOMENTS) {
                List<Residency> xs = residencies(r, p).stream().filter(x -> x.heap() != null).toList();
                if (xs.isEmpty()) {
                    continue;
                }
                if (md.isEmpty()) {
                    md.append("| target | when | used | committed | by pool, used / committed |\n|---|---|---|---|---|\n");
                }
                Map<String, Residency.HeapPool> pools = medianOf(xs).heap();
                long used = pools.values().stream().mapToLong(Residency.HeapPool::usedBytes).sum();
                long committed = pools.values().stream().mapToLong(Residency.HeapPool::committedBytes).sum();
                md.append("| ").append(r.target().name()).append(" | ").append(when(p)).append(" | ").append(mib(used))
                        .append(" | ").append(mib(committed)).append(" | ");
                pools.forEach((name, pool) -> md.append(name).append(" ").append(mib(pool.usedBytes())).append(" / ")
                        .append(mib(pool.committedBytes())).append("; "));
                md.setLength(md.length() - 2);
                md.append(" |\n");
            }
        }
        if (md.isEmpty()) {
            return "No service in this run reported its heap (the bench reads it from /q/metrics since 2026-12-07).\n";
        }
        return md.append("\nMiB, from the service's own `jvm_memory_used_bytes` and `jvm_memory_committed_bytes` (area heap) "
                + "at the moment its mappings were read, the repetition with the median RSS. Committed is what the collector "
                + "holds for the pool; the pages of it not yet touched are not resident.\n").toString();
    }

    /**
     * A native executable's two big sections (images/build.sh records every loaded section's size in the image's
     * build record) beside what of each the process holds resident: .text against the executable's code mappings,
     * .svm_heap (the image heap) against its read-only and writable data mappings, which also hold the few KiB of the
     * other sections.
     */
    static String sectionsTable(List<TargetResult> results) {
        StringBuilder md = new StringBuilder();
        for (TargetResult r : results) {
            Map<String, Long> sections = sections(r);
            List<Residency> idle = residencies(r, Phase.idle);
            List<Residency> busy = residencies(r, Phase.c200);
            if (sections.isEmpty() || idle.isEmpty()) {
                continue;
            }
            if (md.isEmpty()) {
                md.append("| target | section | in the file | resident at idle | resident under 200 connections |\n|---|---|---|---|---|\n");
            }
            long text = sections.getOrDefault(".text", 0L);
            long heap = sections.getOrDefault(".svm_heap", 0L);
            long rest = sections.values().stream().mapToLong(Long::longValue).sum() - text - heap;
            Residency i = medianOf(idle);
            Residency b = busy.isEmpty() ? null : medianOf(busy);
            md.append(sectionRow(r, "`.text`, compiled code", text, i.rss(Region.executableCode), b == null ? -1 : b.rss(Region.executableCode)));
            md.append(sectionRow(r, "`.svm_heap`, the image heap", heap, imageData(i), b == null ? -1 : imageData(b)));
            long others = sections.keySet().stream().filter(k -> !k.equals(".text") && !k.equals(".svm_heap")).count();
            md.append("| ").append(r.target().name()).append(" | the other ").append(others).append(" sections | ")
                    .append(mib(rest)).append(" | | |\n");
        }
        if (md.isEmpty()) {
            return "No native executable in this run carries its sections (images/build.sh records them).\n";
        }
        return md.append("\nMiB. The image heap holds the objects made at build time. A section's pages are read from the file as they are touched (the kernel reads some ahead), so "
                + "what is resident is what the process has used, or what sits near it.\n").toString();
    }

    private static String sectionRow(TargetResult r, String what, long bytes, long idle, long busy) {
        return "| " + r.target().name() + " | " + what + " | " + mib(bytes) + " | " + withShare(idle, bytes) + " | "
                + (busy < 0 ? "" : withShare(busy, bytes)) + " |\n";
    }

    private static String withShare(long resident, long of) {
        return mib(resident) + (of > 0 ? String.format(java.util.Locale.ROOT, " (%.0f%%)", 100.0 * resident / of) : "");
    }

    private static long imageData(Residency x) {
        return x.rss(Region.executableReadOnly) + x.rss(Region.executableWritable);
    }

    /** The loaded sections' sizes from the image's build record, or none. */
    static Map<String, Long> sections(TargetResult r) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (r.image() != null && r.image().buildRecord() != null && r.image().buildRecord().get("sections") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Number n) {
                    out.put(String.valueOf(k), n.longValue());
                }
            });
        }
        return out;
    }

    /** A stacked bar per target and moment, one colour per region. */
    static CategoryChart chart(List<TargetResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(640)
                .title("Where the resident memory sits, MiB (median): at idle and under 200 connections").yAxisTitle("MiB").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> bars = new ArrayList<>();
        List<Residency> at = new ArrayList<>();
        for (TargetResult r : results) {
            for (Phase p : MOMENTS) {
                List<Residency> xs = residencies(r, p);
                if (!xs.isEmpty()) {
                    bars.add(r.target().name() + ", " + when(p));
                    at.add(medianOf(xs));
                }
            }
        }
        if (bars.isEmpty()) {
            chart.addSeries("none", List.of("none"), List.of(0.0));
            return chart;
        }
        for (Region g : regionsIn(results)) {
            chart.addSeries(g.name(), bars, at.stream().map(x -> x.rss(g) / Summary.MIB).toList());
        }
        return chart;
    }

    private static List<Residency> residencies(TargetResult r, Phase p) {
        return r.repetitions().stream().map(rep -> rep.phase(p)).filter(Objects::nonNull).map(PhaseResult::residency)
                .filter(Objects::nonNull).toList();
    }

    private static String when(Phase p) {
        return p == Phase.idle ? "idle" : "200 connections";
    }

    /** The residency with the median RSS (the lower of the middle two for an even count). */
    static Residency medianOf(List<Residency> xs) {
        List<Residency> sorted = xs.stream().sorted(Comparator.comparingLong(Residency::totalRss)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String mib(double bytes) {
        return Report.fmt(bytes / Summary.MIB, 1);
    }
}
