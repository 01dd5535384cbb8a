package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;

/** Memory against speed: which rows are on the front, and how the table orders them. */
class ParetoTest {

    @Test
    void aRowIsOnTheFrontUnlessAnotherNeedsNoMoreAndServesAtLeastAsMuch() {
        Pareto.Point go = new Pareto.Point("go", "run", 44, 55_000);
        Pareto.Point fast = new Pareto.Point("fast", "run", 160, 60_000);
        Pareto.Point worse = new Pareto.Point("worse", "run", 96, 21_000); // go needs less and serves more
        Pareto.Point small = new Pareto.Point("small", "run", 20, 10_000);
        List<Pareto.Point> all = List.of(go, fast, worse, small);
        assertTrue(Pareto.onFront(go, all));
        assertTrue(Pareto.onFront(fast, all), "the fastest is on the front whatever it needs");
        assertTrue(Pareto.onFront(small, all), "so is the smallest");
        assertFalse(Pareto.onFront(worse, all));
        assertFalse(go.dominatedBy(go), "a row does not beat itself");
        assertEquals(0.8, go.mibPer1000(), 1e-9);
    }

    @Test
    void theTableListsTheRowsWithANeededLimitFewestMiBPer1000RequestsFirst() {
        TargetResult searched = withNeeds(Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 8, 17, 2000))), 48);
        TargetResult unsearched = Fixtures.target("php", TargetKind.peer, List.of(Fixtures.rep(1, 8, 17, 900)));
        TargetResult ceiling = withNeeds(Fixtures.target("harness-ceiling", TargetKind.ceiling, List.of(Fixtures.rep(1, 4, 5, 90_000))), 8);
        TargetResult lever = withNeeds(Fixtures.target("jvm-best", TargetKind.lever, List.of(Fixtures.rep(1, 60, 80, 4000))), 128);
        List<Pareto.Point> points = Pareto.points(List.of(searched, unsearched, ceiling), "20260101-000000", List.of(lever));
        assertEquals(List.of("native", "jvm-best"), points.stream().map(Pareto.Point::name).toList(),
                "rows without a needed limit and the harness ceiling are left out");
        String md = Pareto.table(points);
        // native: 48 MiB at 2,000 req/s is 24 MiB per 1,000; jvm-best: 128 at 4,000 is 32
        assertTrue(md.indexOf("| native | run `20260101-000000` | 48 | 2,000 | 24.0 | yes |")
                < md.indexOf("| jvm-best | levers | 128 | 4,000 | 32.0 | yes |"), md);
        assertEquals("No row has a needed limit yet.", Pareto.table(List.of()));
        assertTrue(Pareto.chart(points).getSeriesMap().containsKey("front"));
    }

    /** The target with a needed limit whose confirmations served what its runs at the reference limit did. */
    private static TargetResult withNeeds(TargetResult r, long mib) {
        return new TargetResult(r.run(), r.target(), r.image(), r.repetitions(), r.summary(),
                new Results.Needs(256 * Fixtures.MIB, 8 * Fixtures.MIB, mib * Fixtures.MIB, null, List.of(), Summary.of(r.repetitions())));
    }
}
