package dev.footprint.bench.measure;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.footprint.bench.model.Json;

/**
 * Runs the open loop in a JVM of its own on the generator's cores, so that the bench's own work (sampling, JIT, GC)
 * neither slows it nor is counted as its CPU time. The child first runs the same schedule for {@code warmup}, not
 * recorded, so the measured phase runs compiled code; it prints its result as one JSON line, with the latency
 * histogram in HdrHistogram's compressed encoding.
 */
public record OpenLoopProcess(GeneratorProcess process, int connections, Duration warmup) {

    static final String RESULT_PREFIX = "footprint-open-loop ";
    private static final Duration WARMUP_TIMEOUT = Duration.ofSeconds(2);

    /** The child's wire format. */
    record Wire(long due, long completed, long errors, long non2xx, String histogram, double seconds, double cpuSeconds) {

        static Wire of(OpenLoop.Result r) {
            ByteBuffer buffer = ByteBuffer.allocate(r.latencyMicros().getNeededByteBufferCapacity());
            int length = r.latencyMicros().encodeIntoCompressedByteBuffer(buffer);
            return new Wire(r.due(), r.completed(), r.errors(), r.non2xx(),
                    Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)), r.seconds(), r.cpuSeconds());
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

    public OpenLoop.Result run(URI url, double perSecond, Duration duration, Duration timeout) {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-cp", System.getProperty("java.class.path"), OpenLoop.class.getName(),
                url.toString(), Double.toString(perSecond), Long.toString(duration.toMillis()), Long.toString(timeout.toMillis()),
                Integer.toString(connections), Long.toString(warmup.toMillis())));
        Duration bound = warmup.plus(WARMUP_TIMEOUT).plus(duration).plus(timeout).plusSeconds(30);
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
        if (args.length != 6) {
            System.err.println("usage: OpenLoop URL PER-SECOND DURATION-MS TIMEOUT-MS CONNECTIONS WARMUP-MS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        double perSecond = Double.parseDouble(args[1]);
        Duration duration = Duration.ofMillis(Long.parseLong(args[2]));
        Duration timeout = Duration.ofMillis(Long.parseLong(args[3]));
        Duration warmup = Duration.ofMillis(Long.parseLong(args[5]));
        try (OpenLoop loop = new OpenLoop(Integer.parseInt(args[4]))) {
            if (!warmup.isZero()) {
                loop.run(url, perSecond, warmup, WARMUP_TIMEOUT);
            }
            OpenLoop.Result result = loop.run(url, perSecond, duration, timeout);
            System.out.println(RESULT_PREFIX + Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Wire.of(result)));
        }
        System.exit(0);
    }
}
