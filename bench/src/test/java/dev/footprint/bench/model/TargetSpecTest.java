package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetSpecTest {

    private static TargetSpec jvm(Map<String, String> env) {
        return new TargetSpec("jlink", TargetKind.variant, null, "/", null, List.of(), env, null, null, "", null, null,
                ServiceBuild.of("jlink"));
    }

    @Test
    void tracksNativeMemoryWhereTheFlagIsInEitherVariable() {
        assertFalse(jvm(Map.of("JDK_JAVA_OPTIONS", "-Xmx32m")).tracksNativeMemory());
        assertTrue(jvm(Map.of("JDK_JAVA_OPTIONS", "-Xmx32m -XX:NativeMemoryTracking=summary")).tracksNativeMemory());
        assertFalse(jvm(Map.of("JDK_JAVA_OPTIONS", "-XX:NativeMemoryTracking=off")).tracksNativeMemory());
    }

    @Test
    void trackingAddsTheFlagBesideTheImagesOptions() {
        TargetSpec t = jvm(Map.of("JDK_JAVA_OPTIONS", "-Xmx32m", "JAVA_TOOL_OPTIONS", "-Dfoo=1")).trackingNativeMemory();
        assertTrue(t.tracksNativeMemory());
        assertEquals("-Xmx32m", t.env().get("JDK_JAVA_OPTIONS"), "the image's own options stay as they were");
        assertEquals("-Dfoo=1 " + TargetSpec.NATIVE_MEMORY_TRACKING, t.env().get("JAVA_TOOL_OPTIONS"));
        assertEquals("localhost/footprint/service:jlink", t.image());
    }
}
