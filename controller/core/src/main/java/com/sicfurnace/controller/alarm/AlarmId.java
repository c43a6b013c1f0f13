package com.sicfurnace.controller.alarm;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An alarm's tag, as the journal, the report and an operator name it: upper-case words joined by underscores. Most
 * alarms are data (a furnace profile's {@code alarms.definitions}); the constants below name the system alarms the
 * core and the controller's services raise themselves, and the profile alarms other code refers to by name. What an
 * alarm means (priority, text, limits) is its {@link AlarmDefinition}'s business, not the tag's.
 */
public record AlarmId(String name) implements Comparable<AlarmId> {
    private static final Pattern TAG = Pattern.compile("[A-Z][A-Z0-9_]*");

    public static final AlarmId INTERLOCK_EMERGENCY_STOP = new AlarmId("INTERLOCK_EMERGENCY_STOP");
    public static final AlarmId INTERLOCK_DOOR_OPEN = new AlarmId("INTERLOCK_DOOR_OPEN");
    public static final AlarmId INTERLOCK_COIL_WATER_LOW = new AlarmId("INTERLOCK_COIL_WATER_LOW");
    public static final AlarmId INTERLOCK_CHAMBER_WATER_LOW = new AlarmId("INTERLOCK_CHAMBER_WATER_LOW");
    public static final AlarmId INTERLOCK_SUPPLY_WATER_LOW = new AlarmId("INTERLOCK_SUPPLY_WATER_LOW");
    public static final AlarmId INTERLOCK_OVER_TEMPERATURE = new AlarmId("INTERLOCK_OVER_TEMPERATURE");
    public static final AlarmId INTERLOCK_OVER_PRESSURE = new AlarmId("INTERLOCK_OVER_PRESSURE");
    public static final AlarmId INTERLOCK_PRESSURE_UNKNOWN_WITH_GAS = new AlarmId("INTERLOCK_PRESSURE_UNKNOWN_WITH_GAS");
    public static final AlarmId INTERLOCK_PYROMETER_FAILURE = new AlarmId("INTERLOCK_PYROMETER_FAILURE");
    public static final AlarmId INTERLOCK_CHILLER_STOPPED = new AlarmId("INTERLOCK_CHILLER_STOPPED");
    public static final AlarmId INTERLOCK_PLC_WATCHDOG = new AlarmId("INTERLOCK_PLC_WATCHDOG");
    public static final AlarmId INTERLOCK_HEATER_NOT_FOLLOWING = new AlarmId("INTERLOCK_HEATER_NOT_FOLLOWING");
    public static final AlarmId INTERLOCK_COMM_LOSS = new AlarmId("INTERLOCK_COMM_LOSS");
    public static final AlarmId INTERLOCK_BYPASSED = new AlarmId("INTERLOCK_BYPASSED");
    public static final AlarmId RUN_HELD_BY_PERMISSIVE = new AlarmId("RUN_HELD_BY_PERMISSIVE");
    public static final AlarmId OUTPUT_REFUSED = new AlarmId("OUTPUT_REFUSED");
    public static final AlarmId CONTROLLER_OUTPUT_INVALID = new AlarmId("CONTROLLER_OUTPUT_INVALID");
    public static final AlarmId CONTACTOR_MISMATCH = new AlarmId("CONTACTOR_MISMATCH");
    public static final AlarmId RUN_HELD_BY_INTERLOCK = new AlarmId("RUN_HELD_BY_INTERLOCK");
    public static final AlarmId LEAK_CHECK_FAILED = new AlarmId("LEAK_CHECK_FAILED");
    public static final AlarmId WAIT_TIMEOUT = new AlarmId("WAIT_TIMEOUT");
    public static final AlarmId RUN_ABORTED = new AlarmId("RUN_ABORTED");
    public static final AlarmId ALARM_FLOOD = new AlarmId("ALARM_FLOOD");
    public static final AlarmId TELEMETRY_POINTS_LOST = new AlarmId("TELEMETRY_POINTS_LOST");
    public static final AlarmId TELEMETRY_DATABASE_REFUSED = new AlarmId("TELEMETRY_DATABASE_REFUSED");
    public static final AlarmId TELEMETRY_BACKLOG = new AlarmId("TELEMETRY_BACKLOG");
    public static final AlarmId TELEMETRY_BATCH_QUARANTINED = new AlarmId("TELEMETRY_BATCH_QUARANTINED");

    // Defined in the shipped profiles; named here because the core's own tests and services refer to them.
    public static final AlarmId COMM_LOSS_PLC = new AlarmId("COMM_LOSS_PLC");
    public static final AlarmId COMM_LOSS_SUPPLY = new AlarmId("COMM_LOSS_SUPPLY");
    public static final AlarmId COMM_LOSS_MFC = new AlarmId("COMM_LOSS_MFC");
    public static final AlarmId COMM_LOSS_GAUGES = new AlarmId("COMM_LOSS_GAUGES");
    public static final AlarmId COMM_LOSS_CHILLER = new AlarmId("COMM_LOSS_CHILLER");
    public static final AlarmId PYROMETER_TOP_FAILED = new AlarmId("PYROMETER_TOP_FAILED");
    public static final AlarmId PYROMETER_BOTTOM_FAILED = new AlarmId("PYROMETER_BOTTOM_FAILED");
    public static final AlarmId CHILLER_FAULT = new AlarmId("CHILLER_FAULT");
    public static final AlarmId SEED_TEMPERATURE_DEVIATION = new AlarmId("SEED_TEMPERATURE_DEVIATION");
    public static final AlarmId PRESSURE_DEVIATION = new AlarmId("PRESSURE_DEVIATION");

    /** The constants by name, so that {@link #of} hands out the same object for them. */
    private static final Map<String, AlarmId> NAMED = Stream.of(INTERLOCK_EMERGENCY_STOP, INTERLOCK_DOOR_OPEN,
            INTERLOCK_COIL_WATER_LOW, INTERLOCK_CHAMBER_WATER_LOW, INTERLOCK_SUPPLY_WATER_LOW,
            INTERLOCK_OVER_TEMPERATURE, INTERLOCK_OVER_PRESSURE, INTERLOCK_PRESSURE_UNKNOWN_WITH_GAS,
            INTERLOCK_PYROMETER_FAILURE, INTERLOCK_CHILLER_STOPPED, INTERLOCK_PLC_WATCHDOG,
            INTERLOCK_HEATER_NOT_FOLLOWING, INTERLOCK_COMM_LOSS, INTERLOCK_BYPASSED, RUN_HELD_BY_PERMISSIVE,
            OUTPUT_REFUSED, CONTROLLER_OUTPUT_INVALID, CONTACTOR_MISMATCH, RUN_HELD_BY_INTERLOCK, LEAK_CHECK_FAILED,
            WAIT_TIMEOUT, RUN_ABORTED, ALARM_FLOOD, TELEMETRY_POINTS_LOST, TELEMETRY_DATABASE_REFUSED,
            TELEMETRY_BACKLOG, TELEMETRY_BATCH_QUARANTINED, COMM_LOSS_PLC, COMM_LOSS_SUPPLY, COMM_LOSS_MFC,
            COMM_LOSS_GAUGES, COMM_LOSS_CHILLER, PYROMETER_TOP_FAILED, PYROMETER_BOTTOM_FAILED, CHILLER_FAULT,
            SEED_TEMPERATURE_DEVIATION, PRESSURE_DEVIATION).collect(Collectors.toUnmodifiableMap(AlarmId::name, id -> id));

    public AlarmId {
        Objects.requireNonNull(name, "name");
        if (!TAG.matcher(name).matches()) {
            throw new IllegalArgumentException("alarm id '" + name + "' must be upper-case words joined by '_'");
        }
    }

    /**
     * The alarm of this name: the constant where one exists (so that code written when alarms were an enum and
     * compares them with {@code ==} keeps working), a new tag otherwise. Compare with {@code equals}.
     */
    public static AlarmId of(String name) {
        AlarmId named = NAMED.get(name);
        return named != null ? named : new AlarmId(name);
    }

    @Override
    public int compareTo(AlarmId other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
