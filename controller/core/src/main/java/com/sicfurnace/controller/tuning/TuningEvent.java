package com.sicfurnace.controller.tuning;

import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * A relay test ended by itself: finished with a proposal, or aborted (band left, the run held, the setpoint moved, a
 * trip, the time up, or on request). Its start, and the acceptance or rejection of its proposal, are commands.
 */
public record TuningEvent(long seq, Instant time, Type type, LoopId loop, String detail) implements FurnaceEvent {
    public enum Type {
        FINISHED, ABORTED;

        public String label() {
            return "auto_tune_" + name().toLowerCase(Locale.ROOT);
        }
    }
}
