package com.sicfurnace.controller.safety;

import java.util.Map;
import java.util.Set;

/**
 * The interlock matrix as one scan leaves it: the active rows, the first of them to act (null when none is), the
 * bypassed rows with the seconds each has left, and the permissives not met.
 */
public record SafetyStatus(Set<InterlockId> active, InterlockId firstOut, Map<InterlockId, Double> bypassSecondsLeft,
                           Set<Permissive> missingPermissives) {
    public static final SafetyStatus NONE = new SafetyStatus(Set.of(), null, Map.of(), Set.of());
}
