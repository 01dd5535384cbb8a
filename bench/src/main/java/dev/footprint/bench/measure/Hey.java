package dev.footprint.bench.measure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.footprint.bench.model.LoadResult;

/**
 * Runs hey (Debian's hey 0.1.4) for a fixed number of requests: the count-bound allocation phase.
 * wrk, used for the timed phases, can only stop after a duration.
 */
public record Hey(String executable, GeneratorProcess process) {

    /** @param timeout the bound on the whole run; hey gives each request 10 s */
    public LoadResult run(String url, int connections, long requests, Duration timeout) {
        List<String> cmd = List.of(executable, "-n", Long.toString(requests), "-c", Integer.toString(connections),
                "-t", "10", url);
        Processes.Result r;
        try {
            r = Processes.run(process.command(cmd), timeout, Map.of());
        } catch (Processes.TimedOut e) {
            return stalled(requests, timeout);
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException("hey failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return HeyOutput.parse(r.stdout()).withGeneratorCpu(GeneratorProcess.cpuSeconds(r.stderr()));
    }

    /**
     * A run that did not finish in time: the target stopped answering (at its memory limit, say). That is a
     * result, not a broken bench: every request counts as an error, and there is no rate or latency.
     */
    public static LoadResult stalled(long requests, Duration timeout) {
        return new LoadResult(0, timeout.toSeconds(), Double.NaN, Double.NaN, Double.NaN, requests, 0,
                "stalled: hey did not finish " + requests + " requests within " + timeout.toSeconds() + " s");
    }
}
