package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.Region;
import dev.footprint.bench.model.Residency;

class ResidenciesTest {

    private static final long KIB = 1024;

    /** A process in a fixture procfs: its executable link and a smaps of the given blocks. */
    private static void process(Path proc, long pid, String exe, String smaps) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
        Files.writeString(dir.resolve("smaps"), smaps);
    }

    private static String block(String header, long rssKib, long anonKib) {
        return header + "\nSize: 9999 kB\nRss: " + rssKib + " kB\nPss: " + rssKib + " kB\nAnonymous: " + anonKib
                + " kB\nSwap: 0 kB\nVmFlags: rd\n";
    }

    @Test
    void sumsEveryProcesssMappingsByRegion(@TempDir Path proc) throws Exception {
        // two workers of one executable, as php-fpm runs: each one's pages count (RSS, not PSS)
        String smaps = block("55d0-55e0 r-xp 00001000 00:29 11 /usr/sbin/php-fpm8.4", 3000, 0)
                + block("55e0-55f0 rw-p 00002000 00:29 11 /usr/sbin/php-fpm8.4", 200, 150)
                + block("7f00-7f10 rw-p 00000000 00:00 0", 5000, 5000)
                + block("7f10-7f20 r-xp 00000000 00:29 12 /usr/lib/x86_64-linux-gnu/libc.so.6", 1500, 0)
                + block("7f20-7f30 r--p 00000000 00:29 13 /usr/lib/untouched.so", 0, 0);
        process(proc, 10, "/usr/sbin/php-fpm8.4", smaps);
        process(proc, 11, "/usr/sbin/php-fpm8.4", smaps);

        Residency r = Residencies.read(proc, List.of(10L, 11L), 1234, false);

        assertEquals(1234, r.atMs());
        assertEquals(6000 * KIB, r.rss(Region.executableCode));
        assertEquals(400 * KIB, r.rss(Region.executableWritable));
        assertEquals(300 * KIB, r.anonymous().get(Region.executableWritable));
        assertEquals(10_000 * KIB, r.rss(Region.anonymous));
        assertEquals(3000 * KIB, r.rss(Region.sharedLibraries));
        assertEquals(2 * (3000 + 200 + 5000 + 1500) * KIB, r.totalRss());
        assertEquals(r.totalRss(), r.totalPss(), "the fixture's Pss equals its Rss");
        assertNull(r.anonymous().get(Region.executableCode), "no anonymous part recorded where there is none");
        assertEquals(4, r.rss().size(), "a region with nothing resident is left out");
        assertNull(r.nativeMemory(), "NMT was not asked for");
    }

    @Test
    void goneProcessesGiveNoResidency(@TempDir Path proc) {
        assertNull(Residencies.read(proc, List.of(99L), 0, false), "not a residency of zeros, which would pull a median down");
    }
}
