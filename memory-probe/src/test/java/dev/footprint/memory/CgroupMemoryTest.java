package dev.footprint.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class CgroupMemoryTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CgroupMemoryTest.class.getResource("/" + name).toURI());
    }

    @Test
    void v2InsideAContainer() throws Exception {
        CgroupMemory c = CgroupMemory.ofSelf(fixture("v2")).orElseThrow();
        assertEquals(CgroupVersion.V2, c.version());
        MemorySample s = c.read();
        assertEquals(52428800L, s.usage());
        assertEquals(8388608L, s.inactiveFile());
        assertEquals(52428800L - 8388608L, s.workingSet());
        assertEquals(OptionalLong.of(268435456L), s.limit());
        assertEquals(OptionalLong.of(60817408L), s.maxUsage());
        assertEquals(2097152L, s.activeFile());
        assertEquals(6291456L, s.mappedFile());
    }

    @Test
    void v1WithoutNamespaceStripsTheMountRoot() throws Exception {
        CgroupMemory c = CgroupMemory.ofSelf(fixture("v1")).orElseThrow();
        assertEquals(CgroupVersion.V1, c.version());
        assertTrue(c.dir().endsWith(Path.of("sys/fs/cgroup/memory")), c.dir().toString());
        MemorySample s = c.read();
        assertEquals(104857600L, s.usage());
        // total_inactive_file (hierarchical), not inactive_file
        assertEquals(16777216L, s.inactiveFile());
        assertEquals(104857600L - 16777216L, s.workingSet());
        assertEquals(OptionalLong.empty(), s.limit(), "v1's page-rounded Long.MAX_VALUE means no limit");
        assertEquals(OptionalLong.of(125829120L), s.maxUsage());
        // hierarchical figures, as for inactive file
        assertEquals(4194304L, s.activeFile());
        assertEquals(3145728L, s.mappedFile());
    }

    @Test
    void aKernelWithoutTheFileFiguresGivesMinusOne() throws Exception {
        MemorySample s = CgroupMemory.ofSelf(fixture("hybrid")).orElseThrow().read();
        assertEquals(-1L, s.activeFile());
        assertEquals(-1L, s.mappedFile());
    }

    @Test
    void cpuOfV1AndV2() throws Exception {
        // v1 here: cpu and cpuacct in hierarchies of their own, as on this project's hosts
        CgroupCpu cpu1 = CgroupCpu.ofSelf(fixture("v1")).orElseThrow();
        assertTrue(cpu1.dir().endsWith(Path.of("sys/fs/cgroup/cpu")), cpu1.dir().toString());
        assertEquals(new CgroupCpu.Reading(2_500_000_000L, 120, 7, 350_000_000L), cpu1.read());
        CgroupCpu cpu2 = CgroupCpu.ofSelf(fixture("v2")).orElseThrow();
        assertEquals(new CgroupCpu.Reading(1_500_000_000L, 40, 3, 20_000_000L), cpu2.read());
        assertEquals(new CgroupCpu.Reading(1_000_000_000L, 80, 4, 330_000_000L), cpu1.read().minus(cpu2.read()));
    }

    @Test
    void hybridHostUsesTheV1MemoryController() throws Exception {
        CgroupMemory c = CgroupMemory.ofSelf(fixture("hybrid")).orElseThrow();
        assertEquals(CgroupVersion.V1, c.version());
        assertTrue(c.dir().endsWith(Path.of("memory/docker/abc")), c.dir().toString());
        MemorySample s = c.read();
        assertEquals(3145728L - 1048576L, s.workingSet());
        assertEquals(OptionalLong.of(67108864L), s.limit());
        assertEquals(OptionalLong.empty(), s.maxUsage());
    }

    @Test
    void anotherProcessSeenFromAV2Host() throws Exception {
        CgroupMemory c = CgroupMemory.ofProcess(fixture("v2-host"), 4242).orElseThrow();
        assertTrue(c.dir().endsWith(Path.of("machine.slice/libpod-1.scope")), c.dir().toString());
        MemorySample s = c.read();
        assertEquals(7340032L - 524288L, s.workingSet());
        assertEquals(OptionalLong.empty(), s.limit(), "memory.max 'max' means no limit");
    }

    @Test
    void nothingReadableIsEmptyNotAnError() throws Exception {
        assertFalse(CgroupMemory.ofSelf(fixture("none")).isPresent());
        assertFalse(CgroupMemory.ofProcess(fixture("v2-host"), 1).isPresent());
    }

    @Test
    void oomKillsAndProcesses() throws Exception {
        CgroupMemory v2 = CgroupMemory.ofSelf(fixture("v2")).orElseThrow();
        assertEquals(OptionalLong.of(2), v2.oomKills());
        assertEquals(java.util.List.of(1L, 27L), v2.pids());
        CgroupMemory v1 = CgroupMemory.ofSelf(fixture("v1")).orElseThrow();
        assertEquals(OptionalLong.of(1), v1.oomKills());
        assertEquals(java.util.List.of(4242L), v1.pids());
        assertEquals(OptionalLong.empty(), CgroupMemory.ofSelf(fixture("hybrid")).orElseThrow().oomKills());
    }

    @Test
    void workingSetNeverNegative() {
        assertEquals(0L, new MemorySample(10, -1, 20, -1, OptionalLong.empty(), OptionalLong.empty()).workingSet());
    }
}
