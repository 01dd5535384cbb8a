package dev.footprint.bench.model;

import java.util.List;

/**
 * One reading of a container's memory, {@code tMs} after the bench started it (results before
 * sampling began with the container: after its first 200). Bytes; -1 where the value could not
 * be read (a process gone between listing and reading it, a figure the kernel does not have).
 */
public record Sample(long tMs, Phase phase, long workingSet, long usage, long rss, long pss, long threads,
        long rssAnon, long rssFile, long rssShmem, long activeFile, long inactiveFile, long mappedFile) {

    public static final String[] FIELDS = { "tMs", "phase", "workingSet", "usage", "rss", "pss", "threads", "rssAnon",
            "rssFile", "rssShmem", "activeFile", "inactiveFile", "mappedFile" };

    public Sample(long tMs, Phase phase, long workingSet, long usage, long rss, long pss, long threads) {
        this(tMs, phase, workingSet, usage, rss, pss, threads, -1, -1, -1, -1, -1, -1);
    }

    public Object[] toRow() {
        return new Object[] { tMs, phase == null ? null : phase.name(), workingSet, usage, rss, pss, threads, rssAnon, rssFile, rssShmem, activeFile,
                inactiveFile, mappedFile };
    }

    /** A row of a result file, by the field names the file lists: older files have fewer. */
    public static Sample fromRow(List<String> fields, Object[] row) {
        long[] v = new long[FIELDS.length];
        Phase phase = null;
        for (int i = 0; i < FIELDS.length; i++) {
            int at = fields.indexOf(FIELDS[i]);
            if (i == 1) {
                phase = at >= 0 ? Phase.valueOf((String) row[at]) : null;
            } else {
                v[i] = at >= 0 && at < row.length ? ((Number) row[at]).longValue() : -1;
            }
        }
        return new Sample(v[0], phase, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }
}
