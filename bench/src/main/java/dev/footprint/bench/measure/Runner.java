package dev.footprint.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Residency;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.CpuUse;
import dev.footprint.bench.model.Results.MemoryKinds;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Sample;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.memory.CgroupCpu;
import dev.footprint.memory.CgroupMemory;

/**
 * One repetition for one target: a fresh container, time to its first 200, then the phases idle,
 * a warm-up at 50 connections, 50 connections, 200 connections, the allocation endpoint, cool-down, with memory sampled
 * throughout and the container's CPU and the kernel's memory peak recorded per phase, and where the memory sits
 * ({@link Residency}) at the end of idle and late in c200.
 */
public final class Runner {

    public static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");
    /** An open-loop request unanswered this long after the schedule ends failed (wrk's --timeout). */
    private static final Duration OPEN_LOOP_TIMEOUT = Duration.ofSeconds(10);


    private final ContainerEngine engine;
    private final LoadGenerators generators;
    private final Settings settings;
    private final int port;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public Runner(ContainerEngine engine, LoadGenerators generators, Settings settings, int port, Progress progress) {
        this.engine = engine;
        this.generators = generators;
        this.settings = settings;
        this.port = port;
        this.progress = progress;
    }

    /** Seconds one repetition takes, besides startup (the allocation phase, bound by a count, at its usual length). */
    public static long plannedSeconds(Settings s, boolean hasWork) {
        return MEASURED.stream().filter(p -> runs(s, p, hasWork)).mapToLong(p -> plannedSeconds(s, p)).sum();
    }

    /** Whether a repetition under {@code s} runs the phase: in its phase set, with a length, on a path the target has. */
    static boolean runs(Settings s, Phase p, boolean hasWork) {
        return s.phases().runs(p) && (hasWork || !p.onWorkPath()) && !(Phase.FIXED_RATE.contains(p) && s.fixedRateSeconds() <= 0)
                && !(p == Phase.warmup && s.warmupSeconds() <= 0);
    }

    /** The phases after startup, in the order they run. */
    private static final List<Phase> MEASURED = List.of(Phase.idle, Phase.warmup, Phase.c50, Phase.c200, Phase.work, Phase.rate1k, Phase.rate5k,
            Phase.workRate, Phase.cooldown);

    /** How long a phase runs; the allocation phase is bound by a count, and this is its usual length. */
    static long plannedSeconds(Settings s, Phase p) {
        return switch (p) {
            case idle -> s.idleSeconds();
            case warmup -> s.warmupSeconds();
            case c50, c200 -> s.loadSeconds();
            case cooldown -> s.cooldownSeconds();
            case work -> 10;
            case rate1k, rate5k, workRate -> s.fixedRateSeconds() <= 0 ? 0 : s.fixedRateSeconds() + LoadGenerators.OPEN_LOOP_WARMUP.toSeconds();
            case startup, soak -> 0;
        };
    }

    public Repetition run(TargetSpec target, int repetition) {
        return run(target, repetition, settings, p -> true);
    }

