package dev.footprint.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The locked-down run flags, written once in images/locked-down.args (read-only root, a small /tmp tmpfs, no
 * capabilities, no privilege gain, a non-root user): the checks, the hostile suite and the shutdown test run images
 * with them, and so does the bench with --locked-down.
 */
public final class LockedDown {

    public static final Path FILE = Path.of("images/locked-down.args");

    private LockedDown() {
    }

    /** One engine argument per line; blank lines and # comments skipped. */
    public static List<String> flags(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the locked-down flags (" + file + "): run the bench from the project root", e);
        }
    }
}
