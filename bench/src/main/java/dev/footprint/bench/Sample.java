package dev.footprint.bench;

/**
 * One reading of a container's memory, {@code tMs} after its first 200 response. Bytes; -1 where
 * the value could not be read (a process gone between listing and reading it).
 */
public record Sample(long tMs, String phase, long workingSet, long usage, long rss, long pss, long threads) {

    static final String[] FIELDS = { "tMs", "phase", "workingSet", "usage", "rss", "pss", "threads" };

    Object[] toRow() {
        return new Object[] { tMs, phase, workingSet, usage, rss, pss, threads };
    }

    static Sample fromRow(Object[] row) {
        return new Sample(num(row[0]), (String) row[1], num(row[2]), num(row[3]), num(row[4]), num(row[5]), num(row[6]));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
