package dev.footprint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM while requests are in flight: every request the service accepted completes, readiness
 * turns DOWN before the listener closes, and the process exits within the grace period Kubernetes
 * gives it (k8s/base: 20 s). Runs what the build packaged (the jar, or with -Dnative the executable);
 * with {@code -Dfootprint.image=REF} it runs that container image instead (podman or docker, host network).
 */
class GracefulShutdownIT {

    static final int PORT = 18181;
    static final long GRACE_MS = 20_000;
    static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
    /** Keeps requests in flight for tens of milliseconds each. */
    static final String WORK = "/work?kib=4096";
    /** When SIGTERM was sent (System.nanoTime), 0 before. */
    static final AtomicLong T0 = new AtomicLong();
    /** quarkus.shutdown.delay: readiness is DOWN but the service serves normally. */
    static final long DELAY_MS = configuredDelayMs();

    @Test
    void inFlightRequestsCompleteAndReadinessGoesDownFirst() throws Exception {
        Launched service = launch();
        try {
            awaitReady();
            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong readinessDownAt = new AtomicLong();
            AtomicLong listenerClosedAt = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(21);
            for (int i = 0; i < 20; i++) {
                clients.submit(() -> load(WORK, outcomes, failures, stop, listenerClosedAt));
            }
            clients.submit(() -> watchReadiness(stop, readinessDownAt, listenerClosedAt));
            Thread.sleep(1500);

            long sigterm = System.nanoTime();
            T0.set(sigterm);
            service.terminate();
            boolean exited = service.awaitExit(GRACE_MS);
            long exitedAfterMs = (System.nanoTime() - sigterm) / 1_000_000;
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

            assertTrue(exited, "the process must exit within the " + GRACE_MS + " ms grace period");
            // 143 = 128 + SIGTERM: how the JVM and the native executable end after a clean shutdown
            assertTrue(service.exitCode() == 0 || service.exitCode() == 143, "exit code " + service.exitCode());
            assertTrue(failures.isEmpty(), failures.size() + " requests broken mid-flight, the first: "
                    + failures.subList(0, Math.min(8, failures.size())) + "\nthe service's log ends:\n" + service.logTail());
            assertTrue(outcomes.getOrDefault("200", new AtomicLong()).get() > 50, "load was running: " + outcomes);
            assertTrue(readinessDownAt.get() > sigterm, "readiness never reported DOWN");
            assertTrue(listenerClosedAt.get() == 0 || readinessDownAt.get() < listenerClosedAt.get(),
                    "readiness must turn DOWN before the listener closes");
            assertTrue((readinessDownAt.get() - sigterm) / 1_000_000 < 2000, "readiness DOWN within 2 s of SIGTERM");
            System.out.printf("SIGTERM -> readiness DOWN %d ms, listener closed %d ms, exit %d ms; outcomes %s%n",
                    (readinessDownAt.get() - sigterm) / 1_000_000,
                    listenerClosedAt.get() == 0 ? -1 : (listenerClosedAt.get() - sigterm) / 1_000_000, exitedAfterMs, outcomes);
        } finally {
            service.kill();
        }
    }

    /**
     * One request per connection, so that each request's fate is its own. A request is in flight for the
     * service once it is sent; the service promises to finish every request sent before its shutdown
     * delay ran out ({@link #DELAY_MS} after SIGTERM: it serves normally while readiness is DOWN).
     * After that it may refuse new requests cleanly: 503, a refused connection once the listener is
     * closed, or a connection the kernel accepted into the backlog just before the listener closed and
     * that the service never read (no byte of answer, or reset while connecting). Anything else,
     * above all an answer cut short, is a broken request.
     */
    private static void load(String path, Map<String, AtomicLong> outcomes, List<String> failures, AtomicBoolean stop,
            AtomicLong listenerClosedAt) {
        while (!stop.get()) {
            long sent = System.nanoTime();
            boolean mustComplete = T0.get() == 0 || sent < T0.get() + TimeUnit.MILLISECONDS.toNanos(DELAY_MS - 500);
            RawHttp http;
            try {
                http = new RawHttp(BASE, 10_000);
            } catch (ConnectException e) {
                listenerClosedAt.compareAndSet(0, System.nanoTime());
                count(outcomes, "refused");
                if (mustComplete) {
                    failures.add("connection refused " + since(sent) + " while the service promised to serve");
                }
                sleep(20);
                continue;
            } catch (SocketException e) {
                // reset while connecting: the listener closed with this connection in its backlog
                if (mustComplete) {
                    failures.add("connect: " + e + " " + since(sent));
                } else {
                    count(outcomes, "reset at close");
                }
                continue;
            } catch (IOException e) {
                failures.add("connect: " + e + " " + since(sent));
                continue;
            }
            try (http) {
                http.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                String raw = http.readAll();
                RawHttp.Response r = RawHttp.parse(raw).get(0);
                if (r.status() == 200 && r.body().endsWith("}")) {
                    count(outcomes, "200");
                } else if (mustComplete) {
                    failures.add((raw.isEmpty() ? "no answer" : "answer " + r.status()) + " to a request sent " + since(sent));
                } else if (r.status() == 503) {
                    count(outcomes, "503");
                } else if (raw.isEmpty()) {
                    count(outcomes, "not read (backlog at close)");
                } else {
                    failures.add("answer cut short or wrong (" + r.status() + ") to a request sent " + since(sent));
                }
            } catch (IOException e) {
                failures.add(e + " for a request sent " + since(sent));
            }
        }
    }

    private static long configuredDelayMs() {
        Properties app = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return java.time.Duration.parse("PT" + app.getProperty("quarkus.shutdown.delay")).toMillis();
    }

