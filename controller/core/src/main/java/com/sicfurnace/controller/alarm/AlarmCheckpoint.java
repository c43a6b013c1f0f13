package com.sicfurnace.controller.alarm;

import java.util.Map;

/**
 * The alarms to go on from after a restart: every alarm that is not normal, with its state, so that an alarm the
 * operator had not acknowledged still awaits acknowledgement, and one acknowledged stays so. Conditions are not kept:
 * the first scan evaluates them anew.
 *
 * <p>Hook for the ISA-18.2 alarm state machine (shelving, suppression, timers): its {@code AlarmStates} export takes
 * this record's place in {@code RunCheckpoint}, and {@link Alarms#restore} becomes its restore.
 */
public record AlarmCheckpoint(Map<AlarmId, AlarmState> notNormal) {
    public AlarmCheckpoint {
        notNormal = Map.copyOf(notNormal);
        if (notNormal.containsValue(AlarmState.NORMAL)) {
            throw new IllegalArgumentException("a checkpoint lists only alarms that are not normal: " + notNormal);
        }
    }
}
