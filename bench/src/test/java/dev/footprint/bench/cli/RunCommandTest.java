package dev.footprint.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.measure.LockedDown;
import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.ServiceBuild;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.TargetSpec;
import picocli.CommandLine;

/** What `bench run` refuses before it starts a container. */
class RunCommandTest {

    @Test
    void aSittingThatWouldRunARunsTargetsWithOtherContainerFlagsIsRefused(@TempDir Path results) {
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        Settings s = go.run().settings();
        Settings lockedDown = new Settings(s.memoryLimitBytes(), s.cpus(), s.repetitions(), s.idleSeconds(), s.loadSeconds(),
                s.workRequests(), s.cooldownSeconds(), s.sampleIntervalMs(), s.quick(), s.pageCache(), "1", "0", 120, 600,
                List.of("--read-only", "--cap-drop=ALL"));
        RunInfo run = new RunInfo("20260101-000000", go.run().startedAt(), go.run().command(), go.run().machine(), lockedDown);
        new ResultStore(results).write(new TargetResult(run, go.target(), go.image(), go.repetitions(), go.summary()));

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        String[] extend = {"--parse-only", "--no-locked-down", "--page-cache", "warm", "--results", results.toString(), "--run-id", "20260101-000000",
                "--image", "localhost/footprint/peer-go-nethttp", "--name", "go-nethttp"};
        assertEquals(2, cli.execute(extend), err.toString());
        assertTrue(err.toString().contains("run 20260101-000000 ran its targets with the flags [--read-only, --cap-drop=ALL], "
                + "this sitting would use []: extend it with --locked-down"), err.toString());

        String[] newRun = {"--parse-only", "--no-locked-down", "--page-cache", "warm", "--results", results.toString(), "--run-id", "20260102-000000",
                "--image", "localhost/footprint/peer-go-nethttp", "--name", "go-nethttp"};
        assertEquals(0, cli.execute(newRun), err.toString());
    }

    @Test
    void aSittingThatWouldWarmUpOtherwiseThanItsRunIsRefused(@TempDir Path results) {
        // a run written before the warm-up existed (0 s), extended by a sitting with the default 15 s
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        new ResultStore(results).write(go);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        String[] common = {"--parse-only", "--no-locked-down", "--page-cache", "warm", "--results", results.toString(),
                "--image", "localhost/footprint/peer-go-nethttp", "--name", "go-nethttp"};
        assertEquals(2, cli.execute(with(common, "--run-id", go.run().runId())), err.toString());
        assertTrue(err.toString().contains("run " + go.run().runId() + " warmed its targets up for 0 s before c50, this sitting "
                + "would for 15 s: extend it with --warmup-seconds 0"), err.toString());
        assertEquals(0, cli.execute(with(common, "--run-id", go.run().runId(), "--warmup-seconds", "0")), err.toString());
        assertEquals(0, cli.execute(with(common, "--run-id", "20260102-000000")), err.toString());
        assertEquals(2, cli.execute(with(common, "--run-id", "20260102-000000", "--warmup-seconds", "-1")));
        assertTrue(err.toString().contains("--warmup-seconds must be 0 or more, not -1"), err.toString());
    }

