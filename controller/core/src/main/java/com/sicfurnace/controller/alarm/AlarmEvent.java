package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/** A change of an alarm's state, as written to the alarm journal. */
public record AlarmEvent(long seq, Instant time, AlarmId alarm, AlarmPriority priority, AlarmState state,
                         String detail) implements FurnaceEvent {
}
