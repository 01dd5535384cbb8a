package dev.footprint.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The target list, bench/targets.yaml. */
public final class Targets {

    public record File(List<TargetSpec> targets) {
    }

    private Targets() {
    }

    public static List<TargetSpec> load(Path yaml) {
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            List<TargetSpec> targets = mapper.readValue(yaml.toFile(), File.class).targets();
            Set<String> names = new LinkedHashSet<>();
            for (TargetSpec t : targets) {
                if (t.name() == null || !t.name().matches("[a-z0-9][a-z0-9-]*")) {
                    throw new IllegalArgumentException(yaml + ": target name '" + t.name() + "' must be lower-case letters, digits and '-'");
                }
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException(yaml + ": target '" + t.name() + "' appears twice");
                }
                if (t.measured() && (t.image() == null || t.image().isBlank())) {
                    throw new IllegalArgumentException(yaml + ": target '" + t.name() + "' has no image");
                }
            }
            return targets;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + yaml + ": " + e.getMessage(), e);
        }
    }

    /**
     * Selects targets by name or kind ("all", "variant", "peer", or a name), in file order.
     */
    public static List<TargetSpec> select(List<TargetSpec> all, List<String> selectors) {
        List<TargetSpec> out = new ArrayList<>();
        for (String s : selectors) {
            boolean matched = false;
            for (TargetSpec t : all) {
                if (s.equals("all") || s.equals(t.kind()) || s.equals(t.name())) {
                    matched = true;
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
            }
            if (!matched) {
                throw new IllegalArgumentException("no target or kind named '" + s + "' (see bench/targets.yaml)");
            }
        }
        out.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        return out;
    }
}