    @Test
    void aFixedRateSittingNeedsItsOwnResultsAndExtendsOnlyAFixedRateRunAtItsRates(@TempDir Path results) {
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        new ResultStore(results).write(go); // a run of every phase, at the unscaled rates
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        String[] common = {"--parse-only", "--no-locked-down", "--page-cache", "warm", "--warmup-seconds", "0",
                "--image", "localhost/footprint/peer-go-nethttp", "--name", "go-nethttp"};
        assertEquals(2, cli.execute(with(common, "--fixed-rate-only", "--run-id", "20260102-000000")), err.toString());
        assertTrue(err.toString().contains("give them their own --results"), err.toString());
        String[] here = with(common, "--results", results.toString());
        assertEquals(2, cli.execute(with(here, "--fixed-rate-only", "--rate-scale", "0.1", "--run-id", go.run().runId())), err.toString());
        assertTrue(err.toString().contains("ran all phases at rate scale 1.0, this sitting would run fixedRate at 0.1"), err.toString());
        assertEquals(0, cli.execute(with(here, "--fixed-rate-only", "--rate-scale", "0.1", "--run-id", "20260102-000000")), err.toString());
        assertEquals(2, cli.execute(with(here, "--rate-scale", "0", "--run-id", "20260102-000000")));
        assertTrue(err.toString().contains("--rate-scale must be above 0 and at most 10, not 0.0"), err.toString());
        assertEquals(2, cli.execute(with(here, "--time-scale", "0", "--run-id", "20260102-000000")));
        assertTrue(err.toString().contains("--time-scale must be from 1 to 100, not 0"), err.toString());
        for (String relay : new String[] {"10.0.2.100", "10.0.2.100:", ":7000", "10.0.2.100:70000", "10.0.2.100:port"}) {
            assertEquals(2, cli.execute(with(here, "--open-loop-relay", relay, "--run-id", "20260102-000000")), relay);
            assertTrue(err.toString().contains("--open-loop-relay must be HOST:PORT, not " + relay), err.toString());
        }
    }

    private static String[] with(String[] args, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void targetsRunLockedDownUnlessTheSittingSaysOtherwise() {
        RunCommand byDefault = new RunCommand();
        new CommandLine(byDefault).parseArgs("--targets", "go-nethttp");
        assertTrue(byDefault.lockedDown, "the bench runs its targets as the image checks and the pods do");
        RunCommand plain = new RunCommand();
        new CommandLine(plain).parseArgs("--no-locked-down", "--targets", "go-nethttp");
        assertFalse(plain.lockedDown);
    }

    @Test
    void theLockedDownFlagsAreTheImagesOwnOneArgumentPerLine() {
        List<String> flags = LockedDown.flags(Path.of("..").resolve(LockedDown.FILE));
        assertTrue(flags.contains("--read-only") && flags.contains("--cap-drop=ALL"), flags.toString());
        assertTrue(flags.stream().noneMatch(f -> f.startsWith("#") || f.isBlank()), flags.toString());
    }

    @Test
    void nativeMemoryTrackingRunsInARunOfItsOwnAndSearchesNoLimit(@TempDir Path results) {
        // a run whose jlink row tracked its native memory (bench run --track-native-memory)
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(Fixtures.rep(1, 5, 8, 1000)));
        TargetSpec jlink = new TargetSpec("jlink", TargetKind.variant, null, "/", null, List.of(),
                Map.of("JAVA_TOOL_OPTIONS", TargetSpec.NATIVE_MEMORY_TRACKING), null, null, "", null, null, ServiceBuild.of("jlink"));
        new ResultStore(results).write(new TargetResult(go.run(), jlink, go.image(), go.repetitions(), go.summary()));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        // targets.yaml, run from bench/: the image matrix beside it says which variants run on a JVM
        String[] common = {"--parse-only", "--no-locked-down", "--page-cache", "warm", "--warmup-seconds", "0", "--results",
                results.toString(), "--targets-file", "targets.yaml", "--image", "localhost/footprint/service:jlink", "--name", "mine"};

        assertEquals(2, cli.execute(with(common, "--run-id", go.run().runId())), err.toString());
        assertTrue(err.toString().contains("ran its JVM targets with --track-native-memory: extend it with it"), err.toString());
        assertEquals(0, cli.execute(with(common, "--run-id", go.run().runId(), "--track-native-memory")), err.toString());
        assertEquals(2, cli.execute(with(common, "--run-id", "20260102-000000", "--track-native-memory", "--needs")));
        assertTrue(err.toString().contains("give it its own --results (bench/results/attribution) and no --needs"), err.toString());
    }
}
