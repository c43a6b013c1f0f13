package com.sicfurnace.controller.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alarm state machine for every {@link AlarmId}. The core reports each alarm's condition every scan; a change
 * of state becomes an {@link AlarmEvent}, kept until the caller drains it into the journal. Acknowledging an
 * alarm that has returned to normal clears it.
 */
public final class Alarms {
    private final Map<AlarmId, AlarmState> states = new EnumMap<>(AlarmId.class);
    private final List<AlarmEvent> pending = new ArrayList<>();

    public Alarms() {
        for (AlarmId id : AlarmId.values()) {
            states.put(id, AlarmState.NORMAL);
        }
    }

    /** Reports whether the alarm's condition holds now; {@code detail} says why, for the journal. */
    public void update(AlarmId id, boolean condition, Instant now, String detail) {
        AlarmState state = states.get(id);
        AlarmState next = state;
        if (condition && !state.active()) {
            next = AlarmState.UNACKNOWLEDGED;
        } else if (!condition && state == AlarmState.UNACKNOWLEDGED) {
            next = AlarmState.RETURNED_UNACKNOWLEDGED;
        } else if (!condition && state == AlarmState.ACKNOWLEDGED) {
            next = AlarmState.NORMAL;
        }
        transition(id, next, now, detail);
    }

    /** An alarm that marks a single event (a failed check, an abort): raised now, returns at once. */
    public void raiseEvent(AlarmId id, Instant now, String detail) {
        update(id, true, now, detail);
        update(id, false, now, detail);
    }

    public void acknowledge(AlarmId id, Instant now) {
        AlarmState state = states.get(id);
        if (state == AlarmState.UNACKNOWLEDGED) {
            transition(id, AlarmState.ACKNOWLEDGED, now, "acknowledged");
        } else if (state == AlarmState.RETURNED_UNACKNOWLEDGED) {
            transition(id, AlarmState.NORMAL, now, "acknowledged");
        }
    }

    private void transition(AlarmId id, AlarmState next, Instant now, String detail) {
        if (states.get(id) != next) {
            states.put(id, next);
            pending.add(new AlarmEvent(now, id, id.priority(), next, detail));
        }
    }

    /** The alarms whose condition holds now (acknowledged or not). */
    public Set<AlarmId> active() {
        EnumSet<AlarmId> active = EnumSet.noneOf(AlarmId.class);
        states.forEach((id, state) -> {
            if (state.active()) {
                active.add(id);
            }
        });
        return active;
    }

    public AlarmState state(AlarmId id) {
        return states.get(id);
    }

    /** Events since the last call, oldest first. */
    public List<AlarmEvent> drainEvents() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<AlarmEvent> events = List.copyOf(pending);
        pending.clear();
        return events;
    }
}
