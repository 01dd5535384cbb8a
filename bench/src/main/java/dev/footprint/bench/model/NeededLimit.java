package dev.footprint.bench.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;

/**
 * The smallest memory limit (memory+swap equal to it) at which a target still serves as it does at
 * the reference limit: what a pod must be given. Bisection over a grid of limits, each probe a fresh
 * container from a cold page cache held to the runs at the reference limit just before and just after
 * it (the host's speed drifts from minute to minute); the limit found is then confirmed by full
 * repetitions, bracketed the same way, stepping up the grid until they all pass. Assumes a target
 * that passes at a limit passes at every larger one.
 */
public final class NeededLimit {

    public static final long MIB = 1L << 20;
    /** A phase's req/s must be at least this share of the reference's median (or as fast as its slowest repetition). */
    static final double MIN_SPEED = 0.90;
    /** A request slower than this, and than twice the slowest at the reference, is a stall. */
    static final double STALL_MS = 1000;
    /** The confirmation first climbs one grid step at a time, this many times (a noisy passing limit is near). */
    static final int SINGLE_STEPS_UP = 3;
    /** Past those, each failure moves up by this share of the limit, at least one grid step. */
    static final double LARGE_STEP = 0.125;
    /** The confirmation gives up above this multiple of the bisection's result. */
    public static final double MAX_CLIMB = 2.0;

    private NeededLimit() {
    }

    /** The limits a search may probe, ascending: every 2 MiB up to 64 MiB, every 8 MiB above, up to the reference. */
    public static List<Long> grid(long floorBytes, long referenceBytes) {
        List<Long> g = new ArrayList<>();
        long floor = Math.max(2, (floorBytes + MIB - 1) / MIB);
        long top = referenceBytes / MIB;
        for (long m = floor + (floor % 2); m <= Math.min(64, top); m += 2) {
            g.add(m * MIB);
        }
        for (long m = 72; m <= top; m += 8) {
            g.add(m * MIB);
        }
        if (g.isEmpty() || g.get(g.size() - 1) != top * MIB) {
            g.add(top * MIB);
        }
        return g;
    }

    /** Whether a repetition passed, and if not the first reason it did not. */
    /** @param slowOnly it failed on req/s alone: no error, no stall, no OOM kill (what noise in a short run can do) */
    public record Verdict(boolean pass, String why, boolean slowOnly) {

        public static final Verdict PASS = new Verdict(true, "passed", false);

        public static Verdict fail(String why) {
            return new Verdict(false, why, false);
        }

        static Verdict slow(String why) {
            return new Verdict(false, why, true);
        }
    }

