package dev.footprint.bench.model;

import java.util.List;

/**
 * Which phases a run has. A machine whose speed is not a host's (the emulated cgroup v2 guest) runs only the phases
 * whose load is set by a request rate, so its memory figures and needed limits mean what the host's do; a closed-loop
 * phase there would measure the emulator.
 */
public enum PhaseSet {
    /** every phase: closed-loop (held to the reference's req/s) and open-loop (a latency table) */
    all,
    /** startup, idle, the open-loop phases and the cool-down; the needed-limit search holds the open-loop ones to errors and stalls */
    fixedRate;

    /** Whether a run of this set has the phase. */
    public boolean runs(Phase p) {
        return this == all || !Phase.CLOSED_LOOP.contains(p);
    }

    /** The loaded phases the needed-limit search compares with the runs at the reference limit. */
    public List<Phase> heldToReference() {
        return this == all ? Phase.LOADED : Phase.FIXED_RATE;
    }
}
