package dev.footprint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import dev.footprint.bench.NeededLimit.Probe;
import dev.footprint.bench.NeededLimit.Reference;
import dev.footprint.bench.NeededLimit.Stage;
import dev.footprint.bench.NeededLimit.Verdict;
import dev.footprint.bench.Results.Needs;
import dev.footprint.bench.Results.PhaseResult;
import dev.footprint.bench.Results.Repetition;
import dev.footprint.bench.Results.Settings;
import dev.footprint.bench.Results.Stat;

/** Runs {@link NeededLimit}'s search for one target, after its repetitions at the reference limit. */
final class NeedsRun {

    /** One run of a target at some settings, stopped after the first phase {@code keepGoing} refuses: {@link Runner#run}. */
    @FunctionalInterface
    interface Trial {
        Repetition run(TargetSpec target, Settings settings, Predicate<PhaseResult> keepGoing);
    }

    private final Trial trial;
    private final Settings settings;
    private final Progress progress;

    NeedsRun(Trial trial, Settings settings, Progress progress) {
        this.trial = trial;
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
        Beside shortRuns = new Beside(target, Stage.probe, settings.probe(top), failuresOnly, probes);
        if (!shortRuns.start()) {
            return new Needs(top, floorBytes, -1, "a short run at the reference limit failed: " + lastWhy(probes), probes, Map.of());
        }
        List<Long> grid = NeededLimit.grid(floorBytes, top);
        // bisect and confirm see each verdict; Beside records every run, the references among them, in the order they ran
        int found = NeededLimit.bisect(grid, l -> {
            Probe p = shortRuns.held(settings.probe(l));
            return p.pass() || !p.slowOnly() ? p : shortRuns.held(settings.probe(l)); // a short run is noisy
        }, new ArrayList<>());
        long needed;
        if (found == grid.size() - 1) {
            needed = top; // the repetitions at the reference limit are its confirmations
        } else {
            Beside fullRuns = new Beside(target, Stage.confirm, settings.withMemory(top), failuresOnly, probes);
            if (!fullRuns.start()) {
                return new Needs(top, floorBytes, -1, "a full run at the reference limit failed: " + lastWhy(probes), probes, Map.of());
            }
            needed = NeededLimit.confirm(grid, found, settings.repetitions(), l -> fullRuns.held(settings.withMemory(l)),
                    new ArrayList<>());
        }
        List<Repetition> confirmed = needed == top ? atReference
                : probes.stream().filter(p -> p.stage() == Stage.confirm && p.limitBytes() == needed && p.pass())
                        .map(Probe::repetition).filter(Objects::nonNull).toList();
        Map<Metric, Stat> at = confirmed.isEmpty() ? Map.of() : Summary.of(confirmed);
        String note = needed < 0 ? "no limit up to " + (int) NeededLimit.MAX_CLIMB + "× the bisection's result was confirmed" : null;
        return new Needs(top, floorBytes, needed, note, probes, at);
    }

    private static String lastWhy(List<Probe> probes) {
        return probes.get(probes.size() - 1).why();
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

    /**
     * Runs at the reference limit on either side of each run at a smaller one, with the same phases: a run is held to
     * the two beside it ({@link Reference}), so the host's speed at that moment is what it is compared with.
     */
    private final class Beside {

        private final TargetSpec target;
        private final Stage stage;
        private final Settings atReference;
        private final Reference failuresOnly;
        private final List<Probe> record;
        private Repetition before;

        Beside(TargetSpec target, Stage stage, Settings atReference, Reference failuresOnly, List<Probe> record) {
            this.target = target;
            this.stage = stage;
            this.atReference = atReference;
            this.failuresOnly = failuresOnly;
            this.record = record;
        }

        /** The first run at the reference limit; false when it failed, and then there is nothing to hold runs to. */
        boolean start() {
            before = reference();
            return before != null;
        }

        /** A run at {@code limit}, then one at the reference limit; the first is judged against that one and the one before. */
        Probe held(Settings limit) {
            Probe run = attempt(target, limit, Reference.of(atReference.memoryLimitBytes(), List.of(before)), stage);
            int at = record.size();
            List<Repetition> around = new ArrayList<>(List.of(before));
            Repetition after = reference();
            if (after != null) {
                around.add(after);
                before = after;
            }
            if (run.repetition() != null) {
                Verdict v = NeededLimit.judge(run.repetition(), Reference.of(atReference.memoryLimitBytes(), around));
                run = new Probe(run.limitBytes(), stage, v.pass(), v.why(), run.repetition(), v.slowOnly());
            }
            record.add(at, run);
            return run;
        }

        /** A run at the reference limit, recorded; null when it broke or failed (errors, a stall, an OOM kill). */
        private Repetition reference() {
            Probe p = attempt(target, atReference, null, stage.besideIt());
            Verdict v = p.repetition() == null ? Verdict.fail(p.why()) : NeededLimit.judge(p.repetition(), failuresOnly);
            record.add(new Probe(p.limitBytes(), stage.besideIt(), v.pass(), v.why(), p.repetition(), false));
            return v.pass() ? p.repetition() : null;
        }
    }

    /**
     * One run at a limit, judged against {@code ref} when there is one. A probe stops at the first phase that failed
     * outright (errors, a stall); the /work phase stops once it can no longer reach the reference's rate; a run that
     * breaks is a failed probe that says why.
     */
    private Probe attempt(TargetSpec target, Settings limit, Reference ref, Stage stage) {
        Settings s = ref == null ? limit : limit.withWorkTimeout(ref.workTimeoutSeconds(limit.workRequests(), limit.workTimeoutSeconds()));
        progress.repetition(target.name() + " at " + s.memoryLimitBytes() / NeededLimit.MIB + " MiB (" + stage + ")", 1, 1,
                Runner.plannedSeconds(s, target.workPath() != null), 1, 1);
        try {
            Repetition rep = trial.run(target, s, phase -> {
                Verdict v = stage != Stage.probe || ref == null ? Verdict.PASS : NeededLimit.judge(phase, ref);
                return v.pass() || v.slowOnly(); // speed is judged against both references, after the run
            });
            Verdict v = ref == null ? Verdict.PASS : NeededLimit.judge(rep, ref);
            // only the confirmations keep their samples; every run keeps its phase figures
            Repetition kept = stage == Stage.confirm ? rep : rep.withoutSamples();
            return new Probe(s.memoryLimitBytes(), stage, v.pass(), v.why(), kept, v.slowOnly());
        } catch (RuntimeException e) {
            return new Probe(s.memoryLimitBytes(), stage, false, Failures.firstLine(e), null);
        }
    }
}
