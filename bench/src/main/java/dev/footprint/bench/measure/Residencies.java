package dev.footprint.bench.measure;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.footprint.bench.model.Region;
import dev.footprint.bench.model.Residency;
import dev.footprint.memory.Mappings;
import dev.footprint.memory.Mappings.Mapping;

/** Reads a container's {@link Residency}: every process's mappings by region, and a tracking JVM's NMT summary. */
final class Residencies {

    private Residencies() {
    }

    /**
     * @param procRoot where procfs is mounted ("/proc"; a fixture in tests)
     * @param pids the container's processes (host pids)
     * @param nativeMemory whether to read NMT's summary, from the process whose executable is a {@code java} launcher
     * @return null where nothing of the processes could be read (they are gone)
     */
    static Residency read(Path procRoot, List<Long> pids, long atMs, boolean nativeMemory) {
        Map<Region, Long> rss = new EnumMap<>(Region.class);
        Map<Region, Long> pss = new EnumMap<>(Region.class);
        Map<Region, Long> anonymous = new EnumMap<>(Region.class);
        long jvm = -1;
        for (long pid : pids) {
            Path proc = procRoot.resolve(Long.toString(pid));
            String exe = Mappings.executable(proc).orElse("");
            if (jvm < 0 && exe.endsWith("/java")) {
                jvm = pid;
            }
            for (Mapping m : Mappings.read(proc)) {
                if (m.rss() == 0) {
                    continue;
                }
                Region r = Region.of(m.path(), m.perms(), exe);
                rss.merge(r, m.rss(), Long::sum);
                pss.merge(r, m.pss(), Long::sum);
                if (m.anonymous() > 0) {
                    anonymous.merge(r, m.anonymous(), Long::sum);
                }
            }
        }
        if (rss.isEmpty()) {
            return null;
        }
        Map<String, Long> nmt = null;
        if (nativeMemory && jvm < 0) {
            System.err.println("no NMT summary: no process of " + pids + " runs a java launcher");
        } else if (nativeMemory) {
            try {
                nmt = NativeMemory.read(jvm);
            } catch (RuntimeException e) {
                // the residency stands without it; the run's output says why it is missing
                System.err.println("no NMT summary: " + e.getMessage());
            }
        }
        return new Residency(atMs, rss, pss, anonymous, nmt);
    }
}
