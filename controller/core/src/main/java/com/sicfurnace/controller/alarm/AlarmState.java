package com.sicfurnace.controller.alarm;

/**
 * ISA-18.2 alarm states: normal; active and not yet acknowledged; active and acknowledged; returned to normal
 * but never acknowledged.
 */
public enum AlarmState {
    NORMAL, UNACKNOWLEDGED, ACKNOWLEDGED, RETURNED_UNACKNOWLEDGED;

    public boolean active() {
        return this == UNACKNOWLEDGED || this == ACKNOWLEDGED;
    }
}
