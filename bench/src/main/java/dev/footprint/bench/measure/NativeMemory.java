package dev.footprint.bench.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's Native Memory Tracking summary, read from the host with jcmd ({@code VM.native_memory summary}): HotSpot's
 * attach mechanism reaches a container's JVM through /proc/PID/root, so the image needs no jcmd and no shell.
 */
final class NativeMemory {

    /** "-   Java Heap (reserved=32768KB, committed=17408KB)": one category; newer JDKs may add ", peak=..." inside. */
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB[,)].*");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB.*");
    /** The key the summary's total is kept under, first. */
    static final String TOTAL_KEY = "Total";

    private NativeMemory() {
    }

    /**
     * The committed bytes by category of the JVM with host pid {@code pid}.
     *
     * @throws IllegalStateException with jcmd's message where it fails (NMT off, the JVM gone or not attachable)
     */
    static Map<String, Long> read(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String out = Processes.check(List.of(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=KB"),
                Duration.ofSeconds(20));
        Map<String, Long> summary = parse(out.lines().toList());
        if (summary.isEmpty()) {
            throw new IllegalStateException("jcmd " + pid + " VM.native_memory gave no summary: " + out.replace('\n', ' '));
        }
        return summary;
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher t = TOTAL.matcher(line.trim());
            if (t.matches()) {
                out.put(TOTAL_KEY, Long.parseLong(t.group(2)) * 1024);
                continue;
            }
            Matcher m = CATEGORY.matcher(line.trim());
            if (m.matches()) {
                out.put(m.group(1).trim(), Long.parseLong(m.group(3)) * 1024);
            }
        }
        return out;
    }
}
