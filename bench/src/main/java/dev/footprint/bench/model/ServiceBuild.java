package dev.footprint.bench.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a service image is built: its variant and the images/build.sh options, named directly in a target
 * (bench/targets.yaml, levers.yaml) rather than recovered from its tag. {@link #tag()} is the tag images/build.sh
 * gives that build: VARIANT[-without-EXT...][-aot].
 *
 * @param aot with the opt-in AOT cache (images/build.sh --aot)
 * @param without the parts of the service left out (images/build.sh --without)
 */
public record ServiceBuild(String variant, boolean aot, List<Extension> without) {

    /**
     * What images/build.sh can leave out of the service, in the order its tag names them: two Quarkus extensions,
     * then three per-request features (each a build-time switch of service/pom.xml's without-* profiles).
     */
    public enum Extension {
        metrics("metrics"), health("health"),
        /** Micrometer's HTTP server binder: a timer per request, by method, URI and status */
        httpMetrics("http-metrics"),
        /** quarkus.http.enable-compression and the CompressionThreshold route that goes with it */
        compression("compression"),
        /** the HttpErrorRoutes checks every request passes before its endpoint */
        errorRoutes("error-routes");

        private final String flag;

        Extension(String flag) {
            this.flag = flag;
        }

        /** The name bench/levers.yaml, images/build.sh and the image tag use (Jackson reads and writes it too). */
        @JsonValue
        public String flag() {
            return flag;
        }
    }

    public ServiceBuild {
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("a service build needs its variant");
        }
        without = without == null ? List.of() : without.stream().distinct().sorted().toList();
    }

    public static ServiceBuild of(String variant) {
        return new ServiceBuild(variant, false, List.of());
    }

    String tag() {
        return variant + (without.isEmpty() ? "" : "-without-" + String.join("-", without.stream().map(Extension::flag).toList()))
                + (aot ? "-aot" : "");
    }

    public String image() {
        return Targets.SERVICE_IMAGE + tag();
    }

    /** images/build.sh's options for this build, besides the variant. */
    public List<String> options() {
        List<String> o = new ArrayList<>();
        if (aot) {
            o.add("--aot");
        }
        if (!without.isEmpty()) {
            o.add("--without");
            o.add(String.join(",", without.stream().map(Extension::flag).toList()));
        }
        return o;
    }
}
