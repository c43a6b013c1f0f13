package com.sicfurnace.controller.alarm;

import java.time.Instant;

/** A change of an alarm's state, as written to the alarm journal. */
public record AlarmEvent(Instant time, AlarmId alarm, AlarmPriority priority, AlarmState state, String detail) {
}
