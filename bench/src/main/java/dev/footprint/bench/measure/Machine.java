package dev.footprint.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on, recorded in every result file. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, String> describe(ContainerEngine engine, Wrk wrk) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpuModel", cpuinfo("model name"));
        m.put("cores", cores());
        m.put("memTotal", meminfo("MemTotal"));
        m.put("kernel", command(List.of("uname", "-srm")));
        m.put("os", osRelease());
        m.put("cgroup", Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "v2"
                : Files.exists(Path.of("/sys/fs/cgroup/unified")) ? "v1 (hybrid)" : "v1");
        m.put("engine", engine.version());
        m.put("ociRuntime", command(List.of(engine.name(), "info", "--format", "{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Version}}"))
                .lines().findFirst().orElse(""));
        m.put("loadGenerator", wrk.version() + "; hey " + debianVersion("hey"));
        m.put("benchJava", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    /** The machine's cores, not this JVM's: bench/run.sh pins the bench to one of them. */
    private static String cores() {
        try {
            return Long.toString(Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count());
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String debianVersion(String pkg) {
        return command(List.of("dpkg-query", "-W", "-f=${Version}", pkg));
    }

    private static String cpuinfo(String key) {
        return field(Path.of("/proc/cpuinfo"), key);
    }

    private static String meminfo(String key) {
        return field(Path.of("/proc/meminfo"), key);
    }

    private static String osRelease() {
        String pretty = field(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty.replace("\"", "").replaceFirst("^=", "");
    }

    private static String field(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(key.length()).replaceFirst("^\\s*[:=]\\s*", "").trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(List<String> cmd) {
        try {
            return Processes.check(cmd, Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
