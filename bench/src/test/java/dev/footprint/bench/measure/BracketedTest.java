package dev.footprint.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.NeededLimit;
import dev.footprint.bench.model.NeededLimit.Probe;
import dev.footprint.bench.model.NeededLimit.Reference;
import dev.footprint.bench.model.NeededLimit.Stage;
import dev.footprint.bench.model.Results.Repetition;
import dev.footprint.bench.model.Results.Settings;
import dev.footprint.bench.model.TargetSpec;

/** A run held to the runs at the reference limit beside it, as the search's confirmations and the soak's check run. */
class BracketedTest {

    private static final long MIB = NeededLimit.MIB;
    private static final Settings AT_256 = Fixtures.SEARCH;
    private static final TargetSpec TARGET = Fixtures.SCRIPTED;
    private static final Reference FAILURES_ONLY = new Reference(256 * MIB, Map.of(), Map.of());

    private final Progress progress = new Progress();

    @AfterEach
    void close() {
        progress.close();
    }

    /** Runs {@code script} in order: one repetition per run. */
    private Bracketed bracketed(List<Repetition> script, List<Probe> record) {
        int[] next = {0};
        return new Bracketed((t, s, keepGoing) -> script.get(next[0]++), progress, TARGET, Stage.confirm, AT_256, FAILURES_ONLY,
                record);
    }

    @Test
    void aRunIsHeldToTheMeanOfTheTwoRunsBesideIt() {
        List<Probe> record = new ArrayList<>();
        Bracketed b = bracketed(List.of(Fixtures.loaded(1000, 50, 0, false), Fixtures.loaded(920, 50, 0, false),
                Fixtures.loaded(1200, 50, 0, false)), record);
        assertTrue(b.start());
        Probe run = b.held(AT_256.withMemory(128 * MIB));
        // required: min(90% of 1100, the slower 1000) = 990
        assertFalse(run.pass(), run.why());
        assertTrue(run.slowOnly());
        assertEquals(2, b.lastBeside().size());
        assertEquals(List.of(Stage.confirmReference, Stage.confirm, Stage.confirmReference), record.stream().map(Probe::stage).toList());
    }

    @Test
    void aReferenceRunThatFailedIsNoNeighbour() {
        // the run after it had errors: its req/s (here far below) must not lower what the run at the limit is held to
        List<Probe> record = new ArrayList<>();
        Bracketed b = bracketed(List.of(Fixtures.loaded(1000, 50, 0, false), Fixtures.loaded(700, 50, 0, false),
                Fixtures.loaded(300, 50, 100, false)), record);
        assertTrue(b.start());
        Probe run = b.held(AT_256.withMemory(128 * MIB));
        assertEquals(1, b.lastBeside().size());
        assertFalse(run.pass(), "700 req/s against the one run that passed, at 1000: " + run.why());
        assertFalse(record.get(2).pass(), "the failed reference is recorded as failed");
    }

    @Test
    void aFirstReferenceThatFailsLeavesNothingToHoldRunsTo() {
        List<Probe> record = new ArrayList<>();
        Bracketed b = bracketed(List.of(Fixtures.loaded(1000, 50, 0, true)), record);
        assertFalse(b.start());
        assertEquals("OOM killed", record.get(0).why());
    }
}
