package dev.footprint.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.memory.Mappings.Mapping;

class MappingsTest {

    /** A JVM's smaps cut down to one block per kind of mapping (the jlink image under load), and a path with a space. */
    private static Path proc() throws Exception {
        return Path.of(MappingsTest.class.getResource("/proc-4321").toURI());
    }

    @Test
    void readsEveryMappingWithItsPathAndResidentBytes() throws Exception {
        List<Mapping> maps = Mappings.read(proc());
        assertEquals(16, maps.size());
        Mapping jsa = maps.get(1);
        assertEquals("/opt/java/lib/server/classes.jsa", jsa.path());
        assertEquals("rw-p", jsa.perms());
        assertEquals(4760L * 1024, jsa.rss());
        assertEquals(4760L * 1024, jsa.pss());
        assertEquals(4552L * 1024, jsa.anonymous(), "the archive's pages the JVM wrote are private copies");
        Mapping code = maps.stream().filter(m -> m.path().endsWith("libjvm.so") && m.perms().equals("r-xp")).findFirst().orElseThrow();
        assertEquals(13428L * 1024, code.rss());
        assertEquals(0, code.anonymous());
        assertEquals("", maps.get(0).path(), "anonymous memory has no path");
        assertEquals("rw-p", maps.get(0).perms());
    }

    @Test
    void aPathMayHoldSpaces() throws Exception {
        Mapping last = Mappings.read(proc()).get(15);
        assertEquals("/deployments/lib/main/my app.jar", last.path());
        assertEquals(12L * 1024, last.rss());
    }

    @Test
    void readsTheExecutableAsTheProcessSeesIt(@TempDir Path dir) throws Exception {
        // /proc/PID/exe names the path inside the container, which need not exist on the host
        Files.createSymbolicLink(dir.resolve("exe"), Path.of("/opt/java/bin/java"));
        assertEquals(Optional.of("/opt/java/bin/java"), Mappings.executable(dir));
    }

    @Test
    void aGoneProcessHasNoMappings() {
        assertEquals(List.of(), Mappings.read(Path.of("/nonexistent/proc/1")));
        assertEquals(Optional.empty(), Mappings.executable(Path.of("/nonexistent/proc/1")));
    }
}
