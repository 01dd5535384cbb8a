package dev.footprint.bench.measure;

/** wrk for the timed phases, hey for the count-bound one, the in-process open loop for the fixed-rate ones. */
public record LoadGenerators(Wrk wrk, Hey hey, OpenLoop openLoop) {

    /** Requests open at once in an open-loop phase: its connections (a stalled server makes them all wait). */
    static final int OPEN_LOOP_CONNECTIONS = 256;

    /** @param cpus the cores, as taskset -c takes them, or null to leave the generators unpinned */
    public static LoadGenerators pinned(String wrkExecutable, String heyExecutable, String cpus) {
        GeneratorProcess process = new GeneratorProcess(cpus);
        // the open loop runs in the bench's own JVM, which run.sh pins with the generators
        return new LoadGenerators(new Wrk(wrkExecutable, process), new Hey(heyExecutable, process), new OpenLoop(OPEN_LOOP_CONNECTIONS));
    }
}
