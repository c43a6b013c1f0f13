package com.sicfurnace.controller.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a request to shelve an alarm: accepted with the time the shelve ends at the latest, or refused
 * with the reason.
 */
public record ShelveResult(AlarmId alarm, Refusal refusal, Instant expires) {

    public enum Refusal {
        UNKNOWN_ALARM("no such alarm"),
        TRIP_NOT_SHELVABLE("trip alarms are never shelved: reset the interlock once its cause is gone"),
        NOT_SHELVABLE("this alarm may not be shelved"),
        OUT_OF_SERVICE("the alarm is out of service"),
        NOT_POSITIVE("a shelve needs a positive duration"),
        EXCEEDS_MAX_TIME("longer than the alarm's maximum shelve time"),
        NOT_ACTIVE("one-shot shelving is for an alarm whose condition holds");

        private final String text;

        Refusal(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public ShelveResult {
        Objects.requireNonNull(alarm, "alarm");
        if ((refusal == null) == (expires == null)) {
            throw new IllegalArgumentException("a shelve is either accepted with its expiry or refused");
        }
    }

    static ShelveResult refused(AlarmId alarm, Refusal refusal) {
        return new ShelveResult(alarm, refusal, null);
    }

    public boolean accepted() {
        return refusal == null;
    }

    /** For the command's journal entry. */
    public String detail() {
        return accepted() ? "shelved until " + expires : alarm + " not shelved: " + refusal.text();
    }
}