    /**
     * One repetition under {@code s} (its memory limit and phase lengths). After each phase {@code keepGoing}
     * decides whether the rest run: a probe of the needed-limit search stops at the first phase that fails it.
     * Sampling starts as soon as the container does, so the start-up peak is in the samples.
     */
    public Repetition run(TargetSpec target, int repetition, Settings s, Predicate<PhaseResult> keepGoing) {
        String container = "footprint-bench-" + target.name();
        Map<String, String> env = new HashMap<>();
        target.env().forEach((k, v) -> env.put(k, v.replace("{port}", Integer.toString(port))));
        List<String> command = target.command().stream().map(a -> a.replace("{port}", Integer.toString(port))).toList();
        String base = "http://127.0.0.1:" + port;

        if (s.pageCache() == Results.PageCache.cold) {
            dropPageCache();
        }
        long origin = System.nanoTime();
        engine.run(container, target.image(), s.memoryLimitBytes(), s.cpus(), s.serverCpus(), s.runFlags(), env, command);
        try {
            long pid = engine.pid(container);
            if (pid <= 0) {
                throw new IllegalStateException(container + " exited at once:\n" + engine.logs(container) + lockedDownHint(s));
            }
            CgroupMemory cgroup = CgroupMemory.ofProcess(Path.of("/"), pid)
                    .orElseThrow(() -> new IllegalStateException("cannot find the memory cgroup of " + container + " (pid " + pid + ")"));
            CgroupCpu cpu = CgroupCpu.ofProcess(Path.of("/"), pid).orElse(null);

            List<PhaseResult> phases = new ArrayList<>();
            try (Sampler sampler = new Sampler(cgroup, s.sampleIntervalMs(), origin)) {
                Meter meter = new Meter(sampler, cgroup, cpu);
                sampler.start();
                meter.begin(Phase.startup);
                double startupMs = awaitFirst200(container, base + target.path(), origin, s);
                Instant firstResponseAt = Instant.now();
                double readyAfterStart = Duration.between(engine.startedAt(container), firstResponseAt).toNanos() / 1e6;
                phases.add(meter.end(null));
                for (Phase phase : MEASURED) {
                    if (!runs(s, phase, target.workPath() != null)) {
                        continue;
                    }
                    progress.phase(phase.name(), plannedSeconds(s, phase));
                    meter.begin(phase);
                    // where the memory sits under load: read late in c200, while wrk still drives it
                    ScheduledFuture<Residency> underLoad = phase != Phase.c200 ? null
                            : SNAPSHOTS.schedule(() -> residency(cgroup, origin, target, base), s.loadSeconds() * 800L, TimeUnit.MILLISECONDS);
                    LoadResult load = switch (phase) {
                        case idle -> pause(s.idleSeconds());
                        case warmup -> generators.wrk().run(base + target.path(), 50, Duration.ofSeconds(s.warmupSeconds()));
                        case c50 -> generators.wrk().run(base + target.path(), 50, Duration.ofSeconds(s.loadSeconds()));
                        case c200 -> generators.wrk().run(base + target.path(), 200, Duration.ofSeconds(s.loadSeconds()));
                        case work -> generators.hey().run(base + target.workPath(), 50, s.workRequests(), Duration.ofSeconds(s.workTimeoutSeconds()));
                        case rate1k, rate5k, workRate -> generators.openLoop().run(URI.create(base + (phase.onWorkPath()
                                ? target.workPath() : target.path())), URI.create(base + target.path()), s.perSecond(phase), Duration.ofSeconds(s.fixedRateSeconds()),
                                OPEN_LOOP_TIMEOUT).toLoad();
                        case cooldown -> pause(s.cooldownSeconds());
                        case startup, soak -> throw new IllegalStateException("not a measured phase");
                    };
                    PhaseResult result = meter.end(load);
                    if (phase == Phase.idle) {
                        result = result.withResidency(residency(cgroup, origin, target, base));
                    } else if (underLoad != null) {
                        result = result.withResidency(await(underLoad));
                    }
                    phases.add(result);
                    if (!keepGoing.test(result)) {
                        break;
                    }
                }
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

    /**
     * Measures one phase at a time: the samples taken in it, the kernel's peak since its start (v1 resets it),
     * and the container's CPU over it.
     */
    private static final class Meter {
        private final Sampler sampler;
        private final CgroupMemory cgroup;
        private final CgroupCpu cpu;
        private Phase phase;
        private long start;
        private CgroupCpu.Reading cpuAtStart;

        Meter(Sampler sampler, CgroupMemory cgroup, CgroupCpu cpu) {
            this.sampler = sampler;
            this.cgroup = cgroup;
            this.cpu = cpu;
        }

        void begin(Phase p) {
            phase = p;
            cgroup.resetPeak();
            cpuAtStart = cpu == null ? null : cpu.read();
            sampler.phase(p);
            start = System.nanoTime();
        }

        PhaseResult end(LoadResult load) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long kernelPeak = -1;
            try {
                kernelPeak = cgroup.read().maxUsage().orElse(-1);
            } catch (RuntimeException e) {
                // the container is gone
            }
            CpuUse cpuUse = null;
            if (cpu != null) {
                CgroupCpu.Reading d = cpu.read().minus(cpuAtStart);
                cpuUse = new CpuUse(d.usageNanos() < 0 ? -1 : d.usageNanos() / 1e9, d.periods(), d.throttledPeriods(), d.throttledNanos() / 1e6);
            }
            return summarize(phase, seconds, samplesOf(sampler, phase), load, kernelPeak, cpuUse);
        }
    }

    private static List<Sample> samplesOf(Sampler sampler, Phase phase) {
        List<Sample> in = sampler.samples().stream().filter(x -> x.phase() == phase).toList();
        if (in.isEmpty()) {
            try {
                in = List.of(sampler.read());
            } catch (RuntimeException e) {
                in = List.of(new Sample(-1, phase, -1, -1, -1, -1, -1));
            }
        }
        return in;
    }

    /** The figures of one phase from its samples: the median, largest and last working set, the largest of the rest. */
    static PhaseResult summarize(Phase phase, double seconds, List<Sample> in, LoadResult load, long kernelPeak, CpuUse cpu) {
        DescriptiveStatistics ws = new DescriptiveStatistics(in.stream().mapToDouble(Sample::workingSet).toArray());
        MemoryKinds kinds = new MemoryKinds(max(in, Sample::rssAnon), max(in, Sample::rssFile), max(in, Sample::rssShmem),
                max(in, Sample::activeFile), max(in, Sample::inactiveFile), max(in, Sample::mappedFile));
        return new PhaseResult(phase, seconds, (long) ws.getPercentile(50), (long) ws.getMax(),
                in.get(in.size() - 1).workingSet(), max(in, Sample::usage), max(in, Sample::rss), max(in, Sample::pss),
                max(in, Sample::threads), load, kinds, kernelPeak, cpu);
    }

    /**
     * Where the container's memory sits now, and for the service what its collector reports of the heap; null once
     * it is gone (a phase that killed it is judged elsewhere).
     */
    private Residency residency(CgroupMemory cgroup, long origin, TargetSpec target, String base) {
        try {
            Residency r = Residencies.read(Path.of("/proc"), cgroup.pids(), (System.nanoTime() - origin) / 1_000_000, target.tracksNativeMemory());
            return r == null || !target.servesServiceMetrics() ? r : r.withHeap(HeapPools.read(http, URI.create(base + "/q/metrics")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The snapshot taken under load, or null: it failed, or it had not run by the time the phase ended (then it never will). */
    private static Residency await(ScheduledFuture<Residency> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            f.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One thread for the snapshots under load, apart from the pools the load generators' output readers use. */
    private static final ScheduledExecutorService SNAPSHOTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "residency");
        t.setDaemon(true);
        return t;
    });

    private static LoadResult pause(int seconds) {
        sleep(seconds * 1000L);
        return null;
    }

    /** Page cache pages are charged to the cgroup that first reads them: start every target from the same, cold state. */
    public static void dropPageCache() {
        try {
            Processes.check(List.of("sync"), Duration.ofSeconds(60));
            Files.writeString(DROP_CACHES, "3");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop the page cache (" + DROP_CACHES + ")", e);
        }
    }

    /** An image that needs root or a writable root fails under the default flags: the error says how to run it as it is. */
    private static String lockedDownHint(Settings s) {
        return s.runFlags().isEmpty() ? "" : "\n(it ran locked down, images/locked-down.args; an image that needs root or a "
                + "writable root file system runs as it is with --no-locked-down)";
    }

    private double awaitFirst200(String container, String url, long origin, Settings s) {
        Duration timeout = Duration.ofSeconds(s.startupSeconds());
        String hint = lockedDownHint(s);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = origin + timeout.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - origin) / 1e6;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (++polls % 100 == 0 && !engine.running(container)) {
                throw new IllegalStateException(container + " exited before answering:\n" + engine.logs(container) + hint);
            }
            sleep(5);
        }
        throw new IllegalStateException(container + " gave no 200 on " + url + " within " + timeout.toSeconds() + " s:\n"
                + engine.logs(container) + hint);
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
