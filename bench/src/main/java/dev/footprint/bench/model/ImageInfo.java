package dev.footprint.bench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A measured image, as the container engine inspects it (image in the result files).
 *
 * @param labels the image's labels; images/build.sh records its bases and toolchain there
 * @param env the image's environment (where the JVM variants set JDK_JAVA_OPTIONS)
 * @param cmd the image's CMD (where the native variant sets its heap)
 * @param buildRecord what images/build.sh recorded when it built this very image (images/.built), or null
 */
public record ImageInfo(String ref, String id, long sizeBytes, Map<String, String> labels, List<String> env,
        List<String> cmd, Map<String, Object> buildRecord) {

    /** This image with the build record images/build.sh wrote for it, if the record is for this image id. */
    public ImageInfo withBuildRecord(Path builtDir) {
        Path record = builtDir.resolve(ref.substring(ref.lastIndexOf(':') + 1) + ".json");
        try {
            if (Files.exists(record)) {
                Map<String, Object> r = Json.MAPPER.readValue(record.toFile(), new TypeReference<Map<String, Object>>() {
                });
                if (id.equals(r.get("id")) && ref.equals(r.get("image"))) {
                    return new ImageInfo(ref, id, sizeBytes, labels, env, cmd, r);
                }
            }
        } catch (IOException e) {
            // an unreadable record is no record
        }
        return this;
    }

    /** The value of an environment variable the image sets, or null. */
    public String envValue(String name) {
        return env == null ? null
                : env.stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                        .findFirst().orElse(null);
    }
}
