package dev.footprint.bench.measure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footprint.bench.model.LoadResult;

/**
 * Parses the summary hey prints. Fields are found by label; a run where every request failed has
 * no latency distribution, and its percentiles are NaN (left out of the statistics).
 */
public final class HeyOutput {

    private static final Pattern TOTAL = Pattern.compile("(?m)^\\s*Total:\\s+([\\d.]+) secs");
    private static final Pattern RPS = Pattern.compile("(?m)^\\s*Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s*(50|99)% in ([\\d.]+) secs");
    private static final Pattern SLOWEST = Pattern.compile("(?m)^\\s*Slowest:\\s+([\\d.]+) secs");
    private static final Pattern STATUS = Pattern.compile("(?m)^\\s*\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern ERRORS_SECTION = Pattern.compile("(?s)Error distribution:(.*)");
    private static final Pattern ERROR = Pattern.compile("(?m)^\\s*\\[(\\d+)]\\s+\\S");

    private HeyOutput() {
    }

    public static LoadResult parse(String output) {
        Matcher total = TOTAL.matcher(output);
        Matcher rps = RPS.matcher(output);
        if (!total.find() || !rps.find()) {
            throw new IllegalArgumentException("hey output has no summary (Total, Requests/sec):\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            double ms = Double.parseDouble(p.group(2)) * 1000.0;
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        long responses = 0;
        long non2xx = 0;
        String statusPart = output.contains("Error distribution:") ? output.substring(0, output.indexOf("Error distribution:")) : output;
        Matcher s = STATUS.matcher(statusPart);
        while (s.find()) {
            int code = Integer.parseInt(s.group(1));
            long n = Long.parseLong(s.group(2));
            responses += n;
            if (code < 200 || code >= 400) {
                non2xx += n;
            }
        }
        long errors = 0;
        String kinds = null;
        Matcher section = ERRORS_SECTION.matcher(output);
        if (section.find()) {
            Matcher e = ERROR.matcher(section.group(1));
            while (e.find()) {
                errors += Long.parseLong(e.group(1));
            }
            kinds = section.group(1).strip().replaceAll("\\s*\\n\\s*", "; ");
        }
        Matcher slowest = SLOWEST.matcher(output);
        double maxMs = slowest.find() ? Double.parseDouble(slowest.group(1)) * 1000.0 : Double.NaN;
        return new LoadResult(responses, Double.parseDouble(total.group(1)), Double.parseDouble(rps.group(1)), p50, p99,
                errors, non2xx, kinds, maxMs, Double.NaN);
    }
}
