package dev.footprint.bench.cli;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.footprint.bench.measure.Bracketed;
import dev.footprint.bench.measure.ContainerEngine;
import dev.footprint.bench.measure.LoadGenerators;
import dev.footprint.bench.measure.Machine;
import dev.footprint.bench.measure.Progress;
import dev.footprint.bench.measure.Runner;
import dev.footprint.bench.measure.Sampler;
import dev.footprint.bench.model.Bytes;
import dev.footprint.bench.model.Json;
import dev.footprint.bench.model.LimitCheck;
import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Sample;
import dev.footprint.bench.model.ServiceBuild;
import dev.footprint.bench.model.SoakResults;
import dev.footprint.bench.model.SoakResults.Outcome;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Variants;
import dev.footprint.bench.report.GeneratedBlock;
import dev.footprint.bench.report.SoakReport;
import dev.footprint.memory.CgroupMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Load at the limit: each variant in a container with its Kubernetes overlay's memory limit and
 * memory options, pinned to one core with wrk on the other, 200 connections mixing GET / and /work
 * for 10 minutes. Passes with no OOM kill, no error or non-2xx answer, and a p95 working set at or
 * below the overlay's memory request (a pod that lives above its request is evicted first); an
 * overlay without a request is held to a working set that never went above 90% of the limit. An overlay
 * sized from the needed limit is first checked at its limit by the standard phases, from a fresh start
 * ({@link LimitCheck}): it must serve at full speed there too.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run each variant at its overlay's memory limit under mixed load; write bench/results/soak-RUN-ID/.")
public class SoakCommand implements Callable<Integer> {

    static final double MAX_SHARE_OF_LIMIT = 0.9;

    /** Every other request is the allocation endpoint. */
    static final String MIX = """
            -- footprint soak: GET / and /work?kib=256, alternating
            local paths = { "/", "/work?kib=256" }
            local n = 0
            request = function()
              n = n + 1
              return wrk.format("GET", paths[(n % 2) + 1])
            end
            """;

    @Option(names = "--variants", split = ",", description = "Default: every variant images/variants.yaml builds offline")
    List<String> variants;

    @Mixin OverlayFiles overlayFiles = new OverlayFiles();

    @Option(names = "--port", defaultValue = "18095", description = "Port the variant listens on, on 127.0.0.1") int port;

    @Option(names = "--minutes", defaultValue = "10", description = "How long each variant is soaked. Default: ${DEFAULT-VALUE}")
    int minutes;

    @Option(names = "--connections", defaultValue = "200", description = "wrk's connections. Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = "--memory", description = "Use this memory limit (e.g. 256m) instead of the overlay's, to see a variant's "
            + "unconstrained peak; such a run is a diagnosis, not the soak of record")
    String memory;

    @Mixin ResultsOption resultsOption = new ResultsOption();

    @Mixin EngineOption engineOption = new EngineOption();

    @Mixin DocsOption docsOption = new DocsOption();

    @Option(names = "--run-id", description = "Soak into this existing run (soak-...), replacing the variants given and "
            + "keeping the others; the table then covers every variant in it (default: a new run)")
    String runId;

    @Option(names = "--report", description = "Soak nothing: regenerate docs/reliability.md's soak table from the committed "
            + "run given by --run-id")
    boolean reportOnly;

    /** The soak's cores: the container on one, wrk on the other, as the bench runs (docs/methodology.md). */
    static final String SERVER_CPUS = "1";
    static final String GENERATOR_CPUS = "0";

