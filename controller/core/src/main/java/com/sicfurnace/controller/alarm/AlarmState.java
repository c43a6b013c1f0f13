package com.sicfurnace.controller.alarm;

import java.util.Locale;

/**
 * The ISA-18.2 / IEC 62682 alarm states, as readers see them. The first four are the alarm's latched state; the
 * last three hide it: an operator shelved it, the process state suppresses it by design, or an engineer took it out
 * of service. {@link #label()} is the name in the journal, the report and the API.
 */
public enum AlarmState {
    NORMAL, UNACK_ACTIVE, ACK_ACTIVE, UNACK_RTN, SHELVED, SUPPRESSED, OUT_OF_SERVICE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The condition holds and the alarm is annunciated, acknowledged or not. */
    public boolean active() {
        return this == UNACK_ACTIVE || this == ACK_ACTIVE;
    }

    /** The operator has yet to acknowledge it. */
    public boolean unacknowledged() {
        return this == UNACK_ACTIVE || this == UNACK_RTN;
    }

    /** One of the states that hide the alarm from the operator. */
    public boolean hidden() {
        return this == SHELVED || this == SUPPRESSED || this == OUT_OF_SERVICE;
    }

    public String label() {
        return label;
    }

    /** The state of a journal label, e.g. {@code unack_rtn}. */
    public static AlarmState ofLabel(String label) {
        for (AlarmState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no alarm state '" + label + "'");
    }
}
