package dev.footprint.bench.model;

import java.util.List;
import java.util.Map;

/**
 * One thing to measure: an image variant of the service, a peer stack, or a user's image.
 * Read from bench/targets.yaml; {@code {port}} in {@link #command} and {@link #env} values is
 * replaced by the port the bench assigns.
 *
 * @param path the endpoint every target is measured on (GET)
 * @param workPath the allocation endpoint (GET), or null to skip that phase
 * @param command arguments that replace the image's CMD, or null/empty for the image's own
 * @param article what the articles claim for this stack, shown beside the measurement
 * @param notMeasured why this target has a row but no measurement, or null
 * @param baseline for a lever (bench/levers.yaml), the target it is compared with
 * @param build for a service image, the images/build.sh build that makes it (its image follows from it), or null
 * @param caveat a known fault of the stack as configured that its figures carry (shown beside them, and the row is
 *        left out of per-MiB comparisons), or null
 */
public record TargetSpec(String name, TargetKind kind, String image, String path, String workPath,
        List<String> command, Map<String, String> env, String article, String notMeasured, String description,
        String baseline, String caveat, ServiceBuild build) {

    public TargetSpec(String name, TargetKind kind, String image, String path, String workPath, List<String> command,
            Map<String, String> env, String article, String notMeasured, String description, String baseline) {
        this(name, kind, image, path, workPath, command, env, article, notMeasured, description, baseline, null, null);
    }

    public TargetSpec(String name, TargetKind kind, String image, String path, String workPath, List<String> command,
            Map<String, String> env, String article, String notMeasured, String description, String baseline, String caveat) {
        this(name, kind, image, path, workPath, command, env, article, notMeasured, description, baseline, caveat, null);
    }

    public TargetSpec {
        if (build != null) {
            if (image != null && !image.equals(build.image())) {
                throw new IllegalArgumentException(name + ": give either image or build, not both (build makes " + build.image() + ")");
            }
            image = build.image();
        }
        path = path == null ? "/" : path;
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** Every measured target but the harness-ceiling row, which is there for its req/s. */
    public boolean searchesNeeds() {
        return measured() && kind != TargetKind.ceiling;
    }

    /** The project's service (a variant, untuned or lever row): Prometheus metrics at /q/metrics. */
    public boolean servesServiceMetrics() {
        return kind == TargetKind.variant || kind == TargetKind.untuned || kind == TargetKind.lever;
    }

    /**
     * Whether the target's JVM tracks its native memory (-XX:NativeMemoryTracking=summary or detail in
     * JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS), so that jcmd can read its summary.
     */
    public boolean tracksNativeMemory() {
        return java.util.stream.Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS").map(env::get)
                .anyMatch(v -> v != null && v.matches(".*-XX:NativeMemoryTracking=(summary|detail)\\b.*"));
    }

    /** This target with the JVM flag that makes it track its native memory, added through JAVA_TOOL_OPTIONS. */
    public TargetSpec trackingNativeMemory() {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.merge("JAVA_TOOL_OPTIONS", NATIVE_MEMORY_TRACKING, (a, b) -> a + " " + b);
        return new TargetSpec(name, kind, image, path, workPath, command, e, article, notMeasured, description, baseline, caveat, build);
    }

    /** The flag JVM targets get with bench run --track-native-memory. */
    public static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    public boolean measured() {
        return notMeasured == null || notMeasured.isBlank();
    }
}
