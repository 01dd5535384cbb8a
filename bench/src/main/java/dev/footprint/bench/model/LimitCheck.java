package dev.footprint.bench.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Verdict;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.TargetResult;

/**
 * Whether a target serves at full speed at a given limit: one fresh container from a cold page cache at
 * that limit, the standard phases (50 and 200 connections on its path, then its allocation endpoint),
 * judged as the needed-limit search judges a confirmation: against runs at the reference limit just
 * before and after it (the host's speed drifts, docs/decisions/bracketed-references.md).
 */
public final class LimitCheck {

    private LimitCheck() {
    }

    /**
     * @param run the bench run the limit was sized from
     * @param requestsPerSecond each loaded phase's req/s at the checked limit
     * @param referenceRequestsPerSecond the mean req/s of the same phase in the runs at the reference limit beside it
     * @param firstTry why an earlier run at the limit failed on req/s alone, after which this one decided, as the
     *        search's probes and confirmations are run again; null when the first run decided
     */
    public record Result(String run, long limitBytes, long referenceLimitBytes, boolean pass, String why,
            Map<Phase, Double> requestsPerSecond, Map<Phase, Double> referenceRequestsPerSecond, String firstTry) {

        public Result(String run, long limitBytes, long referenceLimitBytes, boolean pass, String why,
                Map<Phase, Double> requestsPerSecond, Map<Phase, Double> referenceRequestsPerSecond) {
            this(run, limitBytes, referenceLimitBytes, pass, why, requestsPerSecond, referenceRequestsPerSecond, null);
        }

        /** This result, decided by a second run after {@code first} failed on req/s alone. */
        public Result after(Result first) {
            return new Result(run, limitBytes, referenceLimitBytes, pass, why, requestsPerSecond, referenceRequestsPerSecond,
                    first.why());
        }

        /** "passed: c50 98%, c200 96%, work 101% of 256 MiB", or the reason it failed. */
        public String summary() {
            StringJoiner shares = new StringJoiner(", ");
            for (Phase p : Phase.LOADED) {
                Double at = requestsPerSecond.get(p);
                Double ref = referenceRequestsPerSecond.get(p);
                if (at != null && ref != null && ref > 0) {
                    shares.add(String.format(Locale.ROOT, "%s %.0f%%", p, 100 * at / ref));
                }
            }
            String verdict = pass ? "passed" : "failed, " + why;
            String text = shares.length() == 0 ? verdict : verdict + ": " + shares + " of " + (referenceLimitBytes >> 20) + " MiB";
            return firstTry == null ? text : text + " (a second run; the first was slow: " + firstTry + ")";
        }
    }

    /** A check that could not be judged: a run broke, or the run at the reference limit before it failed. */
    public static Result failed(TargetResult measured, long limitBytes, String why) {
        return new Result(measured.run().runId(), limitBytes, measured.run().settings().memoryLimitBytes(), false, why, Map.of(),
                Map.of());
    }

    /**
     * Judges {@code rep}, run at {@code limitBytes}, against {@code beside}, the runs at {@code measured}'s reference
     * limit just before and after it with the same phases.
     */
    public static Result judge(TargetResult measured, long limitBytes, Repetition rep, List<Repetition> beside) {
        long referenceLimit = measured.run().settings().memoryLimitBytes();
        Reference ref = Reference.of(referenceLimit, beside);
        Verdict v = NeededLimit.judge(rep, ref);
        Map<Phase, Double> rates = new EnumMap<>(Phase.class);
        for (Phase p : Phase.LOADED) {
            PhaseResult phase = rep.phase(p);
            if (phase != null && phase.load() != null) {
                rates.put(p, phase.load().requestsPerSecond());
            }
        }
        return new Result(measured.run().runId(), limitBytes, referenceLimit, v.pass(), v.why(), rates, ref.requestsPerSecond());
    }
}
