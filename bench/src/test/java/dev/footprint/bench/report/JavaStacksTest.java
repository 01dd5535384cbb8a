package dev.footprint.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footprint.bench.model.Fixtures;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.TargetKind;
import dev.footprint.bench.model.Targets;

class JavaStacksTest {

    @Test
    void eachPeersNeededLimitIsGivenAsAMultipleOfEachVariants() {
        TargetResult jvm = needing(Fixtures.target("jvm-slim", TargetKind.variant, List.of(Fixtures.rep(1, 80, 120, 1000))), 160);
        TargetResult nat = needing(Fixtures.target("native", TargetKind.variant, List.of(Fixtures.rep(1, 8, 12, 1000))), 64);
        TargetResult boot = needing(Fixtures.target("spring-boot", TargetKind.peer, List.of(Fixtures.rep(1, 150, 200, 900))), 240);
        TargetResult unsearched = Fixtures.target("vertx", TargetKind.peer, List.of(Fixtures.rep(1, 60, 90, 1000)));

        String md = JavaStacks.ratios(List.of(jvm, nat, boot, unsearched));
        assertTrue(md.startsWith("| peer: needed limit (MiB) | × jvm-slim's (160) | × native's (64) |\n"), md);
        assertTrue(md.contains("| spring-boot: 240 | 1.5 | 3.8 |"), md);
        assertTrue(!md.contains("vertx"), "a peer without a needed limit has no ratio: " + md);
        assertEquals("No peer and variant of this run both have a needed limit yet: no ratio to give.\n",
                JavaStacks.ratios(List.of(jvm, unsearched)));
    }

    @Test
    void withoutARunTheBlockSaysHowToMakeOne(@TempDir Path dir) {
        String md = JavaStacks.block(new ResultStore(dir.resolve(JavaStacks.DIR)), Targets.load(Path.of("targets.yaml")));
        assertTrue(md.startsWith("No run of the Java stacks yet (`bench/run.sh --offline --needs --results "), md);
    }

    @Test
    void theBlockGivesTheNewestRunsTableAndItsSittings(@TempDir Path dir) {
        ResultStore stacks = new ResultStore(dir.resolve(JavaStacks.DIR));
        TargetResult jvm = needing(Fixtures.target("jvm-slim", TargetKind.variant, List.of(Fixtures.rep(1, 80, 120, 1000))), 160);
        TargetResult boot = needing(Fixtures.target("spring-boot", TargetKind.peer, List.of(Fixtures.rep(1, 150, 200, 900))), 240);
        stacks.write(jvm);
        stacks.write(boot);
        String md = JavaStacks.block(stacks, Targets.load(Path.of("targets.yaml")));
        assertTrue(md.startsWith("Run `" + jvm.run().runId() + "` ([its report](../"), md);
        assertTrue(md.contains("| sitting started | command | targets |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| spring-boot | **240** ")), md);
        assertTrue(md.contains("| spring-boot: 240 | 1.5 |"), md);
    }

    private static TargetResult needing(TargetResult r, long mib) {
        Results.Needs needs = new Results.Needs(256L << 20, 8L << 20, mib << 20, null, List.of(), Map.of());
        return new TargetResult(r.run(), r.target(), r.image(), r.repetitions(), r.summary(), needs);
    }
}