    @Override
    public Integer call() throws Exception {
        Variants matrixFile = Variants.load(overlayFiles.matrix);
        if (reportOnly) {
            if (runId == null || !Files.isDirectory(resultsOption.results.resolve(runId))) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--report needs --run-id naming a soak run under " + resultsOption.results);
            }
            writeDocs(runId, matrixFile);
            return 0;
        }
        if (variants == null) {
            variants = matrixFile.offlineBuildable();
        }
        for (String v : variants) {
            if (!matrixFile.names().contains(v)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--variants: no variant " + v + " in " + overlayFiles.matrix + " (one of: " + String.join(", ", matrixFile.names()) + ")");
            }
        }
        ContainerEngine engine = engineOption.engine();
        LoadGenerators load = LoadGenerators.pinned("wrk", "hey", GENERATOR_CPUS);
        String id = runId != null ? runId
                : "soak-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = resultsOption.results.resolve(id);
        if (runId != null && !Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--run-id: no soak run " + dir);
        }
        Files.createDirectories(dir);
        Path script = Files.createTempFile("soak", ".lua");
        Files.writeString(script, MIX);
        Map<String, String> machine = Machine.describe(engine, load.wrk());
        List<Outcome> outcomes = new ArrayList<>();
        String command = "bench soak --variants " + String.join(",", variants) + " --minutes " + minutes
                + (memory != null ? " --memory " + memory : "") + (runId != null ? " --run-id " + runId : "");
        // One variant at a time: two soaks side by side on this 2-core host starved each other of CPU
        // (bench/results/soak-20261125-041057, docs/reliability.md).
        try {
            for (String v : variants) {
                Instant started = Instant.now();
                Outcome o = soak(engine, load, script, v, dir);
                Json.MAPPER.writeValue(dir.resolve(v + ".json").toFile(), Map.of("machine", machine,
                        "command", command, "startedAt", started.toString(), "finishedAt", Instant.now().toString(), "outcome", o));
                System.out.printf("%s: %s%n", v, o.verdict());
                outcomes.add(o);
            }
        } finally {
            Files.deleteIfExists(script);
        }
        // Only the soak of record goes into the docs: not a diagnosis at another limit, nor a run kept elsewhere
        // (the table names its directory under bench/results/).
        if (memory == null && resultsOption.results.normalize().equals(Path.of("bench/results"))
                && Files.exists(docsOption.docs.resolve("reliability.md"))) {
            writeDocs(id, matrixFile);
        }
        System.out.println("results: " + dir);
        return outcomes.stream().allMatch(Outcome::passed) ? 0 : 1;
    }

    /** Soaks one variant; its container log goes to DIR/VARIANT.log, for what the service said under load. */
    private Outcome soak(ContainerEngine engine, LoadGenerators generators, Path script, String variant, Path dir) throws Exception {
        Overlay overlay = Overlay.read(overlayFiles.k8s.resolve("overlays").resolve(variant).resolve("memory.yaml"));
        if (memory != null) {
            overlay = new Overlay(Bytes.parse(memory), overlay.requestBytes(), overlay.env(), overlay.args(), overlay.source());
        }
        String image = ServiceBuild.of(variant).image();
        LimitCheck.Result atLimit = checkAtLimit(engine, generators, overlay, variant, image);
        String container = "footprint-soak-" + variant;
        Map<String, String> env = new HashMap<>(overlay.env());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        System.out.printf("%n%s: %d MiB limit, %s, %d connections for %d min%n", variant, overlay.limitBytes() >> 20,
                overlay.options(), connections, minutes);
        // From a cold page cache, as a pod's first start on a node: the image's files are then read into, and
        // charged to, this container. With them cached by an earlier container, native passed at a limit where
        // it thrashed from a cold start (bench/results/soak-20261201-032143/superseded).
        if (Files.isWritable(Runner.DROP_CACHES)) {
            Runner.dropPageCache();
        } else {
            System.out.println("(not root: the page cache is left as it is)");
        }
        engine.run(container, image, overlay.limitBytes(), 1, SERVER_CPUS, List.of(), env, overlay.args());
        try {
            awaitUp(engine, container, port);
            long pid = engine.pid(container);
            CgroupMemory cgroup = CgroupMemory.ofProcess(Path.of("/"), pid).orElseThrow();
            LoadResult load;
            List<Sample> samples;
            try (Sampler sampler = new Sampler(cgroup, 100, System.nanoTime())) {
                sampler.phase(Phase.soak);
                sampler.start();
                load = generators.wrk().run("http://127.0.0.1:" + port + "/", connections, Duration.ofMinutes(minutes), script);
                sampler.close();
                samples = sampler.samples();
            }
            boolean survived = engine.running(container);
            long oomKills = cgroup.readable() ? cgroup.oomKills().orElse(0) : (engine.oomKilled(container) ? 1 : 0);
            long max = samples.stream().mapToLong(Sample::workingSet).max().orElse(0);
            long p95 = (long) new DescriptiveStatistics(
                    samples.stream().mapToDouble(Sample::workingSet).toArray()).getPercentile(95);
            double share = (double) max / overlay.limitBytes();
            boolean withinRequest = overlay.requestBytes() > 0 ? p95 <= overlay.requestBytes() : share <= MAX_SHARE_OF_LIMIT;
            boolean passed = survived && oomKills == 0 && load.errors() == 0 && load.non2xx() == 0 && withinRequest
                    && (atLimit == null || atLimit.pass());
            String verdict = String.format(Locale.ROOT, "%s: %,d requests, %.0f req/s, %s, %d non-2xx, %d OOM kills, "
                    + "p95 working set %.1f MiB against a %d MiB request, peak %.1f MiB = %.0f%% of the %d MiB limit%s",
                    passed ? "passed" : "FAILED", load.requests(), load.requestsPerSecond(), SoakReport.errors(load), load.non2xx(), oomKills,
                    p95 / Summary.MIB, overlay.requestBytes() >> 20, max / Summary.MIB, share * 100, overlay.limitBytes() >> 20,
                    atLimit == null ? "" : "; standard phases at the limit " + atLimit.summary());
            List<long[]> perSecond = new ArrayList<>();
            for (int i = 0; i < samples.size(); i += 10) {
                perSecond.add(new long[] { samples.get(i).tMs(), samples.get(i).workingSet() });
            }
            return new Outcome(variant, image, overlay.limitBytes(), overlay.options(), minutes, connections, max, share,
                    oomKills, survived, load, passed, verdict, perSecond, p95, overlay.requestBytes(), atLimit);
        } finally {
            engine.stop(container, Duration.ofSeconds(20));
            Files.writeString(dir.resolve(variant + ".log"), engine.logs(container));
            engine.remove(container);
        }
    }

    /**
     * The standard phases at the overlay's limit, run as the bench ran the run the overlay was sized from, with the
     * overlay's options, between two runs at that run's reference limit; null for an overlay not sized from a run
     * with a needed limit.
     */
    private LimitCheck.Result checkAtLimit(ContainerEngine engine, LoadGenerators generators, Overlay overlay, String variant, String image)
            throws IOException {
        if (overlay.source() == null) {
            return null;
        }
        TargetResult measured = Json.MAPPER.readValue(overlay.source().toFile(), TargetResult.class);
        if (measured.needs() == null) {
            return null;
        }
        TargetSpec t = measured.target();
        Map<String, String> env = new HashMap<>(t.env());
        env.putAll(overlay.env());
        TargetSpec spec = new TargetSpec(t.name(), t.kind(), image, t.path(), t.workPath(),
                overlay.args().isEmpty() ? t.command() : overlay.args(), env, t.article(), null, t.description(), null, t.caveat());
        Settings reference = measured.run().settings();
        Settings s = reference.withMemory(overlay.limitBytes());
        System.out.printf("%n%s: the standard phases at %d MiB, between two runs at %d MiB%n", variant, overlay.limitBytes() >> 20,
                reference.memoryLimitBytes() >> 20);
        try (Progress progress = new Progress()) {
            Runner runner = new Runner(engine, generators, reference, port, progress);
            // a reference run that fails is not a neighbour: the check is then held to the one that passed, or fails
            Reference failuresOnly = Reference.failuresOnly(reference.memoryLimitBytes(), measured.repetitions());
            List<Probe> runs = new ArrayList<>();
            Bracketed bracketed = new Bracketed((target, settings, keepGoing) -> runner.run(target, 1, settings, keepGoing),
                    progress, spec, Stage.confirm, reference, failuresOnly, runs);
            LimitCheck.Result r;
            if (!bracketed.start()) {
                r = LimitCheck.failed(measured, overlay.limitBytes(), "the run at " + (reference.memoryLimitBytes() >> 20)
                        + " MiB before it failed: " + runs.get(0).why());
            } else {
                Probe atLimit = bracketed.held(s);
                r = judged(measured, overlay.limitBytes(), atLimit, bracketed.lastBeside());
                // as in the search: a run that failed on req/s alone (no error, stall or OOM kill) may be one short
                // run's noise, so it runs once more and the second run decides
                if (!r.pass() && atLimit.slowOnly()) {
                    System.out.printf("%n%s: %s; once more, as the search would%n", variant, r.summary());
                    r = judged(measured, overlay.limitBytes(), bracketed.held(s), bracketed.lastBeside()).after(r);
                }
            }
            System.out.printf("%n%s: %s%n", variant, r.summary());
            return r;
        }
    }

    private static LimitCheck.Result judged(TargetResult measured, long limitBytes, Probe atLimit, List<Repetition> beside) {
        return atLimit.repetition() == null ? LimitCheck.failed(measured, limitBytes, atLimit.why())
                : LimitCheck.judge(measured, limitBytes, atLimit.repetition(), beside);
    }

    private void awaitUp(ContainerEngine engine, String container, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(container + " was not ready within 120 s:\n" + engine.logs(container));
    }

    /** docs/reliability.md's soak table, from the run's result files. */
    private void writeDocs(String id, Variants matrixFile) throws IOException {
        List<JsonNode> files = SoakResults.resultFiles(resultsOption.results.resolve(id));
        GeneratedBlock.replace(docsOption.docs.resolve("reliability.md"), "soak", "bench/run.sh soak",
                SoakReport.table(id, SoakResults.outcomes(files, matrixFile.names())) + "\n" + SoakReport.sittings(files));
    }

    /**
     * What the soak takes from an overlay's generated memory.yaml; requestBytes 0 where it sets none; source the
     * result file it was generated from (its banner), or null.
     */
    record Overlay(long limitBytes, long requestBytes, Map<String, String> env, List<String> args, Path source) {

        static final Pattern BANNER = Pattern.compile("^# Generated by `bench/run.sh overlays` from (\\S+\\.json):", Pattern.MULTILINE);

        static Overlay read(Path memoryYaml) {
            try {
                String yaml = Files.readString(memoryYaml);
                Matcher banner = BANNER.matcher(yaml);
                Path source = banner.find() ? Path.of(banner.group(1)) : null;
                JsonNode c = new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/spec/template/spec/containers/0");
                long limit = Bytes.parse(c.at("/resources/limits/memory").asText());
                String req = c.at("/resources/requests/memory").asText();
                long request = req.isBlank() ? 0 : Bytes.parse(req);
                Map<String, String> env = new LinkedHashMap<>();
                c.path("env").forEach(e -> env.put(e.get("name").asText(), e.get("value").asText()));
                List<String> args = new ArrayList<>();
                c.path("args").forEach(a -> args.add(a.asText()));
                return new Overlay(limit, request, env, args, source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + memoryYaml, e);
            }
        }

        String options() {
            return env.containsKey("JDK_JAVA_OPTIONS") ? env.get("JDK_JAVA_OPTIONS") : String.join(" ", args);
        }
    }
}
