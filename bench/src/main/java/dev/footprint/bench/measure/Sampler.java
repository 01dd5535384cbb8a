package dev.footprint.bench.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Sample;
import dev.footprint.memory.CgroupMemory;
import dev.footprint.memory.MemorySample;
import dev.footprint.memory.ProcessMemory;

/**
 * Reads a container's cgroup and processes every {@code intervalMs} on its own thread: working set,
 * usage and file pages from the cgroup; RSS by kind, PSS and threads summed over the processes in it.
 */
public final class Sampler implements AutoCloseable {

    private final CgroupMemory cgroup;
    private final long intervalMs;
    private final long originNanos;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile Phase phase = Phase.startup;
    private volatile boolean running = true;

    public Sampler(CgroupMemory cgroup, long intervalMs, long originNanos) {
        this.cgroup = cgroup;
        this.intervalMs = intervalMs;
        this.originNanos = originNanos;
        this.thread = new Thread(this::loop, "sampler");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void phase(Phase p) {
        this.phase = p;
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** One reading now, outside the schedule. */
    Sample read() {
        long t = (System.nanoTime() - originNanos) / 1_000_000;
        MemorySample m = cgroup.read();
        long rss = 0;
        long pss = 0;
        long threads = 0;
        long anon = 0;
        long file = 0;
        long shmem = 0;
        for (long pid : cgroup.pids()) {
            Path proc = Path.of("/proc", Long.toString(pid));
            rss += orMinus(ProcessMemory.rss(proc));
            pss += orMinus(ProcessMemory.pss(proc));
            threads += orMinus(ProcessMemory.threads(proc));
            anon += orMinus(ProcessMemory.rssAnon(proc));
            file += orMinus(ProcessMemory.rssFile(proc));
            shmem += orMinus(ProcessMemory.rssShmem(proc));
        }
        return new Sample(t, phase, m.workingSet(), m.usage(), rss, pss, threads, anon, file, shmem, m.activeFile(),
                m.inactiveFile(), m.mappedFile());
    }

    private static long orMinus(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : 0;
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            try {
                samples.add(read());
            } catch (RuntimeException e) {
                // the container is gone (stopped, or killed): the run records that elsewhere
                if (!cgroup.readable()) {
                    return;
                }
            }
            next += intervalMs * 1_000_000;
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
