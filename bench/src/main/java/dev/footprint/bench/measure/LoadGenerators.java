package dev.footprint.bench.measure;

import java.net.InetSocketAddress;
import java.time.Duration;

/** wrk for the timed phases, hey for the count-bound one, the open loop (a JVM of its own) for the fixed-rate ones. */
public record LoadGenerators(Wrk wrk, Hey hey, OpenLoopProcess openLoop) {

    /** Requests open at once in an open-loop phase: its connections (a stalled server makes them all wait). */
    static final int OPEN_LOOP_CONNECTIONS = 256;
    /** The open loop's own JIT warm-up, on the same schedule, before each fixed-rate phase. */
    static final Duration OPEN_LOOP_WARMUP = Duration.ofSeconds(5);

    /** @param cpus the cores, as taskset -c takes them, or null to leave the generators unpinned */
    public static LoadGenerators pinned(String wrkExecutable, String heyExecutable, String cpus) {
        return pinned(wrkExecutable, heyExecutable, cpus, 1, null);
    }

    /**
     * @param timeScale how many times longer the open loop's JVM may take to start than on a host (emulated: 10)
     * @param relay where the open loop's phases run ({@link OpenLoopRelay}), or null for a JVM of their own here
     */
    public static LoadGenerators pinned(String wrkExecutable, String heyExecutable, String cpus, int timeScale, InetSocketAddress relay) {
        GeneratorProcess process = new GeneratorProcess(cpus);
        return new LoadGenerators(new Wrk(wrkExecutable, process), new Hey(heyExecutable, process), new OpenLoopProcess(process,
                OPEN_LOOP_CONNECTIONS, OPEN_LOOP_WARMUP, OpenLoopProcess.START_ALLOWANCE.multipliedBy(timeScale), relay));
    }
}
