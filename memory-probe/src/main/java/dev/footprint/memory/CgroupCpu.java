package dev.footprint.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cgroup's CPU accounting: the time its processes ran and how often the CFS quota throttled them
 * (v1 cpu.stat and cpuacct.usage of the cpu,cpuacct controller; v2 cpu.stat).
 */
public final class CgroupCpu {

    /** Cumulative counters since the cgroup was made; usage -1 where the kernel does not give it. */
    public record Reading(long usageNanos, long periods, long throttledPeriods, long throttledNanos) {

        public Reading minus(Reading earlier) {
            return new Reading(usageNanos < 0 || earlier.usageNanos < 0 ? -1 : usageNanos - earlier.usageNanos, periods - earlier.periods,
                    throttledPeriods - earlier.throttledPeriods, throttledNanos - earlier.throttledNanos);
        }
    }

    private final Path dir;
    private final CgroupVersion version;
    /** v1: where cpuacct.usage is, beside cpu.stat on systemd hosts, in a hierarchy of its own on others; else null. */
    private final Path usageDir;

    private CgroupCpu(Path dir, CgroupVersion version, Path usageDir) {
        this.dir = dir;
        this.version = version;
        this.usageDir = usageDir;
    }

    /** The CPU cgroup of this process under {@code root} ("/" in production, a fixture directory in tests). */
    public static Optional<CgroupCpu> ofSelf(Path root) {
        return locate(root, "self");
    }

    /** The CPU cgroup of process {@code pid} as seen from this process's mount namespace; empty when none is readable. */
    public static Optional<CgroupCpu> ofProcess(Path root, long pid) {
        return locate(root, Long.toString(pid));
    }

    private static Optional<CgroupCpu> locate(Path root, String pid) {
        return CgroupLocator.locate(root, pid, "cpu", "cpu.stat", "cpu.stat").map(d -> new CgroupCpu(d.dir(), d.version(),
                d.version() == CgroupVersion.V2 ? null
                        : CgroupLocator.locate(root, pid, "cpuacct", "cpuacct.usage", "cpu.stat")
                                .filter(u -> u.version() == CgroupVersion.V1).map(CgroupLocator.Dir::dir).orElse(null)));
    }

    public Path dir() {
        return dir;
    }

    public Reading read() {
        Map<String, Long> stat = keyed(dir.resolve("cpu.stat"));
        return switch (version) {
            case V2 -> new Reading(stat.getOrDefault("usage_usec", 0L) * 1000, stat.getOrDefault("nr_periods", 0L),
                    stat.getOrDefault("nr_throttled", 0L), stat.getOrDefault("throttled_usec", 0L) * 1000);
            case V1 -> new Reading(v1Usage(), stat.getOrDefault("nr_periods", 0L), stat.getOrDefault("nr_throttled", 0L),
                    stat.getOrDefault("throttled_time", 0L));
        };
    }

    private long v1Usage() {
        if (usageDir == null) {
            return -1;
        }
        Path usage = usageDir.resolve("cpuacct.usage");
        try {
            return Files.isReadable(usage) ? Long.parseLong(Files.readString(usage).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, Long> keyed(Path file) {
        Map<String, Long> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2) {
                    m.put(f[0], Long.parseLong(f[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a cgroup that went away: no figures
        }
        return m;
    }

    @Override
    public String toString() {
        return dir + " (" + version + ")";
    }

}