    /**
     * What a run at a smaller limit is held to: per phase the run's {@link PhaseSet} holds to the reference, the median
     * req/s (closed-loop phases only: an open-loop phase's rate is fixed) and the slowest request of runs at the
     * reference limit. For a search these are the two runs on either side of it, with the same phases, so a drift of
     * the host's speed between them is shared by the run they bracket (the median of two is their mean).
     */
    public record Reference(long limitBytes, Map<Phase, Double> requestsPerSecond, Map<Phase, Double> slowestMs,
            Map<Phase, Double> slowestRate, PhaseSet phases) {

        public Reference {
            phases = phases == null ? PhaseSet.all : phases;
        }

        public Reference(long limitBytes, Map<Phase, Double> requestsPerSecond, Map<Phase, Double> slowestMs) {
            this(limitBytes, requestsPerSecond, slowestMs, Map.of(), PhaseSet.all);
        }

        public static Reference of(long limitBytes, List<Repetition> reps) {
            return of(limitBytes, PhaseSet.all, reps);
        }

        public static Reference of(long limitBytes, PhaseSet phases, List<Repetition> reps) {
            Map<Phase, Double> rps = new EnumMap<>(Phase.class);
            Map<Phase, Double> slowest = new EnumMap<>(Phase.class);
            Map<Phase, Double> slowestRate = new EnumMap<>(Phase.class);
            for (Phase p : phases.heldToReference()) {
                double[] v = reps.stream().map(r -> r.phase(p)).filter(x -> x != null && x.load() != null)
                        .mapToDouble(x -> x.load().requestsPerSecond()).filter(x -> !Double.isNaN(x)).toArray();
                if (v.length > 0 && !Phase.FIXED_RATE.contains(p)) {
                    DescriptiveStatistics d = new DescriptiveStatistics(v);
                    rps.put(p, d.getPercentile(50));
                    slowestRate.put(p, d.getMin());
                }
                reps.stream().map(r -> r.phase(p)).filter(x -> x != null && x.load() != null)
                        .mapToDouble(x -> x.load().maxMs()).filter(x -> !Double.isNaN(x)).max()
                        .ifPresent(m -> slowest.put(p, m));
            }
            return new Reference(limitBytes, rps, slowest, slowestRate, phases);
        }

        /**
         * What a run at the reference limit itself is held to: no errors, no OOM kill, and no stall against the slowest
         * request of {@code reps}; its speed is not judged (a repetition is not held to a median it is part of).
         */
        public static Reference failuresOnly(long limitBytes, List<Repetition> reps) {
            return failuresOnly(limitBytes, PhaseSet.all, reps);
        }

        public static Reference failuresOnly(long limitBytes, PhaseSet phases, List<Repetition> reps) {
            return new Reference(limitBytes, Map.of(), of(limitBytes, phases, reps).slowestMs(), Map.of(), phases);
        }

        /** Whether a phase is judged at all: an open-loop phase only where the run's phase set holds it to the reference. */
        boolean judges(Phase p) {
            return !Phase.FIXED_RATE.contains(p) || phases.heldToReference().contains(p);
        }

        /**
         * The req/s a phase must reach: {@link #MIN_SPEED} of the reference's median, or the reference's own slowest
         * repetition where that is lower, since a run as fast as one at the reference limit is at full speed.
         */
        double requiredRate(Phase p) {
            Double median = requestsPerSecond.get(p);
            if (median == null) {
                return Double.NaN;
            }
            return Math.min(MIN_SPEED * median, slowestRate.getOrDefault(p, Double.MAX_VALUE));
        }

        /**
         * How long the allocation phase may run before it can no longer reach {@link #requiredRate}: twice its
         * requests at that rate (the host may slow down beside the reference run before it), with 5 s for hey's
         * start, at most {@code cap}. A thrashing run at a small limit is then stopped within seconds, not minutes.
         */
        public int workTimeoutSeconds(long requests, int cap) {
            double rate = requiredRate(Phase.work);
            if (Double.isNaN(rate) || rate <= 0) {
                return cap;
            }
            return (int) Math.min(cap, Math.ceil(requests / rate * 2) + 5);
        }

        double stallMs(Phase p) {
            return Math.max(STALL_MS, 2 * slowestMs.getOrDefault(p, 0.0));
        }
    }

    /**
     * One phase against the reference: no failed request, no stall, at least {@link #MIN_SPEED} of its req/s; the
     * warm-up only the first. An open-loop phase is judged only in a fixed-rate run ({@link PhaseSet#fixedRate}), on
     * its errors (an unanswered request among them) and stalls.
     */
    public static Verdict judge(PhaseResult phase, Reference ref) {
        Phase p = phase.phase();
        LoadResult load = phase.load();
        // beside closed-loop phases an open-loop one measures latency at a rate the target may not reach (a table)
        if (load == null || !ref.judges(p)) {
            return Verdict.PASS;
        }
        if (load.errors() + load.non2xx() > 0) {
            return Verdict.fail(String.format(Locale.ROOT, "%s: %d errors, %d non-2xx%s", p, load.errors(), load.non2xx(),
                    load.errorKinds() == null ? "" : " (" + load.errorKinds() + ")"));
        }
        // the warm-up is slow by design (a JIT compiling the path): a failed request fails it, its speed does not
        if (p == Phase.warmup) {
            return Verdict.PASS;
        }
        if (load.maxMs() > ref.stallMs(p)) {
            return Verdict.fail(String.format(Locale.ROOT, "%s: stalled, slowest request %.0f ms (stall: over %.0f ms)", p,
                    load.maxMs(), ref.stallMs(p)));
        }
        Double want = ref.requestsPerSecond().get(p);
        if (want != null && !(load.requestsPerSecond() >= ref.requiredRate(p))) {
            return Verdict.slow(String.format(Locale.ROOT, "%s: %.0f req/s, %.0f%% of the median %.0f at %d MiB", p,
                    load.requestsPerSecond(), 100 * load.requestsPerSecond() / want, want, ref.limitBytes() / MIB));
        }
        return Verdict.PASS;
    }

