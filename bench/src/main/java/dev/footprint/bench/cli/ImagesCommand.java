package dev.footprint.bench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.footprint.bench.model.TargetSpec;
import dev.footprint.bench.model.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench images}: what bench/run.sh must build for the selected targets. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Print the images the selected targets need, one per line (for bench/run.sh to build).")
public class ImagesCommand implements Callable<Integer> {

    @Option(names = "--targets", split = ",", defaultValue = "all") List<String> selectors;

    @Mixin TargetsFileOption targetsFileOption = new TargetsFileOption();

    @Override
    public Integer call() {
        // one line per image: "service VARIANT [images/build.sh options]" or "peer NAME" (bench/run.sh builds them)
        Targets.select(Targets.load(targetsFileOption.targetsFile), selectors).stream().filter(TargetSpec::measured)
                .map(t -> t.build() != null ? String.join(" ", Stream.concat(Stream.of("service", t.build().variant()),
                        t.build().options().stream()).toList())
                        : t.image().startsWith(Targets.PEER_IMAGE) ? "peer " + t.image().substring(Targets.PEER_IMAGE.length()).replaceAll(":.*", "")
                        : "other " + t.image())
                .distinct().forEach(System.out::println);
        return 0;
    }
}
