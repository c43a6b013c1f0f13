package com.sicfurnace.controller.alarm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The alarms as a reader sees them after a scan, immutable and shared by the snapshots until something changes.
 *
 * @param notNormal  every alarm not in NORMAL, with its state, in definition order
 * @param active     the alarms annunciated with their condition holding (UNACK_ACTIVE, ACK_ACTIVE)
 * @param priorities every defined alarm's priority (the same map for the controller's life)
 * @param chattering the alarms marked chattering now
 * @param flood      the alarm system is in flood
 * @param firstOut   the first of the trips now standing, or null
 * @param states     what must survive a restart (see {@link AlarmStates})
 */
public record AlarmBoard(Map<AlarmId, AlarmState> notNormal, Set<AlarmId> active,
                         Map<AlarmId, AlarmPriority> priorities, Set<AlarmId> chattering, boolean flood,
                         AlarmId firstOut, AlarmStates states) {
    public static final AlarmBoard EMPTY = new AlarmBoard(Map.of(), Set.of(), Map.of(), Set.of(), false, null,
            AlarmStates.NONE);

    public AlarmBoard {
        Objects.requireNonNull(notNormal, "notNormal");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(priorities, "priorities");
        Objects.requireNonNull(chattering, "chattering");
        Objects.requireNonNull(states, "states");
    }

    public AlarmState state(AlarmId alarm) {
        return notNormal.getOrDefault(alarm, AlarmState.NORMAL);
    }

    /** The alarm's priority; empty for an alarm this controller does not define. */
    public Optional<AlarmPriority> priority(AlarmId alarm) {
        return Optional.ofNullable(priorities.get(alarm));
    }

    public Optional<AlarmId> firstOutTrip() {
        return Optional.ofNullable(firstOut);
    }
}
