package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.LoadResult;
import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.Phase;
import dev.footprint.bench.model.Results.PhaseResult;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Sample;
import dev.footprint.bench.model.Summary;

/** From samples to a phase's figures to the table's: samples whose median, largest and last all differ. */
class PhaseSummaryTest {

    private static final long MIB = NeededLimit.MIB;

    /** Working sets (MiB) whose median is 20, largest 50 and last 15; RSS anon and file peak at other samples. */
    private static List<Sample> samples(Phase phase, long offsetMiB) {
        long[] ws = { 10, 30, 20, 50, 15 };
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < ws.length; i++) {
            long w = (ws[i] + offsetMiB) * MIB;
            out.add(new Sample(i * 100L, phase, w, w + 5 * MIB, w + 10 * MIB, w, 20 + i, (40 - i) * MIB, (5 + i) * MIB, 0,
                    MIB, 2 * MIB, 3 * MIB));
        }
        return out;
    }

    @Test
    void aPhaseKeepsTheMedianTheLargestAndTheLast() {
        PhaseResult p = Runner.summarize(Phase.idle, 10, samples(Phase.idle, 0), null, 70 * MIB, null);
        assertEquals(20 * MIB, p.workingSetMedian());
        assertEquals(50 * MIB, p.workingSetMax());
        assertEquals(15 * MIB, p.workingSetLast());
        assertEquals(60 * MIB, p.rssMax());
        assertEquals(40 * MIB, p.kinds().rssAnon(), "the first sample's anon");
        assertEquals(9 * MIB, p.kinds().rssFile(), "the last sample's file");
        assertEquals(70 * MIB, p.kernelPeakUsage());
    }

    @Test
    void theTableTakesIdleAsAMedianAndPeaksAsTheLargest() {
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(Runner.summarize(Phase.startup, 1, samples(Phase.startup, 100), null, 200 * MIB, null));
        phases.add(Runner.summarize(Phase.idle, 10, samples(Phase.idle, 0), null, -1, null));
        phases.add(Runner.summarize(Phase.c50, 10, samples(Phase.c50, 1000), new LoadResult(100, 10, 10, 1, 2, 0, 0, null), 150 * MIB, null));
        phases.add(Runner.summarize(Phase.c200, 10, samples(Phase.c200, 2000), new LoadResult(100, 10, 10, 1, 2, 0, 0, null), -1, null));
        phases.add(Runner.summarize(Phase.cooldown, 10, samples(Phase.cooldown, 3000), null, -1, null));
        Map<Metric, Stat> s = Summary.of(List.of(new Repetition(1, 900, 800, 0, false, true, phases, List.of(), List.of())));
        assertEquals(20, s.get(Metric.idleMiB).median(), "idle: the median, not 50 (largest) or 15 (last)");
        assertEquals(1050, s.get(Metric.peak50MiB).median(), "peak: the largest");
        assertEquals(2050, s.get(Metric.peak200MiB).median());
        assertEquals(3020, s.get(Metric.afterWorkMiB).median(), "after /work: the cool-down's median");
        assertEquals(150, s.get(Metric.startupPeakMiB).median());
        assertEquals(200, s.get(Metric.kernelPeakMiB).median(), "the kernel's peak over every phase");
        assertEquals(40, s.get(Metric.idleRssAnonMiB).median());
        assertEquals(9, s.get(Metric.idleRssFileMiB).median());
    }

    @Test
    void olderSampleRowsReadByName() {
        Sample s = Sample.fromRow(List.of("tMs", "phase", "workingSet", "usage", "rss", "pss", "threads"),
                new Object[] { 5, "idle", 7, 8, 9, 10, 11 });
        assertEquals(new Sample(5, Phase.idle, 7, 8, 9, 10, 11), s);
        assertEquals(-1, s.rssAnon(), "a field the file does not have");
    }
}
