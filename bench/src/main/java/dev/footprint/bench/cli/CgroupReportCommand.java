package dev.footprint.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import dev.footprint.bench.model.PhaseSet;
import dev.footprint.bench.model.ResultStore;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.report.CgroupVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench cgroup-report}: docs/cgroup-v2.md from a run of cgroup checks ({@link CgroupVersions}). */
@Command(name = "cgroup-report", mixinStandardHelpOptions = true,
        description = "Generate docs/cgroup-v2.md: the image checks and each image's view of its cgroup, v1 beside v2, from a run under bench/results/cgroup-v2.")
public class CgroupReportCommand implements Callable<Integer> {

    @Option(names = "--results", defaultValue = "bench/results/cgroup-v2") Path results;

    @Option(names = "--run", description = "Run id (default: the last by name)") String run;

    @Option(names = "--bench-results", defaultValue = "bench/results/cgroup-v2-bench",
            description = "Fixed-rate bench runs (bench/run.sh --fixed-rate-only): the newest on each cgroup version is shown")
    Path benchResults;

    @Mixin DocsOption docsOption = new DocsOption();

    @Override
    public Integer call() {
        CgroupVersions.write(results, run != null ? run : newest(), benchSittings(), docsOption.docs);
        return 0;
    }

    /** The newest bench run of each cgroup version its machine recorded (v1 first), by run id. */
    private List<CgroupVersions.BenchSitting> benchSittings() {
        if (!Files.isDirectory(benchResults)) {
            return List.of();
        }
        ResultStore store = new ResultStore(benchResults);
        Map<String, CgroupVersions.BenchSitting> byVersion = new TreeMap<>();
        for (String id : store.fullRuns()) {
            List<TargetResult> results = store.read(id);
            if (!results.isEmpty() && results.get(0).run().settings().phases() == PhaseSet.fixedRate) {
                String cgroup = results.get(0).run().machine().getOrDefault("cgroup", "?");
                String version = cgroup.startsWith("v2") ? "v2" : "v1";
                byVersion.put(version, new CgroupVersions.BenchSitting(id, cgroup, results));
            }
        }
        return List.copyOf(byVersion.values());
    }

    private String newest() {
        List<String> ids = new ResultStore(results).runs();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no run in " + results + " (tools/cgroup-checks.sh --out " + results + "/RUN-ID/v1-host)");
        }
        return ids.get(ids.size() - 1);
    }
}
