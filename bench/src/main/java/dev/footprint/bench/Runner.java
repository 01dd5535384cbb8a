package dev.footprint.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.Results.PhaseResult;
import dev.footprint.bench.Results.Repetition;
import dev.footprint.bench.Results.Settings;
import dev.footprint.memory.CgroupMemory;

/**
 * One repetition for one target: a fresh container, time to its first 200, then the phases idle,
 * 50 connections, 200 connections, the allocation endpoint, cool-down, with memory sampled
 * throughout.
 */
final class Runner {

    static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** The allocation phase is count-bound; a target too slow to finish it in this time fails the run. */
    static final Duration WORK_TIMEOUT = Duration.ofSeconds(600);

    private final ContainerEngine engine;
    private final Wrk wrk;
    private final Hey hey;
    private final Settings settings;
    private final int port;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    Runner(ContainerEngine engine, Wrk wrk, Hey hey, Settings settings, int port, Progress progress) {
        this.engine = engine;
        this.wrk = wrk;
        this.hey = hey;
        this.settings = settings;
        this.port = port;
        this.progress = progress;
    }

    /** Seconds one repetition takes, besides startup and the count-bound allocation phase. */
    static long plannedSeconds(Settings s, boolean hasWork) {
        return s.idleSeconds() + 2L * s.loadSeconds() + s.cooldownSeconds() + (hasWork ? 10 : 0);
    }

    Repetition run(TargetSpec target, int repetition) {
        String container = "footprint-bench-" + target.name();
        Map<String, String> env = new HashMap<>();
        target.env().forEach((k, v) -> env.put(k, v.replace("{port}", Integer.toString(port))));
        List<String> command = target.command().stream().map(a -> a.replace("{port}", Integer.toString(port))).toList();
        String base = "http://127.0.0.1:" + port;

        if (settings.pageCache() == Results.PageCache.cold) {
            dropPageCache();
        }
        long origin = System.nanoTime();
        engine.run(container, target.image(), settings.memoryLimitBytes(), settings.cpus(), env, command);
        try {
            double startupMs = awaitFirst200(container, base + target.path(), origin);
            long firstResponse = System.nanoTime();
            Instant firstResponseAt = Instant.now();
            double readyAfterStart = Duration.between(engine.startedAt(container), firstResponseAt).toNanos() / 1e6;
            long pid = engine.pid(container);
            CgroupMemory cgroup = CgroupMemory.ofProcess(Path.of("/"), pid)
                    .orElseThrow(() -> new IllegalStateException("cannot find the memory cgroup of " + container + " (pid " + pid + ")"));

            List<PhaseResult> phases = new ArrayList<>();
            try (Sampler sampler = new Sampler(cgroup, settings.sampleIntervalMs(), firstResponse)) {
                sampler.start();
                phases.add(quiet(sampler, "idle", settings.idleSeconds()));
                phases.add(timed(sampler, "c50", base + target.path(), 50, settings.loadSeconds()));
                phases.add(timed(sampler, "c200", base + target.path(), 200, settings.loadSeconds()));
                if (target.workPath() != null) {
                    phases.add(counted(sampler, "work", base + target.workPath(), 50, settings.workRequests()));
                }
                phases.add(quiet(sampler, "cooldown", settings.cooldownSeconds()));
                sampler.close();
                boolean survived = engine.running(container);
                long oomKills = cgroup.oomKills().orElse(0);
                boolean oomKilled = !survived && engine.oomKilled(container);
                List<Object[]> rows = sampler.samples().stream().map(Sample::toRow).toList();
                return new Repetition(repetition, startupMs, readyAfterStart, oomKills, oomKilled, survived, phases,
                        Arrays.asList(Sample.FIELDS), rows);
            }
        } finally {
            engine.stop(container, Duration.ofSeconds(20));
            engine.remove(container);
        }
    }

    /** Page cache pages are charged to the cgroup that first reads them: start every target from the same, cold state. */
    static void dropPageCache() {
        try {
            Processes.check(List.of("sync"), Duration.ofSeconds(60));
            Files.writeString(DROP_CACHES, "3");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot drop the page cache (" + DROP_CACHES + ")", e);
        }
    }

    private double awaitFirst200(String container, String url, long origin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = origin + STARTUP_TIMEOUT.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - origin) / 1e6;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (++polls % 100 == 0 && !engine.running(container)) {
                throw new IllegalStateException(container + " exited before answering:\n" + engine.logs(container));
            }
            sleep(5);
        }
        throw new IllegalStateException(container + " gave no 200 on " + url + " within " + STARTUP_TIMEOUT + ":\n"
                + engine.logs(container));
    }

    private PhaseResult quiet(Sampler sampler, String phase, int seconds) {
        progress.phase(phase, seconds);
        sampler.phase(phase);
        long start = System.nanoTime();
        sleep(seconds * 1000L);
        return summarize(sampler, phase, start, null);
    }

    /** wrk for a fixed time. */
    private PhaseResult timed(Sampler sampler, String phase, String url, int connections, int seconds) {
        progress.phase(phase, seconds);
        sampler.phase(phase);
        long start = System.nanoTime();
        LoadResult result = wrk.run(url, connections, Duration.ofSeconds(seconds));
        return summarize(sampler, phase, start, result);
    }

    /** hey for a fixed number of requests, bounded by {@link #WORK_TIMEOUT}. */
    private PhaseResult counted(Sampler sampler, String phase, String url, int connections, long requests) {
        progress.phase(phase, 10);
        sampler.phase(phase);
        long start = System.nanoTime();
        LoadResult result = hey.run(url, connections, requests, WORK_TIMEOUT);
        return summarize(sampler, phase, start, result);
    }

    private static PhaseResult summarize(Sampler sampler, String phase, long startNanos, LoadResult load) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<Sample> in = sampler.samples().stream().filter(s -> s.phase().equals(phase)).toList();
        if (in.isEmpty()) {
            in = List.of(sampler.read());
        }
        DescriptiveStatistics ws = new DescriptiveStatistics(in.stream().mapToDouble(Sample::workingSet).toArray());
        return new PhaseResult(phase, seconds, (long) ws.getPercentile(50), (long) ws.getMax(),
                in.get(in.size() - 1).workingSet(), max(in, Sample::usage), max(in, Sample::rss), max(in, Sample::pss),
                max(in, Sample::threads), load);
    }

    private static long max(List<Sample> samples, ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).max().orElse(-1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
