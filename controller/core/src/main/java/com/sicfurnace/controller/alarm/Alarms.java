package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.event.EventLog;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The alarm state machine for every {@link AlarmId}. The core reports each alarm's condition every scan; a change
 * of state becomes an {@link AlarmEvent} in the event log. Acknowledging an alarm that has returned to normal
 * clears it.
 */
public final class Alarms {
    private final EventLog log;
    private final Map<AlarmId, AlarmState> states = new EnumMap<>(AlarmId.class);
    private long version;
    private long viewVersion = -1;
    private Map<AlarmId, AlarmState> view = Map.of();
    private Set<AlarmId> active = Set.of();

    public Alarms(EventLog log) {
        this.log = log;
        for (AlarmId id : AlarmId.values()) {
            states.put(id, AlarmState.NORMAL);
        }
    }

    /** Reports whether the alarm's condition holds now; {@code detail} says why, for the journal. */
    public void update(AlarmId id, boolean condition, String detail) {
        AlarmState state = states.get(id);
        AlarmState next = state;
        if (condition && !state.active()) {
            next = AlarmState.UNACKNOWLEDGED;
        } else if (!condition && state == AlarmState.UNACKNOWLEDGED) {
            next = AlarmState.RETURNED_UNACKNOWLEDGED;
        } else if (!condition && state == AlarmState.ACKNOWLEDGED) {
            next = AlarmState.NORMAL;
        }
        transition(id, next, detail);
    }

    /** An alarm that marks a single event (a failed check, an abort): raised now, returns at once. */
    public void raiseEvent(AlarmId id, String detail) {
        update(id, true, detail);
        update(id, false, detail);
    }

    /** Acknowledges an alarm that awaits it; false if it does not (normal, or acknowledged already). */
    public boolean acknowledge(AlarmId id) {
        AlarmState state = states.get(id);
        if (state == AlarmState.UNACKNOWLEDGED) {
            transition(id, AlarmState.ACKNOWLEDGED, "acknowledged");
            return true;
        } else if (state == AlarmState.RETURNED_UNACKNOWLEDGED) {
            transition(id, AlarmState.NORMAL, "acknowledged");
            return true;
        }
        return false;
    }

    private void transition(AlarmId id, AlarmState next, String detail) {
        if (states.get(id) != next) {
            states.put(id, next);
            version++;
            log.record((seq, time) -> new AlarmEvent(seq, time, id, id.priority(), next, detail));
        }
    }

    /** The alarms whose condition holds now (acknowledged or not). Immutable; the same object until a change. */
    public Set<AlarmId> active() {
        refreshViews();
        return active;
    }

    /** Every alarm that is not normal, with its state. Immutable; the same object until a change. */
    public Map<AlarmId, AlarmState> notNormal() {
        refreshViews();
        return view;
    }

    /** Rebuilt only after a transition, so that the per-scan snapshot costs nothing while alarms stand still. */
    private void refreshViews() {
        if (viewVersion == version) {
            return;
        }
        EnumMap<AlarmId, AlarmState> notNormal = new EnumMap<>(AlarmId.class);
        EnumSet<AlarmId> nowActive = EnumSet.noneOf(AlarmId.class);
        states.forEach((id, state) -> {
            if (state != AlarmState.NORMAL) {
                notNormal.put(id, state);
            }
            if (state.active()) {
                nowActive.add(id);
            }
        });
        view = Collections.unmodifiableMap(notNormal);
        active = Collections.unmodifiableSet(nowActive);
        viewVersion = version;
    }

    /** The states to go on from after a restart. */
    public AlarmCheckpoint checkpoint() {
        return new AlarmCheckpoint(notNormal());
    }

    /** Takes the states up again, without events: nothing changed for the operator. */
    public void restore(AlarmCheckpoint saved) {
        states.replaceAll((id, state) -> saved.notNormal().getOrDefault(id, AlarmState.NORMAL));
        version++;
    }

    public AlarmState state(AlarmId id) {
        return states.get(id);
    }
}
