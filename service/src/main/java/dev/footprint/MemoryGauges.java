package dev.footprint;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import dev.footprint.memory.CgroupMemory;
import dev.footprint.memory.MemorySample;
import dev.footprint.memory.ProcessMemory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the container really costs, next to the JVM's own view of its heap:
 * <ul>
 * <li>{@code process_resident_memory_bytes}: this process's RSS (/proc/self/status);</li>
 * <li>{@code cgroup_memory_working_set_bytes}: the container's working set, usage minus inactive file
 * cache, which is what the kubelet evicts on and {@code kubectl top} shows;</li>
 * <li>{@code cgroup_memory_usage_bytes} and {@code cgroup_memory_limit_bytes}.</li>
 * </ul>
 * A gauge whose source cannot be read at startup (no procfs, no cgroup, no limit) is not registered.
 * Quarkus binds every {@link MeterBinder} bean to the registry.
 */
@Singleton
public class MemoryGauges implements MeterBinder {

    private static final Path ROOT = Path.of("/");
    private static final Path SELF = Path.of("/proc/self");

    @Override
    public void bindTo(MeterRegistry registry) {
        if (ProcessMemory.rss(SELF).isPresent()) {
            gauge(registry, "process.resident.memory", "Resident set size of this process",
                    () -> ProcessMemory.rss(SELF));
        }
        CgroupMemory.ofSelf(ROOT).ifPresent(cgroup -> {
            Supplier<MemorySample> sample = cgroup::read;
            gauge(registry, "cgroup.memory.working.set", "Container working set: usage minus inactive file cache",
                    () -> OptionalLong.of(sample.get().workingSet()));
            gauge(registry, "cgroup.memory.usage", "Container memory usage, page cache included",
                    () -> OptionalLong.of(sample.get().usage()));
            if (cgroup.read().limit().isPresent()) {
                gauge(registry, "cgroup.memory.limit", "Container memory limit", () -> sample.get().limit());
            }
        });
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<OptionalLong> value) {
        Gauge.builder(name, value, MemoryGauges::bytesOrNaN).strongReference(true) // the suppliers live nowhere else
                .description(description).baseUnit("bytes")
                .register(registry);
    }

    /** A scrape never fails: a file that stopped being readable shows as NaN. */
    private static double bytesOrNaN(Supplier<OptionalLong> value) {
        try {
            OptionalLong bytes = value.get();
            return bytes.isPresent() ? bytes.getAsLong() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
