package dev.footprint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.footprint.bench.NeededLimit.Probe;
import dev.footprint.bench.NeededLimit.Reference;
import dev.footprint.bench.NeededLimit.Stage;
import dev.footprint.bench.NeededLimit.Verdict;
import dev.footprint.bench.Results.Needs;
import dev.footprint.bench.Results.Repetition;
import dev.footprint.bench.Results.Settings;
import dev.footprint.bench.Results.Stat;

/** Runs {@link NeededLimit}'s search for one target with real containers, after its repetitions at the reference limit. */
final class NeedsRun {

    private final Runner runner;
    private final Settings settings;
    private final Progress progress;

    NeedsRun(Runner runner, Settings settings, Progress progress) {
        this.runner = runner;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param minFloorBytes the smallest limit to probe; the search starts higher, at the anonymous memory the target
     *        held at idle ({@link #anonymousFloor}), where that is larger
     */
    Needs measure(TargetSpec target, List<Repetition> atReference, long minFloorBytes) {
        long top = settings.memoryLimitBytes();
        long floorBytes = Math.max(minFloorBytes, anonymousFloor(atReference));
        Reference full = Reference.of(top, atReference);
        List<Probe> probes = new ArrayList<>();
        // at the reference limit itself only failures count: a repetition's speed is not held to the median it is part of
        Reference failuresOnly = new Reference(top, Map.of(), full.slowestMs());
        for (Repetition r : atReference) {
            Verdict v = NeededLimit.judge(r, failuresOnly);
            if (!v.pass()) {
                return new Needs(top, floorBytes, -1, "fails at the reference limit itself: " + v.why(), probes, Map.of());
            }
        }
        List<Repetition> shortAtTop = new ArrayList<>();
        for (int i = 0; i < NeededLimit.SHORT_REFERENCE_RUNS; i++) {
            Probe p = attempt(target, settings.probe(top), null, Stage.reference);
            probes.add(p);
            if (p.repetition() == null) {
                return new Needs(top, floorBytes, -1, "a short run at the reference limit failed: " + p.why(), probes, Map.of());
            }
            shortAtTop.add(p.repetition());
        }
        Reference quick = Reference.of(top, shortAtTop);
        List<Long> grid = NeededLimit.grid(floorBytes, top);
        int found = NeededLimit.bisect(grid, l -> {
            Probe p = attempt(target, settings.probe(l), quick, Stage.probe);
            if (!p.pass() && p.slowOnly()) {
                probes.add(p); // kept, then run once more: a short run is noisier than the full ones that confirm
                p = attempt(target, settings.probe(l), quick, Stage.probe);
            }
            return p;
        }, probes);
        long needed;
        if (found == grid.size() - 1) {
            needed = top; // the repetitions at the reference limit are its confirmations
        } else {
            needed = NeededLimit.confirm(grid, found, settings.repetitions(),
                    l -> attempt(target, settings.withMemory(l), full, Stage.confirm), probes);
        }
        List<Repetition> confirmed = needed == top ? atReference
                : probes.stream().filter(p -> p.stage() == Stage.confirm && p.limitBytes() == needed && p.pass())
                        .map(Probe::repetition).filter(Objects::nonNull).toList();
        Map<Metric, Stat> at = confirmed.isEmpty() ? Map.of() : Summary.of(confirmed);
        String note = needed < 0 ? "no limit up to " + (int) NeededLimit.MAX_CLIMB + "× the bisection's result was confirmed" : null;
        return new Needs(top, floorBytes, needed, note, probes, at);
    }

    /**
     * There is no swap (memory-swap equals the limit), so a limit below the anonymous memory a target holds at idle
     * cannot pass: the smaller of the summed RssAnon and the summed PSS (which does not count pages shared by forked
     * workers twice), median over the repetitions, whole MiB.
     */
    static long anonymousFloor(List<Repetition> reps) {
        double[] v = reps.stream().map(r -> r.phase(Phase.idle)).filter(p -> p != null && p.kinds() != null
                && p.kinds().rssAnon() > 0).mapToDouble(p -> Math.min(p.kinds().rssAnon(), p.pssMax() > 0 ? p.pssMax()
                        : Long.MAX_VALUE)).toArray();
        return v.length == 0 ? 0 : (long) (Summary.stat(v).median() / NeededLimit.MIB) * NeededLimit.MIB;
    }

    /** One run at a limit; a probe stops at the first failing phase; a run that breaks is a failed probe that says why. */
    private Probe attempt(TargetSpec target, Settings limit, Reference ref, Stage stage) {
        Settings s = ref == null ? limit : limit.withWorkTimeout(ref.workTimeoutSeconds(limit.workRequests(), limit.workTimeoutSeconds()));
        progress.repetition(target.name() + " at " + s.memoryLimitBytes() / NeededLimit.MIB + " MiB (" + stage + ")", 1, 1,
                Runner.plannedSeconds(s, target.workPath() != null), 1, 1);
        try {
            Repetition rep = runner.run(target, 1, s, phase -> stage != Stage.probe || ref == null || NeededLimit.judge(phase, ref).pass());
            Verdict v = ref == null ? Verdict.PASS : NeededLimit.judge(rep, ref);
            // a probe's samples are not kept: its phase figures are, and the confirmations keep theirs
            Repetition kept = stage == Stage.confirm ? rep : rep.withoutSamples();
            return new Probe(s.memoryLimitBytes(), stage, v.pass(), v.why(), kept, v.slowOnly());
        } catch (RuntimeException e) {
            return new Probe(s.memoryLimitBytes(), stage, false, Failures.firstLine(e), null);
        }
    }
}
