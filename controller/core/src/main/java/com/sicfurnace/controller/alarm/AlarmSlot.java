package com.sicfurnace.controller.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * One alarm's state, kept apart as Phoebus's AlarmLogic keeps it: the condition as filtered by the on- and
 * off-delays ({@link #active}), the latched ISA-18.2 state the operator acknowledges ({@link #latched}), and what
 * hides it (shelve, suppression by design, out of service). {@link #shown} is what readers see. Mutated only by
 * {@link Alarms}, on the scan's thread.
 */
final class AlarmSlot {
    final AlarmDefinition definition;
    final AlarmId id;
    final int suppressMask;
    final Duration maxShelve;
    private final Duration onDelay;
    private final Duration offDelay;
    final ActivationWindow chatterWindow;

    /** The filtered condition: it has held (or been gone) for the on-delay (off-delay). */
    boolean active;
    /** When the reported condition, differing from {@link #active}, will have lasted its delay; null if it agrees. */
    private Instant pendingUntil;
    AlarmState latched = AlarmState.NORMAL;
    ShelveMode shelveMode;
    Instant shelvedUntil;
    boolean suppressed;
    boolean outOfService;
    AlarmState shown = AlarmState.NORMAL;
    boolean chattering;

    AlarmSlot(AlarmDefinition definition, AlarmSettings settings) {
        this.definition = definition;
        this.id = definition.alarm();
        this.suppressMask = definition.suppressMask();
        double maxShelveS = definition.maxShelveS() == null ? settings.maxShelveS()
                : Math.min(definition.maxShelveS(), settings.maxShelveS());
        this.maxShelve = seconds(maxShelveS);
        this.onDelay = seconds(definition.onDelayS());
        this.offDelay = seconds(definition.offDelayS());
        this.chatterWindow = new ActivationWindow(settings.chatter().windowS());
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** The condition as reported now, through the on- and off-delays; returns the filtered condition. */
    boolean filter(boolean condition, Instant now) {
        if (condition == active) {
            pendingUntil = null;
        } else {
            if (pendingUntil == null) {
                pendingUntil = now.plus(condition ? onDelay : offDelay);
            }
            if (!now.isBefore(pendingUntil)) {
                active = condition;
                pendingUntil = null;
            }
        }
        return active;
    }

    /** Not evaluated (hidden by suppression or out of service): the condition starts from normal when it is again. */
    void resetFilter() {
        active = false;
        pendingUntil = null;
    }

    /** Masked by a lost or failed input: the filtered condition stands, and time spent masked counts for no delay. */
    void mask() {
        pendingUntil = null;
    }

    boolean shelved() {
        return shelveMode != null;
    }

    /** What readers see: a hiding state if one applies, the latched state otherwise. */
    AlarmState visible() {
        if (outOfService) {
            return AlarmState.OUT_OF_SERVICE;
        } else if (shelved()) {
            return AlarmState.SHELVED;
        } else if (suppressed) {
            return AlarmState.SUPPRESSED;
        }
        return latched;
    }
}
