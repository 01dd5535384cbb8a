package dev.footprint.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A process's resident memory from procfs: RSS (what {@code ps} and {@code top} show, shared pages
 * counted in full) and PSS (shared pages split between the processes that map them, so a sum over
 * a container's processes is not double counted).
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS from /proc/PID/status, in bytes; empty when it cannot be read. */
    public static OptionalLong rss(Path procDir) {
        return kibField(procDir.resolve("status"), "VmRSS:");
    }

    /** RssAnon from /proc/PID/status: private and copy-on-write memory (heaps, stacks, malloc), in bytes. */
    public static OptionalLong rssAnon(Path procDir) {
        return kibField(procDir.resolve("status"), "RssAnon:");
    }

    /** RssFile from /proc/PID/status: resident pages of mapped files (the executable, libraries, jars, archives), in bytes. */
    public static OptionalLong rssFile(Path procDir) {
        return kibField(procDir.resolve("status"), "RssFile:");
    }

    /** RssShmem from /proc/PID/status: shared memory, tmpfs and shared anonymous mappings, in bytes. */
    public static OptionalLong rssShmem(Path procDir) {
        return kibField(procDir.resolve("status"), "RssShmem:");
    }

    /** Pss from /proc/PID/smaps_rollup (Linux 4.14+), in bytes; empty when it cannot be read. */
    public static OptionalLong pss(Path procDir) {
        return kibField(procDir.resolve("smaps_rollup"), "Pss:");
    }

    /** Threads from /proc/PID/status; empty when it cannot be read. */
    public static OptionalLong threads(Path procDir) {
        for (String line : lines(procDir.resolve("status"))) {
            if (line.startsWith("Threads:")) {
                return OptionalLong.of(Long.parseLong(line.substring("Threads:".length()).trim()));
            }
        }
        return OptionalLong.empty();
    }

    /** A "Key:   1234 kB" line, in bytes. */
    private static OptionalLong kibField(Path file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim();
                int unit = value.indexOf(' ');
                return OptionalLong.of(Long.parseLong(unit < 0 ? value : value.substring(0, unit)) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