    /** A whole repetition: it survived without an OOM kill, and every phase passed {@link #judge(PhaseResult, Reference)}. */
    public static Verdict judge(Repetition rep, Reference ref) {
        if (rep.oomKills() > 0 || rep.oomKilled()) {
            return Verdict.fail("OOM killed");
        }
        if (!rep.survived()) {
            return Verdict.fail("the container exited");
        }
        for (PhaseResult p : rep.phases()) {
            Verdict v = judge(p, ref);
            if (!v.pass()) {
                return v;
            }
        }
        for (Phase p : ref.phases().heldToReference()) {
            boolean expected = ref.requestsPerSecond().containsKey(p) || ref.phases() == PhaseSet.fixedRate && ref.slowestMs().containsKey(p);
            if (expected && rep.phase(p) == null) {
                return Verdict.fail(p + " did not run");
            }
        }
        return Verdict.PASS;
    }

    /**
     * One probe or confirmation: the limit, which stage it belonged to, and its verdict.
     *
     * @param slowOnly it failed on req/s alone ({@link Verdict#slowOnly()})
     * @param speedShares each loaded phase's req/s against the runs beside it ({@link #speedShares}); empty for a run
     *        at the reference limit and in files written before it was recorded
     */
    public record Probe(long limitBytes, Stage stage, boolean pass, String why, Repetition repetition, boolean slowOnly,
            Map<Phase, Double> speedShares) {

        public Probe {
            speedShares = speedShares == null ? Map.of() : speedShares;
        }

        public Probe(long limitBytes, Stage stage, boolean pass, String why, Repetition repetition, boolean slowOnly) {
            this(limitBytes, stage, pass, why, repetition, slowOnly, Map.of());
        }

        public Probe(long limitBytes, Stage stage, boolean pass, String why, Repetition repetition) {
            this(limitBytes, stage, pass, why, repetition, false);
        }
    }

