package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.ImageInfo;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Region;
import dev.footprint.bench.model.Residency;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.TargetKind;

class AttributionTest {

    private static final long MIB = Fixtures.MIB;

    /**
     * A repetition whose idle and c200 phases carry a residency: {@code anonMiB} anonymous, 10 MiB of libjvm (1 MiB of
     * it written), 8 KiB of the kernel's pages (too small to show).
     */
    private static Repetition rep(int n, long anonMiB, Map<String, Long> nmt) {
        return withResidency(Fixtures.rep(n, 50, 80, 1000), Attribution.MOMENTS, new Residency(1000,
                Map.of(Region.anonymous, anonMiB * MIB, Region.libjvm, 10 * MIB, Region.kernel, 8 * 1024L),
                Map.of(Region.anonymous, anonMiB * MIB, Region.libjvm, 5 * MIB),
                Map.of(Region.anonymous, anonMiB * MIB, Region.libjvm, MIB), nmt));
    }

    /** {@code r} with {@code x} as the residency of each of {@code phases}. */
    private static Repetition withResidency(Repetition r, List<Phase> phases, Residency x) {
        List<PhaseResult> with = r.phases().stream().map(p -> phases.contains(p.phase()) ? p.withResidency(x) : p).toList();
        return new Repetition(r.repetition(), r.startupMs(), r.readyAfterProcessStartMs(), r.oomKills(), r.oomKilled(),
                r.survived(), with, r.sampleFields(), r.samples());
    }

    @Test
    void aRowPerTargetAndMomentFromTheRepetitionWithTheMedianRss() {
        TargetResult jvm = Fixtures.target("jlink", TargetKind.variant, List.of(rep(1, 40, null), rep(2, 60, null), rep(3, 44, null)));
        String md = Attribution.regionsTable(List.of(jvm));
        assertTrue(md.startsWith("| target | when | RSS | PSS | libjvm | anonymous | \n"), "regions in Region's order, only those present and not under 0.1 MiB everywhere:\n" + md);
        assertTrue(md.contains("| jlink | idle | 54.0 | 49.0 | 10.0 (1.0) | 44.0 | \n"),
                "its regions add up to its RSS, a region's written part in brackets unless it is all of it:\n" + md);
        assertTrue(md.contains("| jlink | 200 connections | 54.0 | 49.0 | 10.0 (1.0) | 44.0 | \n"), md);
        assertTrue(md.contains("- `libjvm`: libjvm.so"), "every region shown is explained:\n" + md);
        assertFalse(md.contains("`jars`"), "a region no target had is neither a column nor explained");
    }

    @Test
    void nativeMemoryOnlyForTheTargetsThatTrackedIt() {
        Map<String, Long> nmt = new LinkedHashMap<>();
        nmt.put("Total", 90 * MIB);
        nmt.put("Java Heap", 32 * MIB);
        nmt.put("Class", 6 * MIB);
        TargetResult jvm = Fixtures.target("jlink", TargetKind.variant, List.of(rep(1, 40, nmt)));
        TargetResult go = Fixtures.target("go-nethttp", TargetKind.peer, List.of(rep(1, 5, null)));
        String md = Attribution.nativeMemoryTable(List.of(jvm, go));
        assertTrue(md.startsWith("| target | when | Total | Java Heap | Class | \n"), md);
        assertTrue(md.contains("| jlink | idle | 90.0 | 32.0 | 6.0 | \n"), md);
        assertFalse(md.contains("go-nethttp"), md);
        assertEquals("No target of this run tracked its native memory (bench run --track-native-memory).\n",
                Attribution.nativeMemoryTable(List.of(go)));
    }

    @Test
    void aNativeExecutablesSectionsBesideWhatOfThemIsResident() {
        Repetition rep = withResidency(Fixtures.rep(1, 10, 20, 1000), List.of(Phase.idle), new Residency(1000,
                Map.of(Region.executableCode, 16 * MIB, Region.executableReadOnly, 11 * MIB, Region.executableWritable, 10 * MIB,
                        Region.anonymous, 4 * MIB), Map.of(), Map.of(), null));
        TargetResult t = Fixtures.target("native", TargetKind.variant, List.of(rep));
        ImageInfo i = t.image();
        Map<String, Object> record = Map.of("sections", Map.of(".text", 24 * MIB, ".svm_heap", 28 * MIB, ".data", MIB / 2));
        TargetResult nat = new TargetResult(t.run(), t.target(), new ImageInfo(i.ref(), i.id(), i.sizeBytes(), i.labels(), i.env(),
                i.cmd(), record), t.repetitions(), t.summary());

        String md = Attribution.sectionsTable(List.of(nat, Fixtures.target("go-nethttp", TargetKind.peer, List.of(rep))));

        assertTrue(md.contains("| native | `.text`, compiled code | 24.0 | 16.0 (67%) |  |\n"), md);
        assertTrue(md.contains("| native | `.svm_heap`, the image heap | 28.0 | 21.0 (75%) |  |\n"), "read-only and writable together:\n" + md);
        assertTrue(md.contains("| native | the other 1 sections | 0.5 | | |\n"), md);
        assertFalse(md.contains("go-nethttp"), "a target without sections has no rows:\n" + md);
        assertTrue(Attribution.sectionsTable(List.of()).startsWith("No native executable"));
    }

    @Test
    void theHeapAsTheServicesCollectorReportedIt() {
        Map<String, Residency.HeapPool> pools = new LinkedHashMap<>();
        pools.put("eden space", new Residency.HeapPool(2 * MIB, 5 * MIB / 2));
        pools.put("old generation space", new Residency.HeapPool(MIB, MIB));
        Repetition rep = withResidency(Fixtures.rep(1, 10, 20, 1000), List.of(Phase.idle),
                new Residency(1000, Map.of(Region.anonymous, 4 * MIB), Map.of(), Map.of(), null).withHeap(pools));
        String md = Attribution.heapTable(List.of(Fixtures.target("native", TargetKind.variant, List.of(rep)),
                Fixtures.target("go-nethttp", TargetKind.peer, List.of(rep(1, 5, null)))));
        assertTrue(md.contains("| native | idle | 3.0 | 3.5 | eden space 2.0 / 2.5; old generation space 1.0 / 1.0 |\n"), md);
        assertFalse(md.contains("go-nethttp"), "a residency without the heap gives no row:\n" + md);
        assertFalse(md.contains("200 connections"), "no moment without a reading:\n" + md);
    }

    @Test
    void resultsWithoutResidenciesGiveNoRows() {
        TargetResult old = Fixtures.target("jlink", TargetKind.variant, List.of(Fixtures.rep(1, 50, 80, 1000)));
        assertEquals(List.of(), Attribution.regionsIn(List.of(old)));
        assertFalse(Attribution.regionsTable(List.of(old)).contains("| jlink |"));
    }
}
