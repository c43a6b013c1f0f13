package com.sicfurnace.controller.alarm;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One alarm as data: what it watches, how urgent it is, and how it is filtered. A furnace profile lists its process
 * alarms ({@code alarms.definitions}); the system alarms the controller raises itself are defined in
 * {@link SystemAlarms}. Documented in docs/alarms.md.
 *
 * @param id           the tag, e.g. {@code SEED_TEMPERATURE_HIGH}
 * @param signal       the watched value: an input of the I/O list, or one of the controller's values
 *                     ({@code pressure_mbar}); not for COMMUNICATION, SYSTEM and TRIP alarms
 * @param setpoint     DEVIATION only: the controller's setpoint the value is compared with ({@code seed_sp_c},
 *                     {@code source_sp_c}, {@code pressure_sp_mbar}); no deviation while that loop does not control
 * @param limit        HIGH, LOW, DEVIATION, RATE: the alarm limit in the signal's unit (RATE: unit per minute;
 *                     DEVIATION with {@code relative}: % of the setpoint)
 * @param deadband     how far back past the limit the value must come before the alarm clears
 * @param onDelayS     how long the condition must hold before the alarm raises
 * @param offDelayS    how long the condition must be gone before the alarm clears
 * @param windowS      RATE only: the time constant of the rate's filter (60 s if not given)
 * @param when         DISCRETE only: raise while the input is ON, OFF, or reported BAD by its device
 * @param devices      COMMUNICATION only: I/O-list devices; the alarm holds while any of them is lost
 * @param suppressWhen operating states in which the alarm is suppressed by design
 * @param shelvable    whether an operator may shelve it; by default every alarm but trips and URGENT ones
 * @param maxShelveS   the longest an operator may shelve it; by default the profile's {@code max_shelve_s}
 */
public record AlarmDefinition(String id, AlarmKind type, AlarmPriority priority, String text, String signal,
                              String setpoint, double limit, boolean relative, double deadband, double onDelayS,
                              double offDelayS, double windowS, When when, List<String> devices,
                              Set<OperatingState> suppressWhen, Boolean shelvable, Double maxShelveS) {

    /** The state of a DISCRETE alarm's input that raises it. */
    public enum When { ON, OFF, BAD }

    private static final double DEFAULT_RATE_WINDOW_S = 60.0;

    public AlarmDefinition {
        Objects.requireNonNull(id, "alarm id");
        new AlarmId(id);
        String where = "alarm " + id + ": ";
        if (type == null || priority == null || text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + "needs a type, a priority and a text");
        }
        devices = List.copyOf(devices == null ? List.of() : devices);
        suppressWhen = suppressWhen == null || suppressWhen.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(suppressWhen));
        if (type == AlarmKind.RATE && windowS == 0) {
            windowS = DEFAULT_RATE_WINDOW_S;
        }
        if (shelvable == null) {
            shelvable = type != AlarmKind.TRIP && priority != AlarmPriority.URGENT;
        }
        if (deadband < 0 || onDelayS < 0 || offDelayS < 0 || windowS < 0 || !Double.isFinite(limit)
                || (maxShelveS != null && !(maxShelveS > 0))) {
            throw new IllegalArgumentException(where + "deadband, delays and window must not be negative, the "
                    + "limit must be a number, a maximum shelve time positive");
        }
        boolean needsSignal = type.evaluatedFromData() && type != AlarmKind.COMMUNICATION;
        if (needsSignal != (signal != null)) {
            throw new IllegalArgumentException(where + (needsSignal ? "needs a signal" : "takes no signal"));
        }
        if ((type == AlarmKind.DEVIATION) != (setpoint != null)) {
            throw new IllegalArgumentException(where + "a setpoint belongs to deviation alarms, which need one");
        }
        if ((type == AlarmKind.DISCRETE) != (when != null)) {
            throw new IllegalArgumentException(where + "'when' belongs to discrete alarms, which need it");
        }
        if ((type == AlarmKind.COMMUNICATION) == devices.isEmpty()) {
            throw new IllegalArgumentException(where + "devices belong to communication alarms, which need them");
        }
        if (type == AlarmKind.TRIP && shelvable) {
            throw new IllegalArgumentException(where + "trip alarms cannot be shelvable");
        }
    }

    /** A condition the controller reports itself, raised and cleared at once. */
    public static AlarmDefinition system(AlarmId id, AlarmPriority priority, String text) {
        return new AlarmDefinition(id.name(), AlarmKind.SYSTEM, priority, text, null, null, 0, false, 0, 0, 0, 0,
                null, null, null, null, null);
    }

    /** The alarm of an interlock trip: URGENT, never shelved, first-out among trips. */
    public static AlarmDefinition trip(AlarmId id, String text) {
        return trip(id, AlarmPriority.URGENT, text);
    }

    /** A row of the interlock matrix whose effect is a hold rather than a trip of the heater may rank lower. */
    public static AlarmDefinition trip(AlarmId id, AlarmPriority priority, String text) {
        return new AlarmDefinition(id.name(), AlarmKind.TRIP, priority, text, null, null, 0, false, 0, 0, 0, 0, null,
                null, null, false, null);
    }

    public AlarmId alarm() {
        return AlarmId.of(id);
    }

    /** The operating states that suppress it, as one bit each ({@link OperatingState#bit()}). */
    public int suppressMask() {
        int mask = 0;
        for (OperatingState state : suppressWhen) {
            mask |= state.bit();
        }
        return mask;
    }
}
