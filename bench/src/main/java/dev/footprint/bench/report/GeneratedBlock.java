package dev.footprint.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A generated part of a hand-written document, between {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}: the bench rewrites what is between the markers and nothing else.
 */
public final class GeneratedBlock {

    private GeneratedBlock() {
    }

    /** @param command the command that regenerates the block, named in its marker */
    public static void replace(Path file, String name, String command, String content) {
        replaceAll(file, command, Map.of(name, content));
    }

    /** Every block named in {@code blocks} (name to content), the file read and written once. */
    static void replaceAll(Path file, String command, Map<String, String> blocks) {
        try {
            String text = Files.readString(file);
            for (Map.Entry<String, String> block : blocks.entrySet()) {
                text = replaced(file, text, block.getKey(), command, block.getValue());
            }
            Files.writeString(file, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String replaced(Path file, String text, String name, String command, String content) {
        String begin = "<!-- generated:" + name + " (" + command + "; do not edit by hand) -->";
        String end = "<!-- /generated:" + name + " -->";
        int b = text.indexOf("<!-- generated:" + name + " ");
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalStateException(file + " has no block '" + name + "' to generate into");
        }
        return text.substring(0, b) + begin + "\n" + content.strip() + "\n" + text.substring(e);
    }
}
