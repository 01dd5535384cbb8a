package dev.footprint.bench;

import dev.footprint.bench.cli.ImagesCommand;
import dev.footprint.bench.cli.LeversReportCommand;
import dev.footprint.bench.cli.AttributionReportCommand;
import dev.footprint.bench.cli.CgroupReportCommand;
import dev.footprint.bench.cli.NativeBuildCommand;
import dev.footprint.bench.cli.OverlaysCommand;
import dev.footprint.bench.cli.ReportCommand;
import dev.footprint.bench.cli.RunCommand;
import dev.footprint.bench.cli.SoakCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The bench's entry point (bench/run.sh starts it with java -jar). Its packages: {@code cli}, the subcommands and the
 * options they share; {@code report}, the generated docs, charts and overlays; {@code measure}, the containers, load
 * generators and samplers a run drives; {@code model}, the result files, the target lists and the rules a run is
 * judged by. cli uses the other three; report and measure use only model; model uses none of them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = { RunCommand.class, ReportCommand.class, ImagesCommand.class,
        NativeBuildCommand.class, OverlaysCommand.class, SoakCommand.class, LeversReportCommand.class,
        AttributionReportCommand.class, CgroupReportCommand.class },
        description = "Measures container memory of the service's image variants and of peer stacks.")
public class Bench {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
