package dev.footprint.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NativeBuild;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Sample;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;
import dev.footprint.bench.model.Variants;

/** Writes docs/memory.md and its charts from one run's result files. Never edit the output by hand. */
public final class Report {

    private Report() {
    }

    public static void write(ResultStore store, String id, Path docs, Path targetsFile) {
        System.setProperty("java.awt.headless", "true");
        List<TargetResult> all = store.read(id);
        List<TargetSpec> targets = Targets.load(targetsFile);
        List<TargetResult> ordered = order(all, targets);
        Path charts = docs.resolve("charts");
        try {
            Files.createDirectories(charts);
            for (TargetResult r : ordered) {
                if (!r.repetitions().isEmpty()) {
                    BitmapEncoder.saveBitmap(timeline(r), charts.resolve("memory-" + r.target().name()).toString(),
                            BitmapFormat.PNG);
                }
            }
            CategoryChart idleVsPeak = idleVsPeak(ordered);
            if (idleVsPeak != null) {
                BitmapEncoder.saveBitmap(idleVsPeak, charts.resolve("idle-vs-peak").toString(), BitmapFormat.PNG);
            }
            if (ordered.stream().anyMatch(r -> r.needs() != null)) {
                BitmapEncoder.saveBitmap(neededLimits(byNeeds(ordered)), charts.resolve("needed-limit").toString(), BitmapFormat.PNG);
            }
            Map<String, String> blocks = blocks(id, ordered, store.runDir(id), notYetMeasured(store, id, ordered, targets));
            if (hasFixedRates(ordered)) {
                String elsewhere = latencyElsewhere(store, id, ordered, targets);
                if (!elsewhere.isEmpty()) {
                    blocks.put("latency", blocks.get("latency").strip() + "\n\n" + elsewhere + "\n");
                }
            } else {
                // until a run with the fixed-rate phases is searched, its latencies come from the newest one that has them,
                // newest first, each run read once
                List<String> newer = store.fullRuns().stream().filter(n -> n.compareTo(id) > 0).toList();
                for (int i = newer.size() - 1; i >= 0; i--) {
                    String n = newer.get(i);
                    List<TargetResult> results = store.read(n);
                    if (hasFixedRates(results)) {
                        blocks.put("latency", "From run `" + n + "`, newer than the tables above, its needed limits not yet searched ("
                                + "[its report](../" + store.runDir(n) + "/report/memory.md)):\n\n" + latencyTable(order(results, targets)));
                        break;
                    }
                }
            }
            Path page = docs.resolve("memory.md");
            if (Files.exists(page) && Files.readString(page).contains("<!-- generated:java-stacks ")) {
                blocks.put("java-stacks", JavaStacks.block(new ResultStore(store.root().resolve(JavaStacks.DIR)), targets));
            }
            if (Files.exists(page) && Files.readString(page).contains("<!-- generated:needs ")) {
                GeneratedBlock.replaceAll(page, "bench/run.sh report", blocks);
            } else {
                Files.writeString(page, standalone(id, blocks));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + docs.resolve("memory.md") + " and " + charts + " from " + store.runDir(id));
        NativeBuild nativeBuild = NativeBuild.latest(store.root());
        Path nativeDoc = docs.resolve("native.md");
        if (nativeBuild != null && Files.exists(nativeDoc)) {
            Set<String> nativeVariants = Variants.load(Targets.matrixBeside(targetsFile)).nativeNames();
            TargetResult nativeRun = ordered.stream().filter(r -> nativeVariants.contains(r.target().name())).findFirst().orElse(null);
            GeneratedBlock.replace(nativeDoc, "native-build", "bench/run.sh report", nativeBuildTable(nativeBuild, nativeRun));
            System.out.println("wrote the native build figures into " + nativeDoc);
        }
    }

    static String nativeBuildTable(NativeBuild b, TargetResult nativeRun) {
        StringBuilder md = new StringBuilder("| | measured |\n|---|---|\n");
        md.append("| toolchain | ").append(b.toolchain()).append(" |\n");
        md.append("| `").append(b.command()).append("`, wall time | ")
                .append(fmt(b.mavenWallSeconds(), 0)).append(" s |\n");
        md.append("| native-image alone | ").append(fmt(b.nativeImageSeconds(), 0)).append(" s on ")
                .append(b.builderThreads()).append(" thread(s) of ").append(b.machineCores())
                .append(" cores |\n");
        md.append("| image builder's peak RSS | ").append(fmt(b.builderPeakRssBytes() / Summary.MIB / 1024, 2))
                .append(" GiB (heap limit ").append(fmt(b.builderMaxHeapBytes() / Summary.MIB / 1024, 2))
                .append(" GiB, machine ").append(fmt(b.machineMemoryBytes() / Summary.MIB / 1024, 0)).append(" GiB) |\n");
        md.append("| executable | ").append(fmt(b.executableBytes() / Summary.MIB, 1)).append(" MiB (code ")
                .append(fmt(b.codeAreaBytes() / Summary.MIB, 1)).append(" MiB, image heap ")
                .append(fmt(b.imageHeapBytes() / Summary.MIB, 1)).append(" MiB) |\n");
        md.append("| garbage collector, target CPU | ").append(b.garbageCollector()).append(", ")
                .append(b.march()).append(" |\n");
        if (nativeRun != null && nativeRun.image() != null) {
            Map<Metric, Stat> s = nativeRun.summary();
            md.append("| container image (bench run `").append(nativeRun.run().runId()).append("`) | ")
                    .append(fmt(nativeRun.image().sizeBytes() / Summary.MIB, 1)).append(" MiB |\n");
            md.append("| idle / peak at 200 connections, working set | ").append(stat(s, Metric.idleMiB)).append(" / ")
                    .append(stat(s, Metric.peak200MiB)).append(" MiB |\n");
            md.append("| first 200 after the process started | ").append(stat(s, Metric.readyAfterProcessStartMs)).append(" ms |\n");
        }
        md.append("\nRecorded ").append(b.recordedAt()).append(" by `tools/native-build.sh` in `bench/results/native-build/`.\n");
        return md.toString();
    }

    /** The order of bench/targets.yaml where a target is listed there; others (--image runs) last. */
    static List<TargetResult> order(List<TargetResult> results, List<TargetSpec> file) {
        List<String> names = file.stream().map(TargetSpec::name).toList();
        List<TargetResult> out = new ArrayList<>(results);
        out.sort((a, b) -> Integer.compare(rank(names, a), rank(names, b)));
        return out;
    }

    private static int rank(List<String> names, TargetResult r) {
        int i = names.indexOf(r.target().name());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The sittings of a run: when each started, by what command, which targets it measured. */
    static String sittings(List<TargetResult> results) {
        Map<String, List<TargetResult>> byStart = new TreeMap<>();
        results.stream().filter(r -> r.run() != null)
                .forEach(r -> byStart.computeIfAbsent(r.run().startedAt(), k -> new ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder("| sitting started | command | targets |\n|---|---|---|\n");
        byStart.forEach((start, rs) -> md.append("| ").append(start).append(" | `").append(rs.get(0).run().command())
                .append("` | ").append(String.join(", ", rs.stream().map(r -> r.target().name()).toList())).append(" |\n"));
        return md.toString();
    }

    /**
     * The targets of bench/targets.yaml this run has no result for (a run measured in sittings), each with the newest
     * earlier run that measured it: pointed to, not mixed into this run's tables.
     */
    static String notYetMeasured(ResultStore store, String id, List<TargetResult> results, List<TargetSpec> file) {
        List<String> lines = new ArrayList<>();
        List<String> runs = store.fullRuns();
        for (TargetSpec t : file) {
            if (results.stream().anyMatch(r -> r.target().name().equals(t.name()))) {
                continue;
            }
            if (!t.measured()) {
                lines.add("| " + t.name() + " | not measurable here (" + t.notMeasured() + ") |");
                continue;
            }
            String earlier = null;
            for (String run : runs) {
                if (!run.equals(id) && Files.exists(store.runDir(run).resolve(t.name() + ".json"))) {
                    earlier = run;
                }
            }
            lines.add("| " + t.name() + " | " + (earlier == null ? "never measured"
                    : "last measured in run `" + earlier + "`, by the method of then ([`" + store.runDir(earlier)
                            + "/summary.csv`](../" + store.runDir(earlier) + "/summary.csv))") + " |");
        }
        return lines.isEmpty() ? "" : "| target of bench/targets.yaml not in this run | |\n|---|---|\n" + String.join("\n", lines) + "\n";
    }

    /**
     * The fixed-rate latencies of the targets of bench/targets.yaml this run has no result for, each from the newest
     * other run that measured it at fixed rates: one table per run, beside that run's harness ceiling, apart from this
     * run's table since its settings and sitting differ.
     */
    static String latencyElsewhere(ResultStore store, String id, List<TargetResult> results, List<TargetSpec> file) {
        Set<String> missing = new java.util.LinkedHashSet<>();
        file.stream().filter(TargetSpec::measured).map(TargetSpec::name)
                .filter(n -> results.stream().noneMatch(r -> r.target().name().equals(n))).forEach(missing::add);
        List<String> runs = store.fullRuns().stream().filter(n -> !n.equals(id)).toList();
        StringBuilder md = new StringBuilder();
        for (int i = runs.size() - 1; i >= 0 && !missing.isEmpty(); i--) {
            Path dir = store.runDir(runs.get(i));
            if (missing.stream().noneMatch(n -> Files.exists(dir.resolve(n + ".json")))) {
                continue; // read a run's files only where it measured one of them
            }
            List<TargetResult> there = store.read(runs.get(i));
            List<TargetResult> shown = new ArrayList<>(there.stream()
                    .filter(r -> missing.contains(r.target().name()) && hasFixedRates(r)).toList());
            if (shown.isEmpty()) {
                continue;
            }
            shown.forEach(r -> missing.remove(r.target().name()));
            there.stream().filter(r -> r.target().kind() == TargetKind.ceiling && hasFixedRates(r) && !shown.contains(r))
                    .findFirst().ifPresent(shown::add);
            Path report = dir.resolve("report/memory.md");
            md.append("Not in this run, from run `").append(runs.get(i)).append("`, by its own settings and on its own day ([")
                    .append(Files.exists(report) ? "its report" : "its results").append("](../")
                    .append(Files.exists(report) ? report : dir).append(")): compare these rows with each other, not with the table above.\n\n")
                    .append(latencyTable(order(shown, file))).append("\n");
        }
        return md.toString().strip();
    }

    /** The blocks of docs/memory.md, by name, in the order a report without its page gives them. */
    static Map<String, String> blocks(String id, List<TargetResult> results, Path runDir, String notYet) {
        RunInfo run = results.stream().map(TargetResult::run).filter(Objects::nonNull).findFirst().orElseThrow();
        boolean searched = results.stream().anyMatch(r -> r.needs() != null);
        String notSearched = "No needed limit was searched in this run.";
        Map<String, String> b = new LinkedHashMap<>();
        b.put("needs", searched ? needsTable(results, run) : notSearched);
        b.put("settings", settings(id, run.settings(), run.machine()));
        b.put("at-limit", atLimitTable(results));
        b.put("latency", latencyTable(results));
        b.put("more", moreTable(results));
        b.put("images", imagesTable(results));
        b.put("search", searched ? searchLog(results) : notSearched);
        b.put("timelines", timelines(results));
        b.put("machine", machine(results, run, runDir));
        b.put("not-yet", notYet.isEmpty() ? "Every target of `bench/targets.yaml` is in this run." : notYet);
        return b;
    }

    /** A report for a page without blocks (a run's own report directory): every block under its name. */
    static String standalone(String id, Map<String, String> blocks) {
        StringBuilder md = new StringBuilder("<!-- generated by `bench/run.sh report` from run ").append(id)
                .append(": do not edit by hand; docs/memory.md explains every table -->\n\n# Run `").append(id).append("`\n");
        blocks.forEach((name, content) -> md.append("\n## ").append(name).append("\n\n").append(content.strip()).append("\n"));
        return md.toString();
    }

    /** How the run was measured: its settings, as a table. */
    static String settings(String id, Results.Settings s, Map<String, String> machine) {
        StringBuilder md = new StringBuilder("| setting | value |\n|---|---|\n");
        md.append("| run | `").append(id).append("` |\n");
        md.append("| reference memory limit | ").append(Math.round(s.memoryLimitBytes() / Summary.MIB)).append(" MiB, memory+swap equal |\n");
        md.append("| repetitions | ").append(s.repetitions()).append(", each in a fresh container |\n");
        md.append("| CPU | ").append(fmt(s.cpus())).append(s.serverCpus() == null ? "; container and load generator not pinned"
                : "; container on core " + s.serverCpus() + " (`--cpuset-cpus`), wrk, hey and the bench on core " + s.generatorCpus()
                        + " (`taskset`)").append(" |\n");
        md.append("| page cache | ").append(s.pageCache() == Results.PageCache.cold ? "cold: dropped before every container"
                : "warm: left as the previous container left it").append(" |\n");
        md.append(s.runFlags().isEmpty()
                ? "| container flags | none: each image as it is (a writable root, the engine's default capabilities, the image's user) |\n"
                : "| container flags | locked down (images/locked-down.args): `" + String.join(" ", s.runFlags()) + "` |\n");
        boolean all = s.phases() == PhaseSet.all;
        md.append("| phases | idle ").append(s.idleSeconds()).append(" s; ")
                .append(!all ? "" : s.warmupSeconds() > 0 ? "warm-up at 50 connections " + s.warmupSeconds() + " s (failures judged, not speed; not in the c50 figures); "
                        : "no warm-up (c50 is the first load after idle, while a JIT still compiles); ")
                .append(!all ? "" : "50 connections " + s.loadSeconds() + " s; 200 connections " + s.loadSeconds()
                        + " s; /work?kib=256 at 50 connections, " + s.workRequests() + " requests; ")
                .append(s.fixedRateSeconds() > 0 ? String.format(Locale.ROOT, "open loop %d s each at %,.0f and %,.0f req/s on / and %,.0f req/s on /work%s; ",
                        s.fixedRateSeconds(), s.perSecond(Phase.rate1k), s.perSecond(Phase.rate5k), s.perSecond(Phase.workRate),
                        all ? "" : " (fixed-rate only: no closed-loop phase, the needed limit judged on these phases' errors and stalls)") : "")
                .append("cool-down ").append(s.cooldownSeconds()).append(" s |\n");
        md.append("| load generators | ").append(machine.get("loadGenerator")).append(", on 127.0.0.1, host network |\n");
        return md.toString();
    }

    /**
     * Latency at the open-loop phases' fixed rates, per target: p50 / p99 / p99.9 in ms from each request's due time,
     * medians over the repetitions, and the worst repetition's failed or unanswered requests where there were any.
     */
    static String latencyTable(List<TargetResult> results) {
        List<TargetResult> ran = results.stream().filter(Report::hasFixedRates).toList();
        if (ran.isEmpty()) {
            return "No fixed-rate phase ran in this run.";
        }
        StringBuilder md = new StringBuilder("| target | req/s, 50 conn. · of the harness ceiling |");
        Results.Settings settings = ran.get(0).run().settings();
        for (Phase p : Phase.FIXED_RATE) {
            md.append(" ").append(String.format(Locale.ROOT, "%,.0f", settings.perSecond(p))).append(" req/s on ")
                    .append(p.onWorkPath() ? "/work" : "/").append(": p50 / p99 / p99.9 ms |");
        }
        md.append("\n|---|---|").append("---|".repeat(Phase.FIXED_RATE.size())).append("\n");
        for (TargetResult r : ran) {
            Map<Metric, Stat> s = r.summary();
            md.append("| ").append(r.target().name()).append(" | ").append(stat(s, Metric.rps_c50))
                    .append(generatorBound(r, Phase.c50) ? " ‡" : "").append(ofCeiling(results, r)).append(" |");
            for (Phase p : Phase.FIXED_RATE) {
                long failed = r.repetitions().stream().map(rep -> rep.phase(p)).filter(x -> x != null && x.load() != null)
                        .mapToLong(x -> x.load().errors() + x.load().non2xx()).max().orElse(-1);
                md.append(" ").append(failed < 0 ? "–" : stat(s, Metric.p50(p)) + " / " + stat(s, Metric.p99(p)) + " / "
                        + stat(s, Metric.p999(p)) + (failed > 0 ? String.format(Locale.ROOT, " (%,d failed)", failed) : "")).append(" |");
            }
            md.append("\n");
        }
        return md.toString();
    }

    static boolean hasFixedRates(TargetResult r) {
        return r.repetitions().stream().anyMatch(rep -> Phase.FIXED_RATE.stream().anyMatch(p -> rep.phase(p) != null));
    }

    static boolean hasFixedRates(List<TargetResult> results) {
        return results.stream().anyMatch(Report::hasFixedRates);
    }

    static String atLimitTable(List<TargetResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| target | what it is | the articles say | idle | peak, 50 conn. | peak, 200 conn. | after /work | ")
                .append("startup to first 200 (ms) | image (MiB) | req/s, 50 conn. · of the harness ceiling | p99 ms, 50 conn. | req/s per MiB | errors + non-2xx, worst run | OOM kills, worst run |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            TargetSpec t = r.target();
            String what = t.description() == null ? t.kind().name() : t.description();
            String article = t.article() == null ? "" : t.article();
            if (!t.measured()) {
                md.append("| ").append(t.name()).append(" | ").append(what).append(" | ").append(article)
                        .append(" | not measured: ").append(t.notMeasured()).append(" |||||||||||\n");
                continue;
            }
            Map<Metric, Stat> s = r.summary();
            md.append("| ").append(t.name()).append(" | ").append(what).append(" | ").append(article)
                    .append(" | ").append(stat(s, Metric.idleMiB))
                    .append(" | ").append(stat(s, Metric.peak50MiB))
                    .append(" | ").append(stat(s, Metric.peak200MiB))
                    .append(" | ").append(stat(s, Metric.afterWorkMiB))
                    .append(" | ").append(stat(s, Metric.startupMs))
                    .append(" | ").append(fmt(r.image().sizeBytes() / Summary.MIB, 0))
                    .append(" | ").append(stat(s, Metric.rps_c50)).append(ofCeiling(results, r))
                    .append(" | ").append(stat(s, Metric.p99Ms_c50))
                    .append(" | ").append(t.caveat() != null ? "left out: caveat" : stat(s, Metric.rpsPerMiB))
                    .append(" | ").append(fmt(worst(r, Metric.errors, Metric.non2xx), 0))
                    .append(" | ").append(fmt(worst(r, Metric.oomKills), 0))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String moreTable(List<TargetResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| target | RSS idle | RSS idle: anon / file / shmem | mapped file pages idle | PSS idle | PSS peak, 200 conn. | peak during /work | peak during startup | kernel's peak of usage | threads idle / peak | req/s, 200 conn. | p99 ms, 200 conn. | req/s, /work | p99 ms, /work | CPU ms per 1,000 req., 50 conn. | throttled periods, worst run | generator load, 50 / 200 conn. |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            if (!r.target().measured()) {
                continue;
            }
            Map<Metric, Stat> s = r.summary();
            md.append("| ").append(r.target().name())
                    .append(" | ").append(stat(s, Metric.idleRssMiB))
                    .append(" | ").append(stat(s, Metric.idleRssAnonMiB)).append(" / ").append(stat(s, Metric.idleRssFileMiB))
                    .append(" / ").append(stat(s, Metric.idleRssShmemMiB))
                    .append(" | ").append(stat(s, Metric.idleMappedFileMiB))
                    .append(" | ").append(stat(s, Metric.idlePssMiB))
                    .append(" | ").append(stat(s, Metric.peakPssMiB))
                    .append(" | ").append(stat(s, Metric.workPeakMiB))
                    .append(" | ").append(stat(s, Metric.startupPeakMiB))
                    .append(" | ").append(stat(s, Metric.kernelPeakMiB))
                    .append(" | ").append(fmt(med(s, Metric.idleThreads), 0)).append(" / ").append(fmt(med(s, Metric.peakThreads), 0))
                    .append(" | ").append(stat(s, Metric.rps_c200))
                    .append(" | ").append(stat(s, Metric.p99Ms_c200))
                    .append(" | ").append(stat(s, Metric.rps_work))
                    .append(" | ").append(stat(s, Metric.p99Ms_work))
                    .append(" | ").append(stat(s, Metric.cpuMsPerRequest_c50))
                    .append(" | ").append(throttled(r))
                    .append(" | ").append(generatorLoad(r, Phase.c50)).append(" / ").append(generatorLoad(r, Phase.c200))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String imagesTable(List<TargetResult> results) {
        StringBuilder md = new StringBuilder("| target | image | id | size (MiB) | built on | build |\n|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            if (r.image() == null) {
                continue;
            }
            String bases = r.image().labels() == null ? "" : r.image().labels().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("footprint."))
                    .map(e -> e.getKey().substring("footprint.".length()) + ": `" + e.getValue() + "`")
                    .reduce((a, c) -> a + "<br>" + c).orElse("");
            md.append("| ").append(r.target().name()).append(" | `").append(r.image().ref()).append("` | `")
                    .append(r.image().id(), 0, Math.min(12, r.image().id().length())).append("` | ")
                    .append(fmt(r.image().sizeBytes() / Summary.MIB, 1)).append(" | ").append(bases).append(" | ")
                    .append(r.image().buildRecord() == null ? ""
                            : "images/build.sh, " + r.image().buildRecord().get("builtAt") + ", "
                                    + (Boolean.TRUE.equals(r.image().buildRecord().get("offline")) ? "offline" : "public bases"))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String timelines(List<TargetResult> results) {
        StringBuilder md = new StringBuilder();
        for (TargetResult r : results) {
            if (!r.repetitions().isEmpty()) {
                md.append("![").append(r.target().name()).append("](charts/memory-").append(r.target().name()).append(".png)\n");
            }
        }
        return md.toString();
    }

    static String machine(List<TargetResult> results, RunInfo run, Path runDir) {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        machineValues(results, run).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        md.append("\n").append(sittings(results));
        md.append("\nRaw results, with every sample: [`").append(runDir).append("`](../").append(runDir).append(").\n");
        return md.toString();
    }

    /**
     * Each machine field as the sittings recorded it: one value, or where sittings differ (a run extended on another
     * machine of the same kind, or a field the bench came to read differently) each value with the sittings it holds for.
     */
    static Map<String, String> machineValues(List<TargetResult> results, RunInfo first) {
        Map<String, Map<String, List<String>>> byKey = new LinkedHashMap<>();
        first.machine().keySet().forEach(k -> byKey.put(k, new LinkedHashMap<>()));
        results.stream().map(TargetResult::run).filter(Objects::nonNull).sorted(Comparator.comparing(RunInfo::startedAt))
                .map(r -> Map.entry(r.startedAt(), r.machine())).distinct()
                .forEach(e -> e.getValue().forEach((k, v) -> byKey.computeIfAbsent(k, x -> new LinkedHashMap<>())
                        .computeIfAbsent(v, x -> new ArrayList<>()).add(e.getKey())));
        Map<String, String> out = new LinkedHashMap<>();
        byKey.forEach((k, values) -> out.put(k, values.size() <= 1 ? String.join("", values.keySet())
                : String.join("; ", values.entrySet().stream().map(v -> v.getKey() + " (sittings of " + String.join(", ",
                        v.getValue().stream().map(t -> t.substring(0, Math.min(16, t.length()))).distinct().toList()) + ")").toList())));
        return out;
    }

    /** The headline: what each target needs, sorted by it, beside what the working set at the reference limit says. */
    static String needsTable(List<TargetResult> results, RunInfo run) {
        long top = Math.round(run.settings().memoryLimitBytes() / Summary.MIB);
        StringBuilder md = new StringBuilder();
        md.append("| target | needs (MiB), confirmed | working set at ").append(top).append(" MiB: idle / peak, 200 conn. | ")
                .append("working set at the needed limit: idle / peak, 200 conn. | RSS idle: anon + file | ")
                .append("first 200 after `run` / after process start (ms) | req/s, 50 conn. · of the harness ceiling | req/s at 50 conn. per needed MiB | what it is |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (TargetResult r : byNeeds(results)) {
            TargetSpec t = r.target();
            if (!t.measured()) {
                continue;
            }
            Map<Metric, Stat> s = r.summary();
            Results.Needs n = r.needs();
            String needs;
            String at = "–";
            String perMiB = "–";
            if (t.kind() == TargetKind.ceiling) {
                needs = "harness ceiling: not searched";
            } else if (n == null) {
                needs = "not searched in this run";
            } else if (n.neededBytes() < 0) {
                needs = "none found: " + n.whyNone() + (retryWouldMatter(n) ? " ≤" : "");
            } else {
                needs = "**" + fmt(n.neededBytes() / Summary.MIB, 0) + "** (" + confirmedBy(r) + ")" + (retryWouldMatter(n) ? " ≤" : "");
                at = stat(n.atNeeded(), Metric.idleMiB) + " / " + stat(n.atNeeded(), Metric.peak200MiB);
                Stat rps = n.atNeeded().get(Metric.rps_c50);
                perMiB = t.caveat() != null ? "left out: see its caveat"
                        : rps == null ? "–" : fmt(rps.median() / (n.neededBytes() / Summary.MIB), 0);
            }
            md.append("| ").append(t.name()).append(" | ").append(needs)
                    .append(" | ").append(stat(s, Metric.idleMiB)).append(" / ").append(stat(s, Metric.peak200MiB))
                    .append(" | ").append(at)
                    .append(" | ").append(stat(s, Metric.idleRssAnonMiB)).append(" + ").append(stat(s, Metric.idleRssFileMiB))
                    .append(" | ").append(stat(s, Metric.startupMs)).append(" / ").append(stat(s, Metric.readyAfterProcessStartMs))
                    .append(" | ").append(stat(s, Metric.rps_c50)).append(generatorBound(r, Phase.c50) ? " ‡" : "")
                    .append(ofCeiling(results, r))
                    .append(" | ").append(perMiB)
                    .append(" | ").append(t.description() == null ? t.kind().name() : t.description())
                    .append(t.caveat() == null ? "" : ". **Caveat:** " + t.caveat())
                    .append(" |\n");
        }
        // the mark's legend sits under the table only while a row carries it
        boolean marked = results.stream().map(TargetResult::needs).anyMatch(n -> n != null && retryWouldMatter(n));
        return marked ? md.append("\n≤: searched under an older, stricter rule (`needs.rule`): the newest passes every limit it passed, so this is at most what the target needs.\n").toString() : md.toString();
    }

    /**
     * How the needed limit was confirmed: "3 runs, 94%" (their slowest phase's median speed share) by the newest rule,
     * "passed/runs" by the rules before it; at the reference limit itself, by the repetitions there.
     */
    static String confirmedBy(TargetResult r) {
        Results.Needs n = r.needs();
        if (n.neededBytes() == n.referenceLimitBytes()) {
            return r.repetitions().size() + "/" + r.repetitions().size();
        }
        double speed = n.confirmedSpeed();
        return Double.isNaN(speed)
                ? n.confirmations().stream().filter(NeededLimit.Probe::pass).count() + "/" + n.confirmations().size()
                : n.confirmations().size() + " runs, " + fmt(100 * speed, 0) + "%";
    }

    /** A search from before the newest rule that ran confirmations, the runs the retry would have given a second chance. */
    static boolean retryWouldMatter(Results.Needs n) {
        return !n.byCurrentRule() && n.probes().stream().anyMatch(p -> p.stage() == NeededLimit.Stage.confirm);
    }

    /** Targets with a needed limit first, smallest first; then the rest in the order they came. */
    static List<TargetResult> byNeeds(List<TargetResult> results) {
        List<TargetResult> out = new ArrayList<>(results);
        out.sort(Comparator.comparingLong(r -> r.needs() == null || r.needs().neededBytes() < 0 ? Long.MAX_VALUE
                : r.needs().neededBytes()));
        return out;
    }

    /** Every probe of every search, in the order it ran: the evidence behind the needs column. */
    static String searchLog(List<TargetResult> results) {
        StringBuilder md = new StringBuilder("| target | runs at the reference limit | bisection | confirmation |\n|---|---|---|---|\n");
        for (TargetResult r : byNeeds(results)) {
            if (r.needs() == null) {
                continue;
            }
            md.append("| ").append(r.target().name()).append(" | ").append(references(r.needs().probes()));
            for (NeededLimit.Stage stage : List.of(NeededLimit.Stage.probe, NeededLimit.Stage.confirm)) {
                List<String> cells = r.needs().probes().stream().filter(p -> p.stage() == stage)
                        .map(p -> fmt(p.limitBytes() / Summary.MIB, 0) + (p.pass() ? " ✓" : " ✗ " + p.why().replace("|", "\\|")))
                        .toList();
                md.append(" | ").append(cells.isEmpty() ? "–" : String.join("; ", cells));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    /**
     * How many runs at the reference limit a search made and how far apart their c50 req/s lay, those beside the
     * short probes and those beside the confirmations apart: how steady the host was while it ran. An older search,
     * whose probes were all held to the runs at its start, says so.
     */
    static String references(List<NeededLimit.Probe> probes) {
        // searches before the runs beside each probe held every probe to the references at their start
        boolean beside = false;
        for (int i = 1; i < probes.size(); i++) {
            NeededLimit.Stage before = probes.get(i - 1).stage();
            beside |= (before == NeededLimit.Stage.probe || before == NeededLimit.Stage.confirm)
                    && probes.get(i).stage() == before.besideIt();
        }
        List<String> parts = new ArrayList<>();
        for (NeededLimit.Stage stage : List.of(NeededLimit.Stage.reference, NeededLimit.Stage.confirmReference)) {
            List<NeededLimit.Probe> refs = probes.stream().filter(p -> p.stage() == stage).toList();
            if (refs.isEmpty()) {
                continue;
            }
            double[] c50 = refs.stream().map(NeededLimit.Probe::repetition).filter(x -> x != null && x.phase(Phase.c50) != null
                    && x.phase(Phase.c50).load() != null).mapToDouble(x -> x.phase(Phase.c50).load().requestsPerSecond()).toArray();
            long failed = refs.stream().filter(p -> !p.pass()).count();
            parts.add((stage == NeededLimit.Stage.reference ? "short" : "full") + ": " + refs.size() + (refs.size() == 1 ? " run" : " runs")
                    + (beside ? "" : " at the start") + (failed > 0 ? " (" + failed + " ✗)" : "") + (c50.length == 0 ? "" : ", c50 "
                            + fmt(Arrays.stream(c50).min().getAsDouble(), 0) + "–" + fmt(Arrays.stream(c50).max().getAsDouble(), 0) + " req/s"));
        }
        return parts.isEmpty() ? "–" : String.join("; ", parts);
    }

    /**
     * " · 34%": the share of the harness ceiling's median req/s at 50 connections (same run) a target's median reached,
     * so a reader sees how near it came to what the generator can drive; "" for the ceiling itself or without one.
     */
    static String ofCeiling(List<TargetResult> results, TargetResult r) {
        Stat rps = r.summary().get(Metric.rps_c50);
        OptionalDouble ceiling = results.stream().filter(x -> x.target().kind() == TargetKind.ceiling)
                .map(x -> x.summary().get(Metric.rps_c50)).filter(Objects::nonNull).mapToDouble(Stat::median).findFirst();
        return r.target().kind() == TargetKind.ceiling || rps == null || ceiling.isEmpty() ? ""
                : " · " + fmt(100 * rps.median() / ceiling.getAsDouble(), 0) + "%";
    }

    static boolean generatorBound(TargetResult r, Phase p) {
        return r.repetitions().stream().map(rep -> rep.phase(p)).anyMatch(x -> x != null && x.load() != null
                && x.load().generatorBound());
    }

    /** The generator's median share of its core in a phase, with ‡ when it was the bottleneck. */
    static String generatorLoad(TargetResult r, Phase p) {
        double[] v = r.repetitions().stream().map(rep -> rep.phase(p)).filter(x -> x != null && x.load() != null)
                .mapToDouble(x -> x.load().generatorLoad()).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return "–";
        }
        double m = Summary.stat(v).median();
        return fmt(100 * m, 0) + "%" + (generatorBound(r, p) ? " ‡" : "");
    }

    static String throttled(TargetResult r) {
        long worst = -1;
        for (Repetition rep : r.repetitions()) {
            long n = rep.phases().stream().filter(p -> p.cpu() != null).mapToLong(p -> p.cpu().throttledPeriods()).sum();
            worst = Math.max(worst, n);
        }
        return worst < 0 ? "–" : Long.toString(worst);
    }

    static CategoryChart neededLimits(List<TargetResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(960).height(420)
                .title("The smallest memory limit each target serves at full speed, MiB").yAxisTitle("MiB").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> names = new ArrayList<>();
        List<Double> needed = new ArrayList<>();
        for (TargetResult r : results) {
            if (r.needs() != null && r.needs().neededBytes() > 0) {
                names.add(r.target().name());
                needed.add(r.needs().neededBytes() / Summary.MIB);
            }
        }
        if (names.isEmpty()) {
            names.add("none");
            needed.add(0.0);
        }
        chart.addSeries("needs", names, needed);
        return chart;
    }

    static XYChart timeline(TargetResult r) {
        XYChart chart = new XYChartBuilder().width(720).height(320)
                .title(r.target().name() + ": working set (MiB) over time (s)").xAxisTitle(r.run() != null && r.run().settings().serverCpus() != null ? "s since run" : "s since first 200")
                .yAxisTitle("MiB").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0);
        for (Repetition rep : r.repetitions()) {
            List<Sample> samples = rep.samples().stream().map(row -> Sample.fromRow(rep.sampleFields(), row)).toList();
            double[] x = samples.stream().mapToDouble(s -> s.tMs() / 1000.0).toArray();
            double[] y = samples.stream().mapToDouble(s -> s.workingSet() / Summary.MIB).toArray();
            if (x.length > 0) {
                chart.addSeries("rep " + rep.repetition(), x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /** The idle and peak working set per target; null when no target has both. */
    static CategoryChart idleVsPeak(List<TargetResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(960).height(420)
                .title("Working set per target, MiB (median)").yAxisTitle("MiB").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> names = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        List<Double> peak = new ArrayList<>();
        // a fixed-rate run has no 200-connection phase: its peak is over the open-loop phases
        boolean fixedRate = !results.isEmpty() && results.get(0).run().settings().phases() == PhaseSet.fixedRate;
        Metric peakMetric = fixedRate ? Metric.fixedRatePeakMiB : Metric.peak200MiB;
        for (TargetResult r : results) {
            if (r.summary() != null && r.summary().containsKey(Metric.idleMiB) && r.summary().containsKey(peakMetric)) {
                names.add(r.target().name());
                idle.add(r.summary().get(Metric.idleMiB).median());
                peak.add(r.summary().get(peakMetric).median());
            }
        }
        if (names.isEmpty()) {
            return null; // no target has both figures (every one failed): XChart takes no empty series
        }
        chart.addSeries("idle", names, idle);
        chart.addSeries(fixedRate ? "peak, open-loop phases" : "peak, 200 connections", names, peak);
        return chart;
    }

    /** One line per target for the console. */
    public static String oneLine(TargetResult r) {
        if (!r.target().measured()) {
            return r.target().name() + ": not measured (" + r.target().notMeasured() + ")";
        }
        Map<Metric, Stat> s = r.summary();
        if (r.run().settings().phases() == PhaseSet.fixedRate) {
            return String.format(Locale.ROOT, "%s: idle %s MiB, peak over the open-loop phases %s, after them %s, startup %s ms, "
                    + "p99 %s ms at %,.0f req/s%s", r.target().name(), stat(s, Metric.idleMiB), stat(s, Metric.fixedRatePeakMiB),
                    stat(s, Metric.afterWorkMiB), stat(s, Metric.startupMs), stat(s, Metric.p99(Phase.rate1k)),
                    r.run().settings().perSecond(Phase.rate1k), r.needs() == null ? "" : ", " + needsLine(r.needs()));
        }
        return String.format(Locale.ROOT, "%s: idle %s MiB, peak 50c %s, peak 200c %s, after /work %s, startup %s ms, %s req/s at 50c",
                r.target().name(), stat(s, Metric.idleMiB), stat(s, Metric.peak50MiB), stat(s, Metric.peak200MiB),
                stat(s, Metric.afterWorkMiB), stat(s, Metric.startupMs), stat(s, Metric.rps_c50));
    }

    private static String needsLine(Results.Needs n) {
        return n.neededBytes() > 0 ? String.format(Locale.ROOT, "needs %,d MiB", n.neededBytes() >> 20) : "needed limit not found";
    }

    /** The median with the smallest and largest repetition in brackets, in the metric's decimals. */
    static String stat(Map<Metric, Stat> s, Metric key) {
        int decimals = key.decimals();
        Stat v = s.get(key);
        if (v == null) {
            return "–";
        }
        if (v.min() == v.max()) {
            return fmt(v.median(), decimals);
        }
        return fmt(v.median(), decimals) + " (" + fmt(v.min(), decimals) + "–" + fmt(v.max(), decimals) + ")";
    }

    /**
     * The worst repetition's count of errors and non-2xx answers, or with {@link Metric#oomKills} its OOM kills: a
     * median would hide a repetition that stalled or was killed.
     */
    static double worst(TargetResult r, Metric... counts) {
        return r.repetitions().stream().mapToDouble(rep -> {
            double n = 0;
            for (Metric c : counts) {
                n += switch (c) {
                    case errors -> rep.phases().stream().filter(p -> p.load() != null).mapToDouble(p -> p.load().errors()).sum();
                    case non2xx -> rep.phases().stream().filter(p -> p.load() != null).mapToDouble(p -> p.load().non2xx()).sum();
                    case oomKills -> rep.oomKills();
                    default -> throw new IllegalArgumentException(c + " is not a count");
                };
            }
            return n;
        }).max().orElse(0);
    }

    private static double med(Map<Metric, Stat> s, Metric key) {
        Stat v = s.get(key);
        return v == null ? 0 : v.median();
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
