package dev.footprint.bench.model;

import java.util.Locale;

/** Memory sizes as the options and the overlays give them: 256m, 1g, 512Mi, 4096 (bytes). */
public final class Bytes {

    private Bytes() {
    }

    public static long parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("g") || v.endsWith("gi")) {
            unit = 1L << 30;
        } else if (v.endsWith("m") || v.endsWith("mi")) {
            unit = 1L << 20;
        } else if (v.endsWith("k") || v.endsWith("ki")) {
            unit = 1L << 10;
        }
        String digits = v.replaceAll("[a-z]+$", "");
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (e.g. 256m, 1g)");
        }
    }
}
