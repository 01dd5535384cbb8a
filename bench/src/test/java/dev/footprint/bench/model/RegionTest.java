package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionTest {

    private static Region of(String path, String perms, String executable) {
        return Region.of(path, perms, executable);
    }

    @Test
    void aNativeExecutableSplitsIntoCodeReadOnlyAndWritableData() {
        String exe = "/work/application";
        assertEquals(Region.executableCode, of(exe, "r-xp", exe));
        assertEquals(Region.executableReadOnly, of(exe, "r--p", exe), "the read-only image heap");
        assertEquals(Region.executableWritable, of(exe, "rw-p", exe), "the writable image heap");
    }

    @Test
    void aJvmsFilesByWhatTheyAre() {
        String exe = "/opt/java/bin/java";
        assertEquals(Region.libjvm, of("/opt/java/lib/server/libjvm.so", "r-xp", exe));
        assertEquals(Region.cdsArchive, of("/opt/java/lib/server/classes.jsa", "rw-p", exe));
        assertEquals(Region.cdsArchive, of("/deployments/app.aot", "r--p", exe));
        assertEquals(Region.jdkModules, of("/opt/java/lib/modules", "r--s", exe));
        assertEquals(Region.jars, of("/deployments/lib/main/io.vertx.vertx-core-5.0.7.jar", "r--s", exe));
        assertEquals(Region.sharedLibraries, of("/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", "r-xp", exe));
        assertEquals(Region.sharedLibraries, of("/opt/java/lib/libnio.so", "r-xp", exe));
        assertEquals(Region.jars, of("/deployments/lib/main/app.jar (deleted)", "r--s", exe), "replaced since it was mapped");
        assertEquals(Region.executableCode, of(exe, "r-xp", exe));
    }

    @Test
    void filesInTheContainersTmpfsAreTheirOwnRegion() {
        // charged to the container whole, mapped or not: brotli4j unpacks its library there, HotSpot its perf data
        assertEquals(Region.tmpfs, of("/tmp/com_aayushatharva_brotli4j_1/libbrotli.so", "r-xp", "/opt/java/bin/java"));
        assertEquals(Region.tmpfs, of("/tmp/hsperfdata_65532/1", "rw-s", "/opt/java/bin/java"));
        assertEquals(Region.tmpfs, of("/memfd:doublemapper (deleted)", "r-xs", "/usr/bin/node"));
    }

    @Test
    void anonymousAndKernelMappings() {
        assertEquals(Region.anonymous, of("", "rw-p", "/usr/bin/node"));
        assertEquals(Region.anonymous, of("[anon:go heap]", "rw-p", "/app/server"));
        assertEquals(Region.mallocHeap, of("[heap]", "rw-p", "/usr/bin/python3.13"));
        assertEquals(Region.mainStack, of("[stack]", "rw-p", "/usr/bin/python3.13"));
        assertEquals(Region.kernel, of("[vdso]", "r-xp", "/usr/bin/python3.13"));
        assertEquals(Region.otherFiles, of("/usr/lib/locale/C.utf8/LC_CTYPE", "r--p", "/usr/bin/python3.13"));
    }
}
