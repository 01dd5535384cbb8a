package dev.footprint.bench.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.footprint.bench.measure.ContainerEngine;
import dev.footprint.bench.measure.GeneratorProcess;
import dev.footprint.bench.measure.LockedDown;
import dev.footprint.bench.measure.LoadGenerators;
import dev.footprint.bench.measure.Machine;
import dev.footprint.bench.measure.NeedsRun;
import dev.footprint.bench.measure.Progress;
import dev.footprint.bench.measure.Runner;
import dev.footprint.bench.model.Bytes;
import dev.footprint.bench.model.Failures;
import dev.footprint.bench.model.ImageInfo;
import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;
import dev.footprint.bench.model.Variants;
import dev.footprint.bench.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench run}: each selected target's repetitions in fresh containers at the memory limit, with its needed limit
 * searched where {@code --needs} asks for it; writes bench/results/RUN-ID/ and the report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run targets in containers under load and write bench/results/RUN-ID/.")
public class RunCommand implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--targets", split = ",", defaultValue = "all",
            description = "Targets by name or kind (variant, peer, all), comma-separated. Default: ${DEFAULT-VALUE}")
    List<String> selectors;

    @Mixin TargetsFileOption targetsFileOption = new TargetsFileOption();

    @Mixin ResultsOption resultsOption = new ResultsOption();

    @Option(names = "--repetitions", description = "Fresh containers per target (default 3; 1 with --quick)") Integer repetitions;

    @Option(names = "--memory", defaultValue = "256m", description = "Container memory limit. Default: ${DEFAULT-VALUE}")
    String memory;

    @Option(names = "--cpus", defaultValue = "1", description = "Container CPU limit. Default: ${DEFAULT-VALUE}") double cpus;

    @Option(names = "--port", defaultValue = "18090", description = "Port the target listens on, on 127.0.0.1") int port;

    @Option(names = "--quick", description = "One repetition and short phases: a smoke run for CI") boolean quick;

    @Mixin EngineOption engineOption = new EngineOption();

    @Option(names = "--wrk", defaultValue = "wrk") String wrkExecutable;

    @Option(names = "--hey", defaultValue = "hey") String heyExecutable;

    @Option(names = "--page-cache", defaultValue = "cold", description = "cold: drop the page cache before every "
            + "container, so each target is charged for the image files it reads, as a pod's first start on a node is; "
            + "warm: leave it, so files an earlier container read are charged to that one. Default: ${DEFAULT-VALUE}")
    Results.PageCache pageCache;

    @Option(names = "--locked-down", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run every target with the flags in images/locked-down.args, as the image checks and the pods do: "
            + "a read-only root with a 16 MiB /tmp tmpfs, no capabilities, no privilege gain, a non-root user. "
            + "Default: on; --no-locked-down runs each image as it is")
    boolean lockedDown;

    @Option(names = "--warmup-seconds", description = "GET the measured path at 50 connections this long before the c50 "
            + "phase (its errors judged, not its speed): a JIT compiles the hot path then, so c50 and c200 measure compiled code rather than the "
            + "first seconds under load; 0: no warm-up, as runs before 2026-12-06. Default 15; 3 with --quick")
    Integer warmupSeconds;

    @Option(names = "--fixed-rate-only", description = "Run only startup, idle, the open-loop phases at their fixed rates "
            + "and the cool-down, and hold the needed-limit search to those phases' errors and stalls: for a machine whose "
            + "speed is not a host's (the emulated cgroup v2 guest), where a closed-loop phase would measure the machine")
    boolean fixedRateOnly;

    @Option(names = "--rate-scale", defaultValue = "1", description = "Multiply the open-loop phases' rates (1,000 and "
            + "5,000 req/s on the path, 200 on /work) by this, e.g. 0.1 where the machine cannot serve them. Default: ${DEFAULT-VALUE}")
    double rateScale;

    @Option(names = "--time-scale", defaultValue = "1", description = "How many times slower than a host this machine starts "
            + "processes (the emulated cgroup v2 guest: 10): the bounds on a container's first 200 (120 s; a needed-limit "
            + "probe: 30 s) and on the open loop's JVM are multiplied by it; a request's 10 s timeout is not. Default: ${DEFAULT-VALUE}")
    int timeScale;

    @Option(names = "--open-loop-relay", paramLabel = "HOST:PORT", description = "Send each open-loop phase to an "
            + "OpenLoopRelay there instead of running it here: an emulated guest's own generator JVM took a core at 25 req/s "
            + "(tools/cgroup-v2-guest.sh run --relay-port starts one on the emulating host, at 10.0.2.100:7000)")
    String openLoopRelay;

    @Option(names = "--needs", description = "After each target's repetitions at --memory, search for its needed limit: "
            + "the smallest memory limit at which it still passes the phases (NeededLimit), and confirm it")
    boolean needs;

    @Option(names = "--needs-floor", defaultValue = "8m", description = "The smallest limit the search probes. Default: ${DEFAULT-VALUE}")
    String needsFloor;

    @Option(names = "--track-native-memory", description = "Start every target of the service that runs on a JVM with "
            + TargetSpec.NATIVE_MEMORY_TRACKING + " (through JAVA_TOOL_OPTIONS, beside the image's JDK_JAVA_OPTIONS) and read "
            + "its NMT summary with jcmd where the bench reads where the memory sits (end of idle, late in c200). NMT's own "
            + "tables cost memory: such a run attributes memory, its totals are not the main table's")
    boolean trackNativeMemory;

    @Option(names = "--server-cpus", defaultValue = "1", description = "The core(s) the measured container is pinned to "
            + "(--cpuset-cpus), or 'none'. Default: ${DEFAULT-VALUE}")
    String serverCpus;

    @Option(names = "--generator-cpus", defaultValue = "0", description = "The core(s) wrk, hey and the bench are pinned "
            + "to (taskset -c), or 'none'. Default: ${DEFAULT-VALUE}")
    String generatorCpus;

    @Option(names = "--run-id", description = "Name of the results directory (default: UTC time)") String runId;

    @Option(names = "--docs", defaultValue = "docs",
            description = "Where the report goes after a full run (a quick run reports into its results directory)")
    Path docs;

    @Option(names = "--image", description = "Measure this image instead of targets from the file") String image;

    @Option(names = "--name", description = "Name of the --image target (default: derived from the image)") String name;

    @Option(names = "--path", defaultValue = "/", description = "Path measured on the --image target") String path;

    @Option(names = "--work-path", description = "Allocation endpoint of the --image target (optional)") String workPath;

    @Option(names = "--parse-only", hidden = true,
            description = "Check the options and exit: bench/run.sh does so before it builds any image")
    boolean parseOnly;

    @Option(names = "--port-env", split = ",",
            description = "Environment variables the --image target reads its port from (e.g. PORT)")
    List<String> portEnv;

    @Override
    public Integer call() {
        List<TargetSpec> targets;
        if (image != null) {
            Map<String, String> env = new HashMap<>();
            if (portEnv != null) {
                portEnv.forEach(v -> env.put(v, "{port}"));
            }
            String n = name != null ? name : image.replaceAll(".*/", "").replaceAll("[^a-z0-9]+", "-");
            targets = List.of(new TargetSpec(n, TargetKind.image, image, path, workPath, List.of(), env, null, null,
                    "a user's image, measured with --image", null));
        } else {
            targets = Targets.select(Targets.load(targetsFileOption.targetsFile), selectors);
        }
        if (trackNativeMemory && (needs || !quick && resultsOption.results.normalize().equals(Path.of("bench/results")))) {
            // NMT's tables are in what the container holds: neither a needed limit nor the main table is the image's then
            throw new ParameterException(spec.commandLine(), "--track-native-memory attributes memory and costs some: "
                    + "give it its own --results (bench/results/attribution) and no --needs");
        }
        if (trackNativeMemory) {
            Predicate<TargetSpec> onJvm = onJvm(targetsFileOption.targetsFile);
            targets = targets.stream().map(t -> onJvm.test(t) ? t.trackingNativeMemory() : t).toList();
        }
        long memoryBytes = Bytes.parse(memory);
        int reps = repetitions != null ? repetitions : quick ? 1 : 3;
        String server = cores(serverCpus, "--server-cpus");
        String generator = cores(generatorCpus, "--generator-cpus");
        if (!Files.isExecutable(Path.of(GeneratorProcess.TIME))) {
            throw new ParameterException(spec.commandLine(), "the load generators' CPU time is measured with GNU time ("
                    + GeneratorProcess.TIME + "): install it (tools/setup-host.sh installs the package 'time')");
        }
        List<String> runFlags = lockedDown ? LockedDown.flags(LockedDown.FILE) : List.of();
        if (!(rateScale > 0) || rateScale > 10) {
            throw new ParameterException(spec.commandLine(), "--rate-scale must be above 0 and at most 10, not " + rateScale);
        }
        if (timeScale < 1 || timeScale > 100) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be from 1 to 100, not " + timeScale);
        }
        InetSocketAddress relay = openLoopRelay == null ? null : relayAddress(openLoopRelay);
        int startupSeconds = 120 * timeScale;
        PhaseSet phases = fixedRateOnly ? PhaseSet.fixedRate : PhaseSet.all;
        if ((fixedRateOnly || rateScale != 1) && resultsOption.results.normalize().equals(Path.of("bench/results"))) {
            // the main table, the overlays and the levers read bench/results' newest run and need its closed-loop phases
            throw new ParameterException(spec.commandLine(), "--fixed-rate-only and --rate-scale give runs no main table compares with: "
                    + "give them their own --results (bench/results/cgroup-v2-bench)");
        }
        Settings settings = quick
                ? new Settings(memoryBytes, cpus, reps, 3, 5, 1000, 3, 100, true, pageCache, server, generator, startupSeconds, 600,
                        runFlags, 3, warmupSeconds != null ? warmupSeconds : 3, phases, rateScale)
                : new Settings(memoryBytes, cpus, reps, 10, 15, 10_000, 10, 100, false, pageCache, server, generator, startupSeconds,
                        600, runFlags, 15, warmupSeconds != null ? warmupSeconds : 15, phases, rateScale);
        if (settings.warmupSeconds() < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup-seconds must be 0 or more, not " + settings.warmupSeconds());
        }
        if (pageCache == Results.PageCache.cold && !Files.isWritable(Runner.DROP_CACHES)) {
            throw new ParameterException(spec.commandLine(), "--page-cache cold drops the kernel's page cache before every "
                    + "container and needs root (" + Runner.DROP_CACHES + " is not writable); run as root or use --page-cache warm");
        }
        String id = runId != null ? runId
                : LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + (quick ? "-quick" : "");
        ResultStore store = new ResultStore(resultsOption.results);
        // the rows of one run are compared with each other: a sitting that extends it runs its targets as the first did
        Optional<Settings> earlier = store.readAny(id).map(r -> r.run().settings());
        if (earlier.isPresent() && !earlier.get().runFlags().equals(runFlags)) {
            throw new ParameterException(spec.commandLine(), "run " + id + " ran its targets with the flags "
                    + earlier.get().runFlags() + ", this sitting would use " + runFlags
                    + ": extend it with " + (earlier.get().runFlags().isEmpty() ? "--no-locked-down" : "--locked-down")
                    + ", or use another --run-id");
        }
        if (earlier.isPresent() && earlier.get().warmupSeconds() != settings.warmupSeconds()) {
            throw new ParameterException(spec.commandLine(), "run " + id + " warmed its targets up for " + earlier.get().warmupSeconds()
                    + " s before c50, this sitting would for " + settings.warmupSeconds() + " s: extend it with --warmup-seconds "
                    + earlier.get().warmupSeconds() + ", or use another --run-id");
        }
        if (earlier.isPresent() && (earlier.get().phases() != phases || earlier.get().rateScale() != rateScale)) {
            throw new ParameterException(spec.commandLine(), "run " + id + " ran " + earlier.get().phases() + " phases at rate scale "
                    + earlier.get().rateScale() + ", this sitting would run " + phases + " at " + rateScale
                    + ": extend it with the same --fixed-rate-only and --rate-scale, or use another --run-id");
        }
        // an attribution run's JVMs all track their native memory, or none of a run's do
        List<TargetSpec> earlierBuilds = earlier.isEmpty() ? List.of()
                : store.read(id).stream().map(TargetResult::target).filter(t -> t.build() != null).toList();
        Optional<Boolean> earlierTracking = earlierBuilds.isEmpty() ? Optional.empty() : earlierBuilds.stream()
                .filter(onJvm(targetsFileOption.targetsFile)).map(TargetSpec::tracksNativeMemory).reduce(Boolean::logicalOr);
        if (earlierTracking.isPresent() && earlierTracking.get() != trackNativeMemory) {
            throw new ParameterException(spec.commandLine(), "run " + id + " ran its JVM targets "
                    + (earlierTracking.get() ? "with" : "without") + " --track-native-memory: extend it "
                    + (earlierTracking.get() ? "with" : "without") + " it, or use another --run-id");
        }
        if (parseOnly) {
            return 0;
        }
        ContainerEngine engine = engineOption.engine();
        LoadGenerators load = LoadGenerators.pinned(wrkExecutable, heyExecutable, generator, timeScale, relay);
        Map<String, String> machine = Machine.describe(engine, load.wrk());
        if (relay != null) {
            machine.put("loadGenerator", machine.get("loadGenerator") + "; the open loop relayed to " + openLoopRelay + " (the emulating host)");
        }
        RunInfo run = new RunInfo(id, Instant.now().toString(), commandLine(), machine, settings);

        List<TargetResult> done = new ArrayList<>();
        List<TargetSpec> measured = targets.stream().filter(TargetSpec::measured).toList();
        for (TargetSpec t : targets) {
            if (!t.measured()) {
                TargetResult r = new TargetResult(run, t, null, List.of(), Map.of());
                store.write(r);
                done.add(r);
                continue;
            }
            if (!engine.imageExists(t.image())) {
                throw new ParameterException(spec.commandLine(), "no image " + t.image() + " for target " + t.name()
                        + ": build it first (images/build.sh, bench/peers/build.sh)");
            }
        }
        int index = 0;
        int failures = 0;
        try (Progress progress = new Progress()) {
            Runner runner = new Runner(engine, load, settings, port, progress);
            NeedsRun needsRun = new NeedsRun((t, s, keepGoing) -> runner.run(t, 1, s, keepGoing), settings, progress);
            for (TargetSpec t : measured) {
                index++;
                ImageInfo info = engine.image(t.image()).withBuildRecord(Path.of("images/.built"));
                List<Repetition> reps2 = new ArrayList<>();
                try {
                    for (int rep = 1; rep <= reps; rep++) {
                        progress.repetition(t.name(), rep, reps, Runner.plannedSeconds(settings, t.workPath() != null), index,
                                measured.size());
                        reps2.add(runner.run(t, rep));
                    }
                } catch (RuntimeException e) {
                    // one broken target must not cost the rest of a long run: it gets a row saying why
                    failures++;
                    System.err.printf("%n%s failed: %s%n", t.name(), e.getMessage());
                    TargetSpec failed = new TargetSpec(t.name(), t.kind(), t.image(), t.path(), t.workPath(), t.command(),
                            t.env(), t.article(), "the run failed: " + Failures.firstLine(e), t.description(), t.baseline(), t.caveat());
                    TargetResult r = new TargetResult(run, failed, info, List.of(), Map.of());
                    store.write(r);
                    done.add(r);
                    continue;
                }
                TargetResult r = new TargetResult(run, t, info, reps2, Summary.of(reps2));
                if (needs && t.searchesNeeds()) {
                    long guess = previouslyNeeded(store, id, t.name());
                    store.write(r); // the repetitions are kept if the search is interrupted
                    r = new TargetResult(run, t, info, reps2, r.summary(), needsRun.measure(t, reps2, Bytes.parse(needsFloor), guess));
                }
                store.write(r);
                done.add(r);
            }
        }
        // a run can be extended (--run-id of an existing run, --targets for the additions): summarize all of it
        Set<String> names = done.stream().map(r -> r.target().name()).collect(Collectors.toSet());
        List<TargetResult> all = new ArrayList<>(done);
        store.read(id).stream().filter(r -> !names.contains(r.target().name())).forEach(all::add);
        store.writeSummary(id, all);
        // only a full run of the main target list into the main results, once every row of it is searched (the run
        // the docs follow, ResultStore.latest), writes docs/; any other run (a check, a lever run, a run still being
        // extended) reports into its own directory
        boolean mainTable = !quick && image == null
                && targetsFileOption.targetsFile.normalize().equals(Path.of("bench/targets.yaml"))
                && resultsOption.results.normalize().equals(Path.of("bench/results"))
                && store.newestSearched().filter(id::equals).isPresent();
        Path reportDir = mainTable ? docs : store.runDir(id).resolve("report");
        Report.write(store, id, reportDir, targetsFileOption.targetsFile);
        System.out.println();
        System.out.println("results: " + store.runDir(id));
        for (TargetResult r : done) {
            System.out.println("  " + Report.oneLine(r));
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * The limit an earlier search of the target found in this run (a run extended by its id), which the new search
     * probes first; 0 when there is none. The result file it comes from is about to be replaced.
     */
    private static long previouslyNeeded(ResultStore store, String runId, String target) {
        return store.read(runId, target).map(TargetResult::needs).map(Results.Needs::neededBytes).filter(b -> b > 0).orElse(0L);
    }

    /** Whether a target is the service on a JVM: a build of a variant the image matrix does not compile to native code. */
    private static Predicate<TargetSpec> onJvm(Path targetsFile) {
        Set<String> nativeVariants = Variants.load(Targets.matrixBeside(targetsFile)).nativeNames();
        return t -> t.build() != null && !nativeVariants.contains(t.build().variant());
    }

    /** A cpuset as taskset -c and --cpuset-cpus take it, checked against this machine's cores; null for 'none'. */
    private String cores(String value, String option) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        for (String part : value.split(",")) {
            for (String c : part.split("-")) {
                int core;
                try {
                    core = Integer.parseInt(c.trim());
                } catch (NumberFormatException e) {
                    throw new ParameterException(spec.commandLine(), option + ": '" + value + "' is not a list of cores (e.g. 1, 0-1) or 'none'");
                }
                // the machine's cores, not the ones this JVM may use: bench/run.sh pins it to the generator's
                if (core < 0 || !Files.isDirectory(Path.of("/sys/devices/system/cpu/cpu" + core))) {
                    throw new ParameterException(spec.commandLine(), option + ": this machine has no core " + core);
                }
            }
        }
        return value;
    }

    private String commandLine() {
        return "bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private InetSocketAddress relayAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String port = colon < 0 ? "" : hostPort.substring(colon + 1);
        if (colon < 1 || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ParameterException(spec.commandLine(), "--open-loop-relay must be HOST:PORT, not " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(port));
    }
}
