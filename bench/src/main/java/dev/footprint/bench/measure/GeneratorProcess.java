package dev.footprint.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a load generator is started: pinned to its own cores (taskset), so it does not take the
 * measured container's, and under GNU time, so each phase records the CPU it used and a phase the
 * generator could not drive harder is marked as such.
 */
public final class GeneratorProcess {

    public static final String TIME = "/usr/bin/time";
    private static final Pattern CPU = Pattern.compile("(?m)^footprint-generator-cpu ([\\d.]+) ([\\d.]+)$");

    /** The cores, as taskset -c takes them, or null to leave the generator unpinned. */
    private final String cpus;

    public GeneratorProcess(String cpus) {
        this.cpus = cpus;
    }

    List<String> command(List<String> generator) {
        List<String> timed = new ArrayList<>(List.of(TIME, "-f", "footprint-generator-cpu %U %S"));
        timed.addAll(generator);
        return pinned(timed);
    }

    /** The command on the generator's cores, for a generator that measures its own CPU time. */
    List<String> pinned(List<String> generator) {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.addAll(generator);
        return cmd;
    }

    /** User + system seconds GNU time printed on standard error, NaN when it printed none. */
    static double cpuSeconds(String stderr) {
        Matcher m = CPU.matcher(stderr);
        double seconds = Double.NaN;
        while (m.find()) {
            seconds = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        }
        return seconds;
    }
}
