package dev.footprint.bench.measure;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.footprint.bench.model.ImageInfo;
import dev.footprint.bench.model.Json;

/** podman or docker, through its command line (both take the same arguments here). */
public final class ContainerEngine {

    private static final Duration SHORT = Duration.ofSeconds(60);

    private final String executable;

    public ContainerEngine(String executable) {
        this.executable = executable;
    }

    public static ContainerEngine detect(String preferred) {
        if (preferred != null && !preferred.isBlank()) {
            return new ContainerEngine(preferred);
        }
        for (String candidate : List.of("podman", "docker")) {
            try {
                Processes.check(List.of(candidate, "--version"), Duration.ofSeconds(10));
                return new ContainerEngine(candidate);
            } catch (RuntimeException e) {
                // try the next one
            }
        }
        throw new IllegalStateException("no container engine: install podman (tools/setup-host.sh) or docker");
    }

    public String name() {
        return executable;
    }

    public String version() {
        return Processes.check(List.of(executable, "--version"), SHORT);
    }

    public ImageInfo image(String ref) {
        String[] f = Processes.check(List.of(executable, "image", "inspect", "--format", "{{.Id}} {{.Size}}", ref), SHORT)
                .split(" ");
        Map<String, String> labels = inspectJson(ref, "{{json .Config.Labels}}", new TypeReference<Map<String, String>>() {
        });
        List<String> env = inspectJson(ref, "{{json .Config.Env}}", new TypeReference<List<String>>() {
        });
        List<String> cmd = inspectJson(ref, "{{json .Config.Cmd}}", new TypeReference<List<String>>() {
        });
        return new ImageInfo(ref, f[0], Long.parseLong(f[1]), labels == null ? Map.of() : new TreeMap<>(labels),
                env == null ? List.of() : env, cmd == null ? List.of() : cmd, null);
    }

    private <T> T inspectJson(String ref, String format, TypeReference<T> type) {
        String json = Processes.check(List.of(executable, "image", "inspect", "--format", format, ref), SHORT);
        try {
            return json.isBlank() || json.equals("null") ? null : Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + format + " of " + ref + ": " + json, e);
        }
    }

    public boolean imageExists(String ref) {
        return Processes.run(List.of(executable, "image", "inspect", ref), SHORT, Map.of()).exitCode() == 0;
    }

    /** Starts a container on the host network with the given limits; returns its id. */
    public String run(String name, String image, long memoryBytes, double cpus, Map<String, String> env, List<String> command) {
        return run(name, image, memoryBytes, cpus, null, List.of(), env, command);
    }

    /**
     * @param cpuset the cores the container may run on (--cpuset-cpus), or null for any
     * @param flags more engine flags, e.g. {@link LockedDown#flags}
     */
    public String run(String name, String image, long memoryBytes, double cpus, String cpuset, List<String> flags,
            Map<String, String> env, List<String> command) {
        remove(name);
        List<String> cmd = new ArrayList<>(List.of(executable, "run", "-d", "--pull=never", "--name", name,
                "--network", "host",
                "--memory", Long.toString(memoryBytes), "--memory-swap", Long.toString(memoryBytes),
                "--cpus", Double.toString(cpus)));
        if (cpuset != null) {
            cmd.add("--cpuset-cpus");
            cmd.add(cpuset);
        }
        cmd.addAll(flags);
        env.forEach((k, v) -> {
            cmd.add("-e");
            cmd.add(k + "=" + v);
        });
        cmd.add(image);
        cmd.addAll(command);
        return Processes.check(cmd, SHORT);
    }

    public long pid(String container) {
        return Long.parseLong(inspect(container, "{{.State.Pid}}"));
    }

    public boolean running(String container) {
        return inspect(container, "{{.State.Running}}").equals("true");
    }

    public boolean oomKilled(String container) {
        return inspect(container, "{{.State.OOMKilled}}").equals("true");
    }

    public Instant startedAt(String container) {
        return parseTime(inspect(container, "{{.State.StartedAt}}"));
    }

    public String logs(String container) {
        return Processes.run(List.of(executable, "logs", container), SHORT, Map.of()).output();
    }

    public void stop(String container, Duration grace) {
        Processes.run(List.of(executable, "stop", "-t", Long.toString(grace.toSeconds()), container),
                grace.plus(SHORT), Map.of());
    }

    public void remove(String container) {
        Processes.run(List.of(executable, "rm", "-f", container), SHORT, Map.of());
    }

    private String inspect(String container, String format) {
        return Processes.check(List.of(executable, "inspect", "--format", format, container), SHORT);
    }

    /** podman: "2026-11-24 22:54:38.123456789 +0000 UTC"; docker: RFC 3339 with nanoseconds. */
    static Instant parseTime(String s) {
        String t = s.trim();
        if (t.length() > 10 && t.charAt(10) == 'T') {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        String[] f = t.split(" ");
        return OffsetDateTime.parse(f[0] + "T" + f[1] + f[2].substring(0, 3) + ":" + f[2].substring(3),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
