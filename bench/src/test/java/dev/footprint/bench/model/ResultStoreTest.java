package dev.footprint.bench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.Results.RunInfo;
import dev.footprint.bench.model.Results.TargetResult;

/** Which run the docs are generated from when none is named. */
class ResultStoreTest {

    @Test
    void theLatestRunIsTheNewestFullOneWhoseEveryTargetWasSearched(@TempDir Path dir) {
        ResultStore store = new ResultStore(dir);
        assertThrows(IllegalStateException.class, store::latest, "no run at all");
        List<Results.Repetition> reps = List.of(Fixtures.rep(1, 10, 20, 1000));
        TargetResult go = Fixtures.target("go", TargetKind.peer, reps);
        TargetResult searched = new TargetResult(go.run(), go.target(), go.image(), go.repetitions(), go.summary(),
                new Results.Needs(256 * Fixtures.MIB, 8 * Fixtures.MIB, 24 * Fixtures.MIB, null, List.of(), Map.of()));
        TargetResult ceiling = Fixtures.target("harness-ceiling", TargetKind.ceiling, reps);

        store.write(in("20260101-000000", searched));
        store.write(in("20260101-000000", ceiling)); // the ceiling is never searched
        store.write(in("20260102-000000", go)); // a run being extended: its row not searched yet
        store.write(in("20260102-000000", ceiling));
        store.write(in("20260103-000000-quick", searched));
        assertEquals("20260101-000000", store.latest());

        store.write(in("20260102-000000", searched));
        assertEquals("20260102-000000", store.latest(), "searched now");
        assertEquals("20260103-000000-quick", store.runOrLatest("20260103-000000-quick"), "a run named is taken as it is");
    }

    private static TargetResult in(String runId, TargetResult r) {
        RunInfo run = r.run();
        return new TargetResult(new RunInfo(runId, run.startedAt(), run.command(), run.machine(), run.settings()), r.target(), r.image(),
                r.repetitions(), r.summary(), r.needs());
    }
}
