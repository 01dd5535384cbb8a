package dev.footprint.bench.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.footprint.bench.model.LoadResult;

/**
 * Runs wrk (Debian's wrk 4.1) against a URL on 127.0.0.1 for a fixed time. One wrk thread: the
 * container is pinned to one core, the load generator to the other.
 */
public record Wrk(String executable, GeneratorProcess process) {

    public String version() {
        try {
            String out = Processes.run(List.of(executable, "-v"), Duration.ofSeconds(10), Map.of()).output();
            // "wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer": name and version
            String[] words = out.lines().findFirst().orElse("wrk").trim().split("\\s+");
            return words.length >= 2 ? words[0] + " " + words[1] : words[0];
        } catch (RuntimeException e) {
            return "wrk (version unknown)";
        }
    }

    public LoadResult run(String url, int connections, Duration duration) {
        return run(url, connections, duration, null);
    }

    /** @param script a wrk Lua script (e.g. one that chooses each request's path), or null */
    public LoadResult run(String url, int connections, Duration duration, Path script) {
        List<String> cmd = new ArrayList<>(List.of(executable, "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "--latency"));
        if (script != null) {
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        Processes.Result r = Processes.run(process.command(cmd), duration.plusSeconds(30), Map.of());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("wrk failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return WrkOutput.parse(r.stdout()).withGeneratorCpu(GeneratorProcess.cpuSeconds(r.stderr()));
    }
}
