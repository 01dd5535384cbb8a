package dev.footprint.bench.measure;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.footprint.bench.model.Json;

/**
 * Runs the open loop in a JVM of its own on the generator's cores, so that the bench's own work (sampling, JIT, GC)
 * neither slows it nor is counted as its CPU time. The child first opens its connections, then runs the same schedule
 * for {@code warmup}, not recorded, so the measured phase runs compiled code on connections already open; it prints
 * its result as one JSON line, with the latency histogram in HdrHistogram's compressed encoding.
 */
public record OpenLoopProcess(GeneratorProcess process, int connections, Duration warmup, Duration startAllowance) {

    /** What the child's JVM may take to start and to finish, beyond its schedule and timeout, on a host. */
    static final Duration START_ALLOWANCE = Duration.ofSeconds(30);

    public OpenLoopProcess(GeneratorProcess process, int connections, Duration warmup) {
        this(process, connections, warmup, START_ALLOWANCE);
    }

    static final String RESULT_PREFIX = "footprint-open-loop ";
    private static final Duration WARMUP_TIMEOUT = Duration.ofSeconds(2);

    /** The child's wire format. */
    record Wire(long due, long completed, long errors, long non2xx, String histogram, double seconds, double cpuSeconds) {

        static Wire of(OpenLoop.Result r) {
            ByteBuffer buffer = ByteBuffer.allocate(r.latencyMicros().getNeededByteBufferCapacity());
            int length = r.latencyMicros().encodeIntoCompressedByteBuffer(buffer);
            return new Wire(r.due(), r.completed(), r.errors(), r.non2xx(),
                    Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)), r.seconds(), r.cpuSeconds());
        }

        OpenLoop.Result toResult() {
            try {
                Histogram latency = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
                return new OpenLoop.Result(due, completed, errors, non2xx, latency, seconds, cpuSeconds);
            } catch (DataFormatException e) {
                throw new IllegalStateException("the open loop's latency histogram does not decode: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param connectVia where every connection is opened before the warm-up, with one request each at once: the
     *        target's plain path, as a burst of the measured path (/work) would be a load of its own
     */
    public OpenLoop.Result run(URI url, URI connectVia, double perSecond, Duration duration, Duration timeout) {
        // a fixed, touched heap: growing it, and first touching its pages, paused the loop for tens of milliseconds
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xms320m", "-Xmx320m", "-Xmn200m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), OpenLoop.class.getName(),
                url.toString(), connectVia.toString(), Double.toString(perSecond), Long.toString(duration.toMillis()),
                Long.toString(timeout.toMillis()), Integer.toString(connections), Long.toString(warmup.toMillis())));
        Duration bound = warmup.plus(WARMUP_TIMEOUT).plus(duration).plus(timeout).plus(startAllowance);
        Processes.Result r = Processes.run(process.pinned(java), bound, Map.of());
        String line = r.stdout().lines().filter(l -> l.startsWith(RESULT_PREFIX)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the open loop printed no result (exit " + r.exitCode() + "):\n" + r.output()));
        try {
            return Json.MAPPER.readValue(line.substring(RESULT_PREFIX.length()), Wire.class).toResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the open loop's result does not parse: " + line, e);
        }
    }

    /** The child: warms up on the schedule, then runs it and prints the result. */
    static void child(String[] args) throws JsonProcessingException {
        if (args.length != 7) {
            System.err.println("usage: OpenLoop URL CONNECT-VIA-URL PER-SECOND DURATION-MS TIMEOUT-MS CONNECTIONS WARMUP-MS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        URI connectVia = URI.create(args[1]);
        double perSecond = Double.parseDouble(args[2]);
        Duration duration = Duration.ofMillis(Long.parseLong(args[3]));
        Duration timeout = Duration.ofMillis(Long.parseLong(args[4]));
        Duration warmup = Duration.ofMillis(Long.parseLong(args[6]));
        try (OpenLoop loop = new OpenLoop(Integer.parseInt(args[5]))) {
            if (!warmup.isZero()) {
                // every connection opened first (all due at once), so none is opened in the measured run: opening
                // them there, in a burst after a pause, put tens of milliseconds into nginx's p99.9 at 5,000 req/s
                loop.run(connectVia, loop.connections() * 1000.0, Duration.ofMillis(1), WARMUP_TIMEOUT);
                loop.run(url, perSecond, warmup, WARMUP_TIMEOUT);
            }
            OpenLoop.Result result = loop.run(url, perSecond, duration, timeout);
            System.out.println(RESULT_PREFIX + Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Wire.of(result)));
        }
        System.exit(0);
    }
}
