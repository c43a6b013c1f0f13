package com.sicfurnace.controller.event;

import java.time.Instant;

/**
 * Something that happened in the core, in the one ordered stream that every reader follows: program events,
 * alarm transitions, interlock trips and their resets, operator commands. {@link #seq()} numbers the events of one
 * controller from 1 without gaps, so a reader knows where it stands and whether it missed any.
 */
public interface FurnaceEvent {
    long seq();

    /** The time of the scan (or of the command between scans) that produced the event. */
    Instant time();
}
