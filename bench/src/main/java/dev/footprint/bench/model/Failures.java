package dev.footprint.bench.model;

/** How a failed run is named in results and tables: one line, since the rest (a container's log) is long. */
public final class Failures {

    private Failures() {
    }

    /** The first line of the exception's message, or its class where it has none. */
    public static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m.lines().findFirst().orElse(m);
    }
}
