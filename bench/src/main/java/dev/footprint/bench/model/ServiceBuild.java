package dev.footprint.bench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a service image is built: its variant and the images/build.sh options, named directly in a target
 * (bench/targets.yaml, levers.yaml) rather than recovered from its tag. {@link #tag()} is the tag images/build.sh
 * gives that build: VARIANT[-without-EXT...][-aot].
 *
 * @param aot with the opt-in AOT cache (images/build.sh --aot)
 * @param without the Quarkus extensions left out (images/build.sh --without)
 */
public record ServiceBuild(String variant, boolean aot, List<Extension> without) {

    /** The extensions images/build.sh can leave out, in the order its tag names them. */
    public enum Extension {
        metrics, health
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
        return variant + (without.isEmpty() ? "" : "-without-" + String.join("-", without.stream().map(Enum::name).toList()))
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
            o.add(String.join(",", without.stream().map(Enum::name).toList()));
        }
        return o;
    }
}
