package dev.footprint.bench.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The target list, bench/targets.yaml: the service's variants from the image matrix (images/variants.yaml), then
 * the targets the file lists.
 */
public final class Targets {

    /** @param variants the settings every variant of the matrix is measured with, or null for a file of other targets */
    public record File(VariantSettings variants, List<TargetSpec> targets) {
    }

    public record VariantSettings(String workPath, Map<String, String> env) {
    }

    /** Where a variant's image is tagged (images/build.sh). */
    static final String SERVICE_IMAGE = "localhost/footprint/service:";
    /** Where bench/peers/build.sh tags a peer: peer-NAME. */
    public static final String PEER_IMAGE = "localhost/footprint/peer-";

    private Targets() {
    }

    public static List<TargetSpec> load(Path yaml) {
        try {
            File file = Yaml.STRICT.readValue(yaml.toFile(), File.class);
            List<TargetSpec> targets = file.variants() == null ? file.targets() : withVariants(file,
                    Variants.load(matrixBeside(yaml)));
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

    /** The image matrix of the project a target list is in: images/variants.yaml beside its bench/. */
    public static Path matrixBeside(Path targetsFile) {
        return targetsFile.toAbsolutePath().getParent().resolveSibling("images").resolve("variants.yaml");
    }

    /**
     * The matrix's variants, then the file's targets. The tables list what was measured first: the variants built
     * here, the rows derived from them (kind untuned), then a variant that cannot be built here, then the rest.
     */
    static List<TargetSpec> withVariants(File file, Variants matrix) {
        List<TargetSpec> measured = new ArrayList<>();
        List<TargetSpec> notBuilt = new ArrayList<>();
        for (Variants.Variant v : matrix.variants()) {
            boolean built = v.offline() != null;
            (built ? measured : notBuilt).add(new TargetSpec(v.name(), TargetKind.variant, null, "/",
                    file.variants().workPath(), List.of(), file.variants().env(), null, built ? null : v.notOffline(),
                    v.description(), null, null, built ? ServiceBuild.of(v.name()) : null));
        }
        List<TargetSpec> out = new ArrayList<>(measured);
        int i = 0;
        while (i < file.targets().size() && file.targets().get(i).kind() == TargetKind.untuned) {
            out.add(file.targets().get(i++));
        }
        out.addAll(notBuilt);
        out.addAll(file.targets().subList(i, file.targets().size()));
        return out;
    }

    /**
     * Selects targets by name or kind ("all", "variant", "peer", or a name), in file order.
     */
    public static List<TargetSpec> select(List<TargetSpec> all, List<String> selectors) {
        List<TargetSpec> out = new ArrayList<>();
        for (String s : selectors) {
            boolean matched = false;
            for (TargetSpec t : all) {
                if (s.equals("all") || s.equals(t.kind().name()) || s.equals(t.name())) {
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
