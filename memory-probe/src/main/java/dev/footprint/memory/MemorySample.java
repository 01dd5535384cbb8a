package dev.footprint.memory;

import java.util.OptionalLong;

/**
 * One reading of a cgroup's memory accounting.
 *
 * @param usage bytes charged to the cgroup, page cache included (v2 memory.current, v1 memory.usage_in_bytes)
 * @param activeFile page cache on the active list (memory.stat active_file / total_active_file)
 * @param inactiveFile page cache the kernel can reclaim first (memory.stat inactive_file / total_inactive_file)
 * @param mappedFile page cache mapped into a process: executables, libraries, jars, an AOT cache
 *        (v2 file_mapped, v1 total_mapped_file)
 * @param maxUsage the high-water mark of usage where the kernel keeps one (v1 memory.max_usage_in_bytes,
 *        v2 memory.peak on kernels from 5.19)
 * @param limit the memory limit, empty when there is none
 */
public record MemorySample(long usage, long activeFile, long inactiveFile, long mappedFile, OptionalLong maxUsage,
        OptionalLong limit) {

    /** What the kubelet evicts on and what {@code kubectl top} shows: usage minus inactive file cache. */
    public long workingSet() {
        return Math.max(0, usage - inactiveFile);
    }
}
