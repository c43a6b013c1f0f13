package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/** An interlock trip that latched (the heater went off), or a latched trip that a reset cleared. */
public record TripEvent(long seq, Instant time, Trip trip, Change change) implements FurnaceEvent {
    public enum Change { LATCHED, RESET }
}
