package dev.footprint.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A process's mappings with their resident memory, from /proc/PID/smaps: what {@link ProcessMemory}'s totals are
 * made of. Reading smaps walks the page tables, so it is for snapshots, not for every sample.
 */
public final class Mappings {

    /** "start-end perms offset dev inode [path]": the line that opens each mapping's block. */
    private static final Pattern HEADER = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ [-rwxps]{4} .*");

    private Mappings() {
    }

    /**
     * One mapping.
     *
     * @param path the mapped file's path as the process sees it, a kernel name in brackets ({@code [heap]},
     *        {@code [stack]}, {@code [vdso]}), or empty for anonymous memory
     * @param perms r, w, x and p (private) or s (shared), as smaps gives them
     * @param rss resident bytes
     * @param pss resident bytes with each page shared with other processes split between them
     * @param anonymous the resident bytes not backed by the file: anonymous memory, and the private copies a
     *        process wrote into a file mapping (relocations, a CDS archive's writable part)
     * @param swap bytes swapped out
     */
    public record Mapping(String path, String perms, long rss, long pss, long anonymous, long swap) {
    }

    /** The mappings in /proc/PID/smaps; empty when it cannot be read (the process is gone, or not ours to read). */
    public static List<Mapping> read(Path procDir) {
        try {
            // paths are bytes, not necessarily UTF-8: Latin-1 reads any of them
            return parse(Files.readAllLines(procDir.resolve("smaps"), StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** The path of the process's executable as it sees it (inside its container), if the link can be read. */
    public static Optional<String> executable(Path procDir) {
        try {
            return Optional.of(Files.readSymbolicLink(procDir.resolve("exe")).toString());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static List<Mapping> parse(List<String> lines) {
        List<Mapping> out = new ArrayList<>();
        String path = null;
        String perms = null;
        long rss = 0;
        long pss = 0;
        long anonymous = 0;
        long swap = 0;
        for (String line : lines) {
            if (HEADER.matcher(line).matches()) {
                if (path != null) {
                    out.add(new Mapping(path, perms, rss, pss, anonymous, swap));
                }
                // the path may hold spaces: it is whatever follows the five fixed fields
                String[] f = line.split("\\s+", 6);
                perms = f[1];
                path = f.length > 5 ? f[5].trim() : "";
                rss = 0;
                pss = 0;
                anonymous = 0;
                swap = 0;
            } else if (line.startsWith("Rss:")) {
                rss = kib(line);
            } else if (line.startsWith("Pss:")) {
                pss = kib(line);
            } else if (line.startsWith("Anonymous:")) {
                anonymous = kib(line);
            } else if (line.startsWith("Swap:")) {
                swap = kib(line);
            }
        }
        if (path != null) {
            out.add(new Mapping(path, perms, rss, pss, anonymous, swap));
        }
        return out;
    }

    private static long kib(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        int unit = value.indexOf(' ');
        return Long.parseLong(unit < 0 ? value : value.substring(0, unit)) * 1024;
    }
}
