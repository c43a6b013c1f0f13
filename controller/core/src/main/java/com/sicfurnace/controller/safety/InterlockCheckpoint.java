package com.sicfurnace.controller.safety;

import java.util.Map;
import java.util.Set;

/**
 * The interlock matrix's state to go on from after a restart: the latched rows (they stay latched: a restart is no
 * reset), the first-out, the bypasses with the seconds each has left, how long each cause has stood towards its delay,
 * and a soft trip's ceiling. Immutable.
 */
public record InterlockCheckpoint(Set<InterlockId> active, InterlockId firstOut,
                                  Map<InterlockId, Double> bypassSecondsLeft, Map<InterlockId, Double> causeHeldS,
                                  double softCeilingKw) {
    public InterlockCheckpoint {
        active = Set.copyOf(active);
        bypassSecondsLeft = Map.copyOf(bypassSecondsLeft);
        causeHeldS = Map.copyOf(causeHeldS);
        if (firstOut != null && !active.contains(firstOut)) {
            throw new IllegalArgumentException("first-out " + firstOut.label() + " is not an active row " + active);
        }
    }
}
