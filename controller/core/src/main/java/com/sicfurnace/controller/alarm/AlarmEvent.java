package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/**
 * One transition of one alarm, as the alarm journal, the report and the HMI read it.
 *
 * @param previous   the state it left
 * @param state      the state it entered
 * @param detail     why: the value against its limit, "acknowledged", "shelved until ...", "suppressed: ramping"
 * @param text       what the alarm means for the operator (its definition's text)
 * @param chattering the alarm activated {@code chatter.activations} times or more within the chatter window
 * @param firstOut   the alarm is the first trip of the trips now standing
 */
public record AlarmEvent(long seq, Instant time, AlarmId alarm, AlarmPriority priority, AlarmState previous,
                         AlarmState state, String detail, String text, boolean chattering, boolean firstOut)
        implements FurnaceEvent {

    /** The alarm was annunciated: it entered UNACK_ACTIVE (from normal, from unack_rtn, or from hiding). */
    public boolean activation() {
        return state == AlarmState.UNACK_ACTIVE;
    }
}
