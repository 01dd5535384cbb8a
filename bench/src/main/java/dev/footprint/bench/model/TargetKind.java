package dev.footprint.bench.model;

/** What a target is; the names are the {@code kind} values of bench/targets.yaml, levers.yaml and the result files. */
public enum TargetKind {
    /** an image variant of the service (images/variants.yaml) */
    variant,
    /** a variant without this project's tuning */
    untuned,
    /** a peer stack the articles compare */
    peer,
    /** the fastest trivial server: what the load generator can drive */
    ceiling,
    /** one setting measured against its baseline (bench/levers.yaml) */
    lever,
    /** a user's image, from {@code bench run --image} */
    image
}
