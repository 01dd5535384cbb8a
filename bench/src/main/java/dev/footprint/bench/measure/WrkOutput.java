package dev.footprint.bench.measure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footprint.bench.model.LoadResult;

/**
 * Parses the text wrk prints with {@code --latency}. Every field is looked up by its label, so
 * reordered or missing optional lines ("Socket errors", "Non-2xx") do not break it; a missing
 * mandatory line is an error that says which.
 */
public final class WrkOutput {

    private static final Pattern REQUESTS = Pattern.compile("(?m)^\\s*(\\d+) requests in ([\\d.]+)(us|ms|s|m|h)");
    private static final Pattern RPS = Pattern.compile("(?m)^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m|h)");
    /** "Latency   avg   stdev   max   +/- stdev": the third figure is the slowest request. */
    private static final Pattern LATENCY = Pattern.compile(
            "(?m)^\\s*Latency\\s+[\\d.]+\\w+\\s+[\\d.]+\\w+\\s+([\\d.]+)(us|ms|s|m|h)\\b");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "(?m)^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("(?m)^\\s*Non-2xx or 3xx responses: (\\d+)");

    private WrkOutput() {
    }

    public static LoadResult parse(String output) {
        Matcher requests = find(REQUESTS, output, "'N requests in T' line");
        Matcher rps = find(RPS, output, "'Requests/sec' line");
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            double ms = toMillis(Double.parseDouble(p.group(2)), p.group(3));
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalArgumentException("wrk output has no latency distribution (run wrk with --latency):\n" + output);
        }
        long errors = 0;
        String kinds = null;
        Matcher se = SOCKET_ERRORS.matcher(output);
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(se.group(g));
            }
            kinds = String.format(Locale.ROOT, "connect %s, read %s, write %s, timeout %s", se.group(1), se.group(2),
                    se.group(3), se.group(4));
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        double maxMs = latency.find() ? toMillis(Double.parseDouble(latency.group(1)), latency.group(2)) : Double.NaN;
        return new LoadResult(
                Long.parseLong(requests.group(1)),
                toMillis(Double.parseDouble(requests.group(2)), requests.group(3)) / 1000.0,
                Double.parseDouble(rps.group(1)),
                p50, p99, errors,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, kinds, maxMs, Double.NaN);
    }

    static double toMillis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            case "m" -> value * 60_000.0;
            case "h" -> value * 3_600_000.0;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    private static Matcher find(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("wrk output has no " + what + ":\n" + output);
        }
        return m;
    }
}
