package dev.footprint.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.NeededLimit.Verdict;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Results.Needs;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetSpec;

/** Runs {@link NeededLimit}'s search for one target, after its repetitions at the reference limit. */
public final class NeedsRun {

    private final Bracketed.Trial trial;
    private final Settings settings;
    private final Progress progress;

    public NeedsRun(Bracketed.Trial trial, Settings settings, Progress progress) {
        this.trial = trial;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param minFloorBytes the smallest limit to probe; the search starts higher, at the anonymous memory the target
     *        held at idle ({@link #anonymousFloor}), where that is larger
     * @param guessBytes a limit found for the target before, probed first; 0 for none
     */
    public Needs measure(TargetSpec target, List<Repetition> atReference, long minFloorBytes, long guessBytes) {
        long top = settings.memoryLimitBytes();
        long floorBytes = Math.max(minFloorBytes, anonymousFloor(atReference));
        List<Probe> probes = new ArrayList<>();
        Reference failuresOnly = Reference.failuresOnly(top, settings.phases(), atReference);
        for (Repetition r : atReference) {
            Verdict v = NeededLimit.judge(r, failuresOnly);
            if (!v.pass()) {
                return new Needs(top, floorBytes, -1, "fails at the reference limit itself: " + v.why(), probes, Map.of());
            }
        }
        Bracketed shortRuns = new Bracketed(trial, progress, target, Stage.probe, settings.probe(top), failuresOnly, probes);
        if (!shortRuns.start()) {
            return new Needs(top, floorBytes, -1, "a short run at the reference limit failed: " + lastWhy(probes), probes, Map.of());
        }
        List<Long> grid = NeededLimit.grid(floorBytes, top);
        // bisect and confirm see each verdict; Bracketed records every run, the references among them, in the order they ran
        int guess = NeededLimit.guessIndex(grid, guessBytes);
        long firstGuess = guess >= 0 ? grid.get(guess) : 0;
        int found = NeededLimit.bisect(grid, l -> shortRuns.heldOnceMoreIfSlow(settings.probe(l)), new ArrayList<>(), guess);
        long needed;
        if (found == grid.size() - 1) {
            needed = top; // the repetitions at the reference limit are its confirmations
        } else {
            Bracketed fullRuns = new Bracketed(trial, progress, target, Stage.confirm, settings.confirmation(top), failuresOnly, probes);
            if (!fullRuns.start()) {
                return new Needs(top, floorBytes, -1, "a full run at the reference limit failed: " + lastWhy(probes), probes, Map.of());
            }
            // a full run's speed is noisy too: the confirmations are judged together (docs/decisions/bracketed-references.md)
            needed = NeededLimit.confirm(grid, found, settings.repetitions(), l -> fullRuns.held(settings.confirmation(l)),
                    new ArrayList<>());
        }
        List<Repetition> confirmed = needed == top ? atReference
                : probes.stream().filter(p -> p.stage() == Stage.confirm && p.limitBytes() == needed)
                        .map(Probe::repetition).filter(Objects::nonNull).toList();
        Map<Metric, Stat> at = confirmed.isEmpty() ? Map.of() : Summary.of(confirmed);
        String note = needed < 0 ? Needs.climbNote(probes, top) : null;
        return new Needs(top, floorBytes, needed, note, probes, at, NeededLimit.Rule.CURRENT, firstGuess);
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
}
