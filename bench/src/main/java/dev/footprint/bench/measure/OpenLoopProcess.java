package dev.footprint.bench.measure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * With a {@code relay}, the child runs wherever that is ({@link OpenLoopRelay}): in an emulated guest, a JVM of its
 * own took a core at 25 req/s, so the guest's phases go to the host that emulates it.
 */
public record OpenLoopProcess(GeneratorProcess process, int connections, Duration warmup, Duration startAllowance,
        InetSocketAddress relay) {

    /** What the child's JVM may take to start and to finish, beyond its schedule and timeout, on a host. */
    static final Duration START_ALLOWANCE = Duration.ofSeconds(30);

    public OpenLoopProcess(GeneratorProcess process, int connections, Duration warmup) {
        this(process, connections, warmup, START_ALLOWANCE, null);
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

    /** One phase as the child takes it on its command line, and a relay on its standard input. */
    record Arguments(URI url, URI connectVia, double perSecond, Duration duration, Duration timeout, int connections,
            Duration warmup) {

        static final String USAGE = "URL CONNECT-VIA-URL PER-SECOND DURATION-MS TIMEOUT-MS CONNECTIONS WARMUP-MS";

        List<String> toList() {
            return List.of(url.toString(), connectVia.toString(), Double.toString(perSecond), Long.toString(duration.toMillis()),
                    Long.toString(timeout.toMillis()), Integer.toString(connections), Long.toString(warmup.toMillis()));
        }

        /** @throws IllegalArgumentException with what is wrong, for anything but the seven values {@link #USAGE} names */
        static Arguments parse(List<String> args) {
            if (args.size() != 7) {
                throw new IllegalArgumentException("expected " + USAGE + ", got " + args.size() + " values");
            }
            try {
                return new Arguments(URI.create(args.get(0)), URI.create(args.get(1)), Double.parseDouble(args.get(2)),
                        Duration.ofMillis(Long.parseLong(args.get(3))), Duration.ofMillis(Long.parseLong(args.get(4))),
                        Integer.parseInt(args.get(5)), Duration.ofMillis(Long.parseLong(args.get(6))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + USAGE + ": " + e.getMessage(), e);
            }
        }

        /** How long the child may take in all: warm-up, schedule, the wait for the last answers, and its JVM's start. */
        Duration bound(Duration startAllowance) {
            return warmup.plus(WARMUP_TIMEOUT).plus(duration).plus(timeout).plus(startAllowance);
        }
    }

    /** The child's command line: a fixed, touched heap, as growing it and first touching its pages paused the loop for tens of ms. */
    static List<String> command(Arguments arguments) {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xms320m", "-Xmx320m", "-Xmn200m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), OpenLoop.class.getName()));
        java.addAll(arguments.toList());
        return java;
    }

    /**
     * @param connectVia where every connection is opened before the warm-up, with one request each at once: the
     *        target's plain path, as a burst of the measured path (/work) would be a load of its own
     */
    public OpenLoop.Result run(URI url, URI connectVia, double perSecond, Duration duration, Duration timeout) {
        Arguments arguments = new Arguments(url, connectVia, perSecond, duration, timeout, connections, warmup);
        Duration bound = arguments.bound(startAllowance);
        String output;
        if (relay == null) {
            Processes.Result r = Processes.run(process.pinned(command(arguments)), bound, Map.of());
            output = "(exit " + r.exitCode() + ")\n" + r.output();
        } else {
            output = relayed(arguments, bound);
        }
        String where = relay == null ? "" : " relayed to " + relay;
        String line = output.lines().filter(l -> l.startsWith(RESULT_PREFIX)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the open loop" + where + " printed no result:\n" + output));
        try {
            return Json.MAPPER.readValue(line.substring(RESULT_PREFIX.length()), Wire.class).toResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the open loop's result does not parse: " + line, e);
        }
    }

    /** The phase's arguments as one line to the relay, and all it prints until it closes the connection. */
    private String relayed(Arguments arguments, Duration bound) {
        try (Socket socket = new Socket()) {
            socket.connect(relay, 10_000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write((String.join(" ", arguments.toList()) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("the open loop's relay at " + relay + " sent nothing for " + bound, e);
        } catch (IOException e) {
            throw new UncheckedIOException("the open loop's relay at " + relay + ": " + e.getMessage(), e);
        }
    }

    /** The child: warms up on the schedule, then runs it and prints the result. */
    static void child(String[] args) throws JsonProcessingException {
        Arguments a;
        try {
            a = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("usage: OpenLoop " + Arguments.USAGE + " (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        try (OpenLoop loop = new OpenLoop(a.connections())) {
            if (!a.warmup().isZero()) {
                // every connection opened first (all due at once), so none is opened in the measured run: opening
                // them there, in a burst after a pause, put tens of milliseconds into nginx's p99.9 at 5,000 req/s
                loop.run(a.connectVia(), loop.connections() * 1000.0, Duration.ofMillis(1), WARMUP_TIMEOUT);
                loop.run(a.url(), a.perSecond(), a.warmup(), WARMUP_TIMEOUT);
            }
            OpenLoop.Result result = loop.run(a.url(), a.perSecond(), a.duration(), a.timeout());
            System.out.println(RESULT_PREFIX + Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Wire.of(result)));
        }
        System.exit(0);
    }
}