    private static void count(Map<String, AtomicLong> outcomes, String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static String since(long nanos) {
        return T0.get() == 0 ? "before SIGTERM" : ((nanos - T0.get()) / 1_000_000) + " ms after SIGTERM";
    }

    private static void watchReadiness(AtomicBoolean stop, AtomicLong downAt, AtomicLong closedAt) {
        while (!stop.get() && downAt.get() == 0) {
            try (RawHttp http = new RawHttp(BASE, 2000)) {
                http.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                if (RawHttp.parse(http.readAll()).get(0).status() == 503) {
                    downAt.compareAndSet(0, System.nanoTime());
                }
            } catch (IOException e) {
                closedAt.compareAndSet(0, System.nanoTime());
            }
            sleep(50);
        }
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (RawHttp http = new RawHttp(BASE, 2000)) {
                http.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                if (RawHttp.parse(http.readAll()).get(0).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready within 60 s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The service under test: the packaged jar as a child process, or a container. */
    interface Launched {
        void terminate() throws IOException;

        boolean awaitExit(long ms) throws Exception;

        int exitCode();

        void kill();

        /** The last lines the service wrote, for a failure message. */
        String logTail();
    }

    /** The service's first errors (a 500 is logged with its cause) and its last lines. */
    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.startsWith("\tat ") && !l.isBlank()).toList();
        List<String> errors = lines.stream().filter(l -> l.contains(" ERROR ")).distinct().limit(5).toList();
        return "first errors:\n" + String.join("\n", errors) + "\nlast lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    private static Launched launch() throws IOException {
        String image = System.getProperty("footprint.image", "");
        return image.isBlank() ? packaged() : container(image);
    }

    /** What `./mvnw package` built: the fast-jar, or with -Dnative the executable (target/quarkus-artifact.properties). */
    private static Launched packaged() throws IOException {
        Properties artifact = new Properties();
        Path built = Path.of("target/quarkus-artifact.properties");
        assertTrue(Files.exists(built), "package the service first");
        try (var in = Files.newInputStream(built)) {
            artifact.load(in);
        }
        String path = Path.of("target").resolve(artifact.getProperty("path")).toString();
        boolean isNative = artifact.getProperty("type").equals("native");
        List<String> command = new java.util.ArrayList<>();
        command.add(isNative ? path : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (isNative) {
            command.addAll(nativeImageArgs());
        }
        command.add("-Dquarkus.http.port=" + PORT);
        command.add("-Dquarkus.http.host=127.0.0.1");
        if (!isNative) {
            command.addAll(List.of("-jar", path));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/graceful-shutdown.log").toFile()).start();
        return new Launched() {
            public void terminate() {
                p.destroy(); // SIGTERM
            }

            public boolean awaitExit(long ms) throws InterruptedException {
                return p.waitFor(ms, TimeUnit.MILLISECONDS);
            }

            public int exitCode() {
                return p.exitValue();
            }

            public void kill() {
                p.destroyForcibly();
            }

            public String logTail() {
                try {
                    return lastLines(Files.readString(Path.of("target/graceful-shutdown.log")));
                } catch (IOException e) {
                    return e.toString();
                }
            }
        };
    }

    /** The native image's default arguments, its memory options: the CMD of images/native/Containerfile. */
    static List<String> nativeImageArgs() throws IOException {
        java.util.regex.Matcher cmd = java.util.regex.Pattern.compile("(?m)^CMD \\[(.*)\\]$")
                .matcher(Files.readString(Path.of("../images/native/Containerfile")));
        assertTrue(cmd.find(), "no CMD in images/native/Containerfile");
        return java.util.Arrays.stream(cmd.group(1).split(",")).map(a -> a.trim().replace("\"", "")).toList();
    }

    /** The locked-down run flags, as every check runs an image (images/locked-down.args). */
    private static List<String> lockedDown() throws IOException {
        return Files.readAllLines(Path.of("../images/locked-down.args")).stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
    }

    private static Launched container(String image) throws IOException {
        String engine = System.getProperty("footprint.engine", "podman");
        String name = "footprint-graceful-shutdown";
        run(List.of(engine, "rm", "-f", name));
        List<String> cmd = new ArrayList<>(List.of(engine, "run", "-d", "--pull=never", "--name", name, "--network", "host",
                "--memory", "256m"));
        cmd.addAll(lockedDown());
        cmd.addAll(List.of("-e", "QUARKUS_HTTP_PORT=" + PORT, "-e", "QUARKUS_HTTP_HOST=127.0.0.1", image));
        run(cmd);
        return new Launched() {
            int code = -1;

            public void terminate() throws IOException {
                run(List.of(engine, "kill", "--signal", "TERM", name));
            }

            public boolean awaitExit(long ms) throws Exception {
                Process wait = new ProcessBuilder(engine, "wait", name).redirectErrorStream(true).start();
                if (!wait.waitFor(ms, TimeUnit.MILLISECONDS)) {
                    wait.destroyForcibly();
                    return false;
                }
                code = Integer.parseInt(new String(wait.getInputStream().readAllBytes()).trim());
                return true;
            }

            public int exitCode() {
                return code;
            }

            public String logTail() {
                try {
                    Process logs = new ProcessBuilder(engine, "logs", name).redirectErrorStream(true).start();
                    String out = new String(logs.getInputStream().readAllBytes());
                    logs.waitFor(30, TimeUnit.SECONDS);
                    return lastLines(out);
                } catch (IOException | InterruptedException e) {
                    return e.toString();
                }
            }

            public void kill() {
                try {
                    run(List.of(engine, "rm", "-f", name));
                } catch (IOException e) {
                    // best effort
                }
            }
        };
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " timed out");
            }
            if (p.exitValue() != 0 && !command.contains("rm")) {
                throw new IOException(command + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

}
