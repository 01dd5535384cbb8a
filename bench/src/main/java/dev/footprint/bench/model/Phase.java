package dev.footprint.bench.model;

import java.util.List;

/** The phases of one repetition, in the order they run; the names are the result files' keys. */
public enum Phase {
    /** From {@code run} to the first 200: sampling starts with the container. */
    startup,
    idle,
    /**
     * 50 connections on the measured path before c50, for the run's warm-up time: a JIT compiles the hot path
     * here, so c50 and c200 measure compiled code. The needed-limit search judges its errors, not its speed.
     */
    warmup,
    /** 50 connections on the measured path, for a fixed time. */
    c50,
    /** 200 connections on the measured path, for a fixed time. */
    c200,
    /** The allocation endpoint at 50 connections, for a fixed number of requests. */
    work,
    /** The measured path at 1,000 req/s, open loop ({@code OpenLoop}), for a fixed time. */
    rate1k,
    /** The measured path at 5,000 req/s, open loop. */
    rate5k,
    /** The allocation endpoint at 200 req/s, open loop. */
    workRate,
    cooldown,
    /** bench soak's one long phase: mixed / and /work at the overlay's limit. */
    soak;

    /** The phases with load, whose req/s the needed-limit search holds to the 256 MiB figure. */
    public static final List<Phase> LOADED = List.of(c50, c200, work);

    /** The phases whose load is a number of connections (wrk, hey): their req/s is the machine's speed as much as the target's. */
    public static final List<Phase> CLOSED_LOOP = List.of(warmup, c50, c200, work);

    /** The open-loop phases: latency at a fixed rate, a stalled server charged for what it held up. */
    public static final List<Phase> FIXED_RATE = List.of(rate1k, rate5k, workRate);

    /** Requests per second an open-loop phase sends (before a run's {@code --rate-scale}); 0 for the others. */
    public int perSecond() {
        return switch (this) {
            case rate1k -> 1000;
            case rate5k -> 5000;
            case workRate -> 200;
            default -> 0;
        };
    }

    /** Whether the phase loads the target's allocation endpoint rather than its measured path. */
    public boolean onWorkPath() {
        return this == work || this == workRate;
    }
}
