package dev.footprint.bench.model;

import java.util.List;

/** The phases of one repetition, in the order they run; the names are the result files' keys. */
public enum Phase {
    /** From {@code run} to the first 200: sampling starts with the container. */
    startup,
    idle,
    /** 50 connections on the measured path, for a fixed time. */
    c50,
    /** 200 connections on the measured path, for a fixed time. */
    c200,
    /** The allocation endpoint at 50 connections, for a fixed number of requests. */
    work,
    cooldown,
    /** bench soak's one long phase: mixed / and /work at the overlay's limit. */
    soak;

    /** The phases with load, whose req/s the needed-limit search holds to the 256 MiB figure. */
    public static final List<Phase> LOADED = List.of(c50, c200, work);
}
