package dev.footprint.bench.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a container's resident memory sat at one moment, summed over its processes: RSS, PSS and the anonymous part
 * by {@link Region}, from /proc/PID/smaps; for a JVM started with -XX:NativeMemoryTracking, also its NMT summary.
 * The bench reads one at the end of the idle phase and one late in the 200-connection phase, under load.
 *
 * @param atMs when, from the container's start
 * @param rss resident bytes by region; the regions sum to the processes' RSS (a page two processes share counted in each)
 * @param pss the same with each shared page split between the processes that map it
 * @param anonymous the anonymous part of each region's resident bytes
 * @param nativeMemory NMT's committed bytes by its category, in NMT's order, or null where NMT was off or not read:
 *        committed is what the JVM asked the OS for, not what is resident, so its heap can exceed the RSS it causes
 * @param heap what the service's runtime reports of its collected heap, by memory pool (the JVM's and the native
 *        image's garbage collector alike, through Micrometer's {@code jvm_memory_*_bytes{area="heap"}} at /q/metrics),
 *        or null for a target that serves no such metrics
 */
public record Residency(long atMs, Map<Region, Long> rss, Map<Region, Long> pss, Map<Region, Long> anonymous,
        Map<String, Long> nativeMemory, Map<String, HeapPool> heap) {

    /** One memory pool of the collected heap: the bytes live objects use, and the bytes the collector holds for it. */
    public record HeapPool(long usedBytes, long committedBytes) {
    }

    public Residency(long atMs, Map<Region, Long> rss, Map<Region, Long> pss, Map<Region, Long> anonymous,
            Map<String, Long> nativeMemory) {
        this(atMs, rss, pss, anonymous, nativeMemory, null);
    }

    public Residency {
        // EnumMaps: the result files list the regions in one order, Region's
        rss = byRegion(rss);
        pss = byRegion(pss);
        anonymous = byRegion(anonymous);
        nativeMemory = nativeMemory == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(nativeMemory));
        heap = heap == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(heap));
    }

    /** This residency with what the runtime reported of its heap. */
    public Residency withHeap(Map<String, HeapPool> pools) {
        return new Residency(atMs, rss, pss, anonymous, nativeMemory, pools);
    }

    private static Map<Region, Long> byRegion(Map<Region, Long> m) {
        Map<Region, Long> out = new EnumMap<>(Region.class);
        if (m != null) {
            out.putAll(m);
        }
        return Collections.unmodifiableMap(out);
    }

    public long totalRss() {
        return rss.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalPss() {
        return pss.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rss(Region r) {
        return rss.getOrDefault(r, 0L);
    }
}
