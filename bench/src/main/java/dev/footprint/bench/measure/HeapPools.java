package dev.footprint.bench.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footprint.bench.model.Residency.HeapPool;

/**
 * What the service's garbage collector reports of its heap: Micrometer's {@code jvm_memory_used_bytes} and
 * {@code jvm_memory_committed_bytes} with {@code area="heap"}, one pair per memory pool, from its Prometheus page.
 * HotSpot and the native image both publish their pools through the MemoryMXBeans Micrometer reads.
 */
final class HeapPools {

    private static final Pattern SAMPLE = Pattern.compile("^jvm_memory_(used|committed)_bytes\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private HeapPools() {
    }

    /**
     * The heap's pools from {@code metrics}, read with the bench's client; null when the page cannot be read or has
     * none (the run goes on).
     */
    static Map<String, HeapPool> read(HttpClient http, URI metrics) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("no heap pools: " + metrics + " answered " + r.statusCode());
                return null;
            }
            Map<String, HeapPool> pools = parse(r.body());
            return pools.isEmpty() ? null : pools;
        } catch (IOException e) {
            System.err.println("no heap pools: " + metrics + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The heap's pools in the page's order; non-heap pools (metaspace, code cache) are NMT's to tell. */
    static Map<String, HeapPool> parse(String prometheusText) {
        Map<String, HeapPool> pools = new LinkedHashMap<>();
        Matcher m = SAMPLE.matcher(prometheusText);
        while (m.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            String pool = labels.get("id");
            if (!"heap".equals(labels.get("area")) || pool == null) {
                continue;
            }
            long bytes = (long) Double.parseDouble(m.group(3));
            HeapPool had = pools.getOrDefault(pool, new HeapPool(0, 0));
            pools.put(pool, m.group(1).equals("used") ? new HeapPool(bytes, had.committedBytes()) : new HeapPool(had.usedBytes(), bytes));
        }
        return pools;
    }
}
