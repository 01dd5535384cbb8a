package dev.footprint.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The image matrix, images/variants.yaml: the one list of the service's image variants. */
public record Variants(List<Variant> variants) {

    /** Where the matrix lives, from the project's root (the commands' default). */
    public static final String FILE = "images/variants.yaml";

    /** jvm: memory options in JDK_JAVA_OPTIONS; native (a Java keyword, hence the name): the executable's arguments. */
    enum Runtime {
        jvm,
        @JsonProperty("native")
        nativeExecutable
    }

    /**
     * One variant, as the matrix declares it (the fields images/build.sh and images/check.sh read too).
     *
     * @param args the build args that make this variant from its Containerfile (one per packaging kind), public bases
     * @param offline the build args and bases that build it without a registry, or null where it cannot be built here
     * @param standIn the variant measured in its place, or null
     */
    public record Variant(String name, String description, Runtime runtime, String containerfile, Map<String, String> args,
            boolean shell, boolean aotCache, Offline offline, String notOffline, String standIn) {

        /** The variant whose measurements stand for this one: itself, or its stand-in. */
        public String measuredAs() {
            return standIn != null ? standIn : name;
        }

        /** A native executable, which takes its memory options as arguments; a JVM reads JDK_JAVA_OPTIONS. */
        public boolean nativeExecutable() {
            return runtime == Runtime.nativeExecutable;
        }
    }

    record Offline(Map<String, String> args, List<String> bases) {
    }

    public static Variants load(Path file) {
        try {
            return Yaml.STRICT.readValue(file.toFile(), Variants.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image matrix " + file, e);
        }
    }

    public List<String> names() {
        return variants.stream().map(Variant::name).toList();
    }

    /** The variants built as a native executable. */
    public Set<String> nativeNames() {
        return variants.stream().filter(Variant::nativeExecutable).map(Variant::name).collect(Collectors.toSet());
    }

    /** The variants that build here without a registry: the ones the soak runs. */
    public List<String> offlineBuildable() {
        return variants.stream().filter(v -> v.offline() != null).map(Variant::name).toList();
    }
}
