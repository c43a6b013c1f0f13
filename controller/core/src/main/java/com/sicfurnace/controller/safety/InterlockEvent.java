package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/**
 * A row of the interlock matrix that acted, cleared, or was bypassed. {@code firstOut} marks the latching row that
 * latched while no other was latched (the likely root cause when several follow it), or the communication loss
 * when nothing else was active.
 */
public record InterlockEvent(long seq, Instant time, InterlockId interlock, Change change, boolean firstOut,
                             String detail) implements FurnaceEvent {
    public enum Change { LATCHED, RESET, CLEARED, BYPASSED, BYPASS_ENDED, BYPASS_EXPIRED }
}
