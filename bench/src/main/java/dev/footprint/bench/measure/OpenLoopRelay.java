package dev.footprint.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The open loop for a guest, run on the host that emulates it: reads one phase's arguments from standard input as
 * {@link OpenLoopProcess} sends them, runs the phase unemulated and prints what the child printed. qemu's guestfwd
 * starts it for each connection the guest opens (tools/cgroup-v2-guest.sh run --relay-port), standard input and
 * output being that connection. It loads only the loopback port the guest's target is forwarded to.
 * usage: java -cp footprint-bench.jar dev.footprint.bench.measure.OpenLoopRelay PORT [CPUS]
 */
public final class OpenLoopRelay {

    private OpenLoopRelay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: OpenLoopRelay PORT [CPUS]: the loopback port phases may load, the cores (taskset -c) to run them on");
            System.exit(2);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        OpenLoopProcess.Arguments phase;
        try {
            phase = checked(line, Integer.parseInt(args[0]));
        } catch (IllegalArgumentException e) {
            System.out.println("footprint-open-loop-relay: refused: " + e.getMessage());
            System.exit(2);
            return;
        }
        GeneratorProcess cores = new GeneratorProcess(args.length == 2 ? args[1] : null);
        Processes.Result r = Processes.run(cores.pinned(OpenLoopProcess.command(phase)), phase.bound(OpenLoopProcess.START_ALLOWANCE), Map.of());
        System.out.print(r.output());
        System.out.flush();
        System.exit(r.exitCode() == 0 ? 0 : 1);
    }

    /** The phase a line asks for, if both its URLs are on 127.0.0.1 at {@code port}: nothing else may be loaded from here. */
    static OpenLoopProcess.Arguments checked(String line, int port) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("no phase was sent (expected one line: " + OpenLoopProcess.Arguments.USAGE + ")");
        }
        OpenLoopProcess.Arguments phase = OpenLoopProcess.Arguments.parse(List.of(line.trim().split(" +")));
        for (URI url : List.of(phase.url(), phase.connectVia())) {
            if (!"http".equals(url.getScheme()) || !"127.0.0.1".equals(url.getHost()) || url.getPort() != port) {
                throw new IllegalArgumentException(url + " is not http://127.0.0.1:" + port + "/...");
            }
        }
        if (!(phase.perSecond() > 0) || phase.perSecond() > 100_000 || phase.connections() < 1 || phase.connections() > 10_000
                || phase.duration().toMinutes() > 60 || phase.timeout().toMinutes() > 60 || phase.warmup().toMinutes() > 10) {
            throw new IllegalArgumentException("out of bounds (rate 0–100,000/s, 1–10,000 connections, at most 60 min): " + line.trim());
        }
        return phase;
    }
}
