package dev.footprint.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory files of one cgroup directory, v1 or v2. {@link #read()} reads them each time it is
 * called; nothing is cached.
 */
public final class CgroupMemory {

    /** cgroup v1 writes "no limit" as a huge number rounded down to the page size; anything this large is none. */
    private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

    private final Path dir;
    private final CgroupVersion version;

    public CgroupMemory(Path dir, CgroupVersion version) {
        this.dir = dir;
        this.version = version;
    }

    public Path dir() {
        return dir;
    }

    public CgroupVersion version() {
        return version;
    }

    /**
     * The cgroup of this process, found through /proc/self/cgroup and /proc/self/mountinfo under
     * {@code root} ("/" in production, a fixture directory in tests); empty when there is no readable one.
     */
    public static Optional<CgroupMemory> ofSelf(Path root) {
        return CgroupLocator.locate(root, "self");
    }

    /** The cgroup of process {@code pid} as seen from this process's mount namespace, e.g. a container's. */
    public static Optional<CgroupMemory> ofProcess(Path root, long pid) {
        return CgroupLocator.locate(root, Long.toString(pid));
    }

    public MemorySample read() {
        return switch (version) {
            case V2 -> new MemorySample(
                    number("memory.current"),
                    statOr("active_file"),
                    stat("inactive_file"),
                    statOr("file_mapped"),
                    optionalNumber("memory.peak"),
                    optionalNumber("memory.max"));
            case V1 -> {
                OptionalLong limit = optionalNumber("memory.limit_in_bytes");
                yield new MemorySample(
                        number("memory.usage_in_bytes"),
                        statOr("total_active_file"),
                        stat("total_inactive_file"),
                        statOr("total_mapped_file"),
                        optionalNumber("memory.max_usage_in_bytes"),
                        limit.isPresent() && limit.getAsLong() >= V1_UNLIMITED ? OptionalLong.empty() : limit);
            }
        };
    }

    /**
     * How many times the kernel's OOM killer killed a process in this cgroup (v2 memory.events,
     * v1 memory.oom_control; Linux 4.13+), or empty when the kernel does not say.
     */
    public OptionalLong oomKills() {
        Path file = dir.resolve(version == CgroupVersion.V2 ? "memory.events" : "memory.oom_control");
        if (!Files.isReadable(file)) {
            return OptionalLong.empty();
        }
        for (String line : readLines(file)) {
            if (line.startsWith("oom_kill ")) {
                return OptionalLong.of(Long.parseLong(line.substring("oom_kill ".length()).trim()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Restarts the kernel's high-water mark of usage, so the next {@link #read()} reports the peak since now:
     * v1 by writing 0 to memory.max_usage_in_bytes. v2's memory.peak resets only for the file descriptor that
     * wrote it (Linux 6.12+), so there it stays the peak since the cgroup was made. False when nothing was reset.
     */
    public boolean resetPeak() {
        if (version != CgroupVersion.V1) {
            return false;
        }
        try {
            Files.writeString(dir.resolve("memory.max_usage_in_bytes"), "0");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The processes in this cgroup (cgroup.procs). */
    public List<Long> pids() {
        return readLines(dir.resolve("cgroup.procs")).stream()
                .map(String::trim).filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
    }

    /** True when the usage file can be read now. */
    public boolean readable() {
        return Files.isReadable(dir.resolve(version == CgroupVersion.V2 ? "memory.current" : "memory.usage_in_bytes"));
    }

    private long number(String file) {
        return Long.parseLong(readFirstLine(dir.resolve(file)));
    }

    /** A number, or empty when the file is missing or says "max". */
    private OptionalLong optionalNumber(String file) {
        Path p = dir.resolve(file);
        if (!Files.isReadable(p)) {
            return OptionalLong.empty();
        }
        String v = readFirstLine(p);
        return v.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    /** A memory.stat figure an older kernel may not have, or -1. */
    private long statOr(String key) {
        try {
            return stat(key);
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private long stat(String key) {
        List<String> lines = readLines(dir.resolve("memory.stat"));
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).equals(key)) {
                return Long.parseLong(line.substring(space + 1).trim());
            }
        }
        throw new IllegalStateException(dir.resolve("memory.stat") + " has no " + key);
    }

    private static String readFirstLine(Path p) {
        List<String> lines = readLines(p);
        if (lines.isEmpty()) {
            throw new IllegalStateException(p + " is empty");
        }
        return lines.get(0).trim();
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