    /**
     * Each loaded phase's req/s as a share of full speed: 1.0 is the reference's median, and a run passes a phase from
     * {@link #MIN_SPEED} (the share is scaled so that {@link Reference#requiredRate} sits at exactly that).
     */
    public static Map<Phase, Double> speedShares(Repetition rep, Reference ref) {
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.LOADED) {
            PhaseResult phase = rep.phase(p);
            double required = ref.requiredRate(p);
            if (phase != null && phase.load() != null && required > 0) {
                out.put(p, MIN_SPEED * phase.load().requestsPerSecond() / required);
            }
        }
        return out;
    }

    /**
     * The speed of a limit's confirmations taken together: per loaded phase the median of their {@link #speedShares} must
     * reach {@link #MIN_SPEED}. One full run's req/s varies by 10-20% on this host whatever the limit
     * (docs/decisions/bracketed-references.md), so a limit is judged on the middle run, not on its slowest.
     */
    public static Verdict judgeSpeed(List<Probe> runs) {
        for (Map.Entry<Phase, Double> e : medianShares(runs).entrySet()) {
            if (e.getValue() < MIN_SPEED) {
                long n = runs.stream().map(r -> r.speedShares().get(e.getKey())).filter(x -> x != null && !Double.isNaN(x)).count();
                return Verdict.slow(String.format(Locale.ROOT, "%s: median speed %.0f%% of the reference over %d runs", e.getKey(),
                        100 * e.getValue(), n));
            }
        }
        return Verdict.PASS;
    }

    /** Per loaded phase, in phase order, the median of the runs' {@link #speedShares}; a phase none of them has is left out. */
    public static Map<Phase, Double> medianShares(List<Probe> runs) {
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.LOADED) {
            double[] shares = runs.stream().map(r -> r.speedShares().get(p)).filter(x -> x != null && !Double.isNaN(x))
                    .mapToDouble(Double::doubleValue).toArray();
            if (shares.length > 0) {
                out.put(p, new DescriptiveStatistics(shares).getPercentile(50));
            }
        }
        return out;
    }

    /**
     * How a search judged its runs, recorded with its result; a result file without one was searched before the
     * newest rule, so its limit was not confirmed by it (docs/decisions/bracketed-references.md).
     */
    public enum Rule {
        /** probes and confirmations between runs at the reference limit; one that failed on req/s alone runs once more */
        bracketedWithRetry,
        /**
         * probes as {@link #bracketedWithRetry}; at a limit every confirmation runs (an error, stall or OOM kill stops
         * them), and the median of their speed shares decides ({@link #judgeSpeed})
         */
        medianOfConfirmations;

        public static final Rule CURRENT = medianOfConfirmations;
    }

    public enum Stage {
        /** a short run at the reference limit beside a probe: what the probes on either side of it are held to */
        reference,
        /** a bisection step, short phases; one that failed on req/s alone runs once more, and the second run decides */
        probe,
        /** a full repetition at the limit found */
        confirm,
        /** a full run at the reference limit beside a confirmation */
        confirmReference;

        /** The runs at the reference limit that the runs of this stage are held to. */
        public Stage besideIt() {
            return this == confirm ? confirmReference : this == probe ? reference : this;
        }
    }

    /**
     * Bisects {@code grid} for the smallest limit whose probe passes; the top of the grid (the reference limit)
     * is taken to pass. Returns the probes in the order they ran; {@link #lowest(List)} reads the result.
     */
    public static int bisect(List<Long> grid, LongFunction<Probe> probe, List<Probe> record) {
        return bisect(grid, probe, record, -1);
    }

    /**
     * As {@link #bisect(List, LongFunction, List)}, probing first at grid index {@code guess} (a limit found before,
     * e.g. by an earlier search of the same target) and then its neighbour on the side the verdict points to; a guess
     * that was right costs two probes instead of the bisection's six. Any guess ends where the bisection does: the
     * search is the same, only its first brackets differ. A guess outside the grid below its top is ignored.
     */
    public static int bisect(List<Long> grid, LongFunction<Probe> probe, List<Probe> record, int guess) {
        int lo = -1;
        int hi = grid.size() - 1;
        for (int i = guess, tries = 0; tries < 2 && i > lo && i < hi; tries++) {
            Probe p = probe.apply(grid.get(i));
            record.add(p);
            if (p.pass()) {
                hi = i--;
            } else {
                lo = i++;
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            Probe p = probe.apply(grid.get(mid));
            record.add(p);
            if (p.pass()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * Confirms the bisection's result with {@code repetitions} full runs each, judged together ({@link #judgeSpeed}); an
     * error, stall or OOM kill fails a limit at once. A failure moves one grid step up {@link #SINGLE_STEPS_UP} times,
     * then by {@link #LARGE_STEP} of the limit, up to {@link #MAX_CLIMB} times the bisection's result. Returns the
     * confirmed limit, or -1 when none was.
     */
    public static long confirm(List<Long> grid, int found, int repetitions, LongFunction<Probe> full, List<Probe> record) {
        long ceiling = (long) (grid.get(found) * MAX_CLIMB);
        for (int i = found, climbs = 0; i < grid.size() && grid.get(i) <= ceiling; i = next(grid, i, ++climbs)) {
            List<Probe> runs = new ArrayList<>();
            boolean broke = false;
            for (int r = 0; r < repetitions && !broke; r++) {
                Probe p = full.apply(grid.get(i));
                record.add(p);
                runs.add(p);
                broke = !p.pass() && !p.slowOnly();
            }
            if (!broke && judgeSpeed(runs).pass()) {
                return grid.get(i);
            }
        }
        return -1;
    }

    /**
     * Where a search that found {@code bytes} before starts: the index of the smallest grid limit at or above it, or
     * -1 for none, for 0 and for the grid's top (taken to pass, so nothing to probe).
     */
    public static int guessIndex(List<Long> grid, long bytes) {
        for (int i = 0; bytes > 0 && i < grid.size() - 1; i++) {
            if (grid.get(i) >= bytes) {
                return i;
            }
        }
        return -1;
    }

    /** The grid index a confirmation moves to after its {@code climbs}-th failure, from index {@code i}. */
    static int next(List<Long> grid, int i, int climbs) {
        if (climbs <= SINGLE_STEPS_UP) {
            return i + 1;
        }
        int j = i + 1;
        while (j < grid.size() && grid.get(j) < grid.get(i) * (1 + LARGE_STEP)) {
            j++;
        }
        return j;
    }
}
