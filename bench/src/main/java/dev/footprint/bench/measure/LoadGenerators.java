package dev.footprint.bench.measure;

/** wrk for the timed phases and hey for the count-bound one, run on the same cores. */
public record LoadGenerators(Wrk wrk, Hey hey) {

    /** @param cpus the cores, as taskset -c takes them, or null to leave the generators unpinned */
    public static LoadGenerators pinned(String wrkExecutable, String heyExecutable, String cpus) {
        GeneratorProcess process = new GeneratorProcess(cpus);
        return new LoadGenerators(new Wrk(wrkExecutable, process), new Hey(heyExecutable, process));
    }
}
