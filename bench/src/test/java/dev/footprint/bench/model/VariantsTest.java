package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The image matrix against the Containerfiles it names: what the build scripts and the bench rely on. */
public class VariantsTest {

    public static final Path IMAGES = Path.of("../images");
    static final Variants MATRIX = Variants.load(IMAGES.resolve("variants.yaml"));

    /** images/base/build.sh's TAG table: base name to the local image it builds. */
    static final Map<String, String> BASE_TAGS = baseTags();

    private static Map<String, String> baseTags() {
        try {
            Map<String, String> tags = new TreeMap<>();
            Matcher m = Pattern.compile("(?m)^\\s+\\[([\\w-]+)\\]=(localhost/\\S+)").matcher(Files.readString(IMAGES.resolve("base/build.sh")));
            while (m.find()) {
                tags.put(m.group(1), m.group(2));
            }
            return tags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> argDefaults(Path containerfile) throws Exception {
        Map<String, String> args = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^ARG (\\w+)(?:=(\\S*))?").matcher(Files.readString(containerfile));
        while (m.find()) {
            args.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return args;
    }

    @Test
    void theMatrixListsTheVariantsInTheOrderOfTheTables() {
        assertEquals(List.of("jvm-slim", "jvm-alpine", "distroless", "jlink", "native"), MATRIX.names());
        assertEquals(List.of("jvm-slim", "distroless", "jlink", "native"), MATRIX.offlineBuildable());
    }

    @Test
    void everyOfflineArgIsAnArgOfItsContainerfileWhoseDefaultIsAPublicBase() throws Exception {
        for (Variants.Variant v : MATRIX.variants()) {
            Path file = IMAGES.resolve(v.containerfile());
            assertTrue(Files.isRegularFile(file), v.name() + ": no " + file);
            Map<String, String> defaults = argDefaults(file);
            if (v.offline() == null) {
                assertFalse(v.notOffline() == null || v.notOffline().isBlank(), v.name() + " says why it cannot be built offline");
                continue;
            }
            v.offline().args().forEach((arg, offline) -> {
                assertTrue(defaults.containsKey(arg), v.name() + ": " + file + " has no ARG " + arg);
                assertTrue(offline.startsWith("localhost/"), v.name() + ": offline " + arg + " is a local image");
                String pub = v.args().getOrDefault(arg, defaults.get(arg));
                assertFalse(pub.startsWith("localhost/"), v.name() + ": " + arg + " without --offline is the public base a user pulls");
            });
            // what each offline arg names is one of the variant's bases, as images/base/build.sh tags it
            List<String> tags = v.offline().bases().stream().map(b -> {
                assertTrue(BASE_TAGS.containsKey(b), v.name() + ": images/base/build.sh builds no base " + b);
                return BASE_TAGS.get(b);
            }).toList();
            v.offline().args().values().forEach(image -> assertTrue(tags.contains(image), v.name() + ": " + image + " is not among "
                    + v.offline().bases()));
        }
    }

    @Test
    void aVariantsArgsAreArgsOfItsContainerfileAndAJreNamesOneOfItsStages() throws Exception {
        for (Variants.Variant v : MATRIX.variants()) {
            String containerfile = Files.readString(IMAGES.resolve(v.containerfile()));
            Map<String, String> defaults = argDefaults(IMAGES.resolve(v.containerfile()));
            v.args().forEach((arg, value) -> {
                assertTrue(defaults.containsKey(arg), v.name() + ": " + v.containerfile() + " has no ARG " + arg);
                assertFalse(value.startsWith("localhost/"), v.name() + ": " + arg + " is the public base a user pulls");
            });
            if (defaults.containsKey("JRE")) {
                String jre = v.args().getOrDefault("JRE", defaults.get("JRE"));
                assertTrue(containerfile.contains(" AS jre-" + jre + "\n"), v.name() + ": no stage jre-" + jre);
            }
        }
    }

    @Test
    void oneContainerfilePerPackagingKind() {
        Map<Variants.Runtime, Set<String>> files = new TreeMap<>();
        MATRIX.variants().forEach(v -> files.computeIfAbsent(v.runtime(), k -> new TreeSet<>()).add(v.containerfile()));
        assertEquals(Map.of(Variants.Runtime.jvm, Set.of("jvm/Containerfile"),
                Variants.Runtime.nativeExecutable, Set.of("native/Containerfile")), files);
    }

    @Test
    void aStandInIsAVariantBuiltHereOfTheSameRuntime() {
        for (Variants.Variant v : MATRIX.variants()) {
            if (v.standIn() != null) {
                Variants.Variant s = MATRIX.variants().stream().filter(x -> x.name().equals(v.standIn())).findFirst().orElseThrow();
                assertTrue(s.offline() != null && s.runtime() == v.runtime(), v.name() + "'s stand-in " + s.name());
            }
        }
    }

    @Test
    void aVariantHasTheOptInAotStageExactlyWhereTheMatrixSaysAndItsDefaultImageIsTheRuntimeStage() throws Exception {
        for (Variants.Variant v : MATRIX.variants()) {
            String containerfile = Files.readString(IMAGES.resolve(v.containerfile()));
            assertEquals(v.aotCache(), containerfile.contains("\nFROM runtime AS aot\n"), v.name() + " (images/build.sh --aot builds that stage)");
            if (v.aotCache()) {
                // podman build makes the last stage: the default image must be the runtime stage, without the cache
                assertTrue(containerfile.strip().endsWith("\nFROM runtime"), v.name() + "'s last stage is not the runtime stage");
            }
        }
    }
}
