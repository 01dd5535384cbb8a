package dev.footprint.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.footprint.bench.model.Failures;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.NeededLimit.Verdict;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.TargetSpec;

/**
 * Runs at the reference limit on either side of each run at a smaller one, with the same phases: a run is held to
 * the two beside it ({@link Reference}), so the host's speed at that moment is what it is compared with
 * (docs/decisions/bracketed-references.md). The needed-limit search and the soak's check at a limit both run this way.
 */
public final class Bracketed {

    /** One run of a target at some settings, stopped after the first phase {@code keepGoing} refuses: {@link Runner#run}. */
    @FunctionalInterface
    public interface Trial {
        Repetition run(TargetSpec target, Settings settings, Predicate<PhaseResult> keepGoing);
    }

    private final Trial trial;
    private final Progress progress;
    private final TargetSpec target;
    private final Stage stage;
    private final Settings atReference;
    private final Reference failuresOnly;
    private final List<Probe> record;
    private Repetition before;
    private List<Repetition> lastBeside = List.of();

    /**
     * @param failuresOnly what a run at the reference limit itself is held to: no errors, stalls or OOM kills
     * @param record where every run is added, the references among them, in the order they ran
     */
    public Bracketed(Trial trial, Progress progress, TargetSpec target, Stage stage, Settings atReference, Reference failuresOnly,
            List<Probe> record) {
        this.trial = trial;
        this.progress = progress;
        this.target = target;
        this.stage = stage;
        this.atReference = atReference;
        this.failuresOnly = failuresOnly;
        this.record = record;
    }

    /** The first run at the reference limit; false when it failed, and then there is nothing to hold runs to. */
    public boolean start() {
        before = reference();
        return before != null;
    }

    /** A run at {@code limit}, then one at the reference limit; the first is judged against that one and the one before. */
    public Probe held(Settings limit) {
        Probe run = attempt(limit, Reference.of(atReference.memoryLimitBytes(), atReference.phases(), List.of(before)), stage);
        int at = record.size();
        List<Repetition> around = new ArrayList<>(List.of(before));
        Repetition after = reference();
        if (after != null) {
            around.add(after);
            before = after;
        }
        lastBeside = List.copyOf(around);
        if (run.repetition() != null) {
            Reference beside = Reference.of(atReference.memoryLimitBytes(), atReference.phases(), around);
            Verdict v = NeededLimit.judge(run.repetition(), beside);
            run = new Probe(run.limitBytes(), stage, v.pass(), v.why(), run.repetition(), v.slowOnly(),
                    NeededLimit.speedShares(run.repetition(), beside));
        }
        record.add(at, run);
        return run;
    }

    /**
     * {@link #held}, and once more when that run failed on req/s alone (no error, no stall, no OOM kill): one run's
     * speed is noisy, so the second run decides.
     */
    Probe heldOnceMoreIfSlow(Settings limit) {
        Probe p = held(limit);
        return p.pass() || !p.slowOnly() ? p : held(limit);
    }

    /** The runs at the reference limit the last {@link #held} run was judged against: one or two, those that passed. */
    public List<Repetition> lastBeside() {
        return lastBeside;
    }

    /** A run at the reference limit, recorded; null when it broke or failed (errors, a stall, an OOM kill). */
    private Repetition reference() {
        Probe p = attempt(atReference, null, stage.besideIt());
        Verdict v = p.repetition() == null ? Verdict.fail(p.why()) : NeededLimit.judge(p.repetition(), failuresOnly);
        record.add(new Probe(p.limitBytes(), stage.besideIt(), v.pass(), v.why(), p.repetition(), false));
        return v.pass() ? p.repetition() : null;
    }

    /**
     * One run at a limit, judged against {@code ref} when there is one. A probe stops at the first phase that failed
     * outright (errors, a stall); the /work phase stops once it can no longer reach the reference's rate; a run that
     * breaks is a failed probe that says why.
     */
    private Probe attempt(Settings limit, Reference ref, Stage stage) {
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
