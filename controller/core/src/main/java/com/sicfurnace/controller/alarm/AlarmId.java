package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.safety.InterlockId;

/** Every alarm the controller raises, with its priority and what it means for the operator. */
public enum AlarmId {
    INTERLOCK_EMERGENCY_STOP(AlarmPriority.URGENT, "Heater tripped: emergency stop"),
    INTERLOCK_DOOR_OPEN(AlarmPriority.URGENT, "Heater tripped: lid or cabinet door open"),
    INTERLOCK_COIL_WATER_LOW(AlarmPriority.URGENT, "Heater tripped: coil cooling water flow low"),
    INTERLOCK_CHAMBER_WATER_LOW(AlarmPriority.URGENT, "Heater tripped: chamber cooling water flow low"),
    INTERLOCK_SUPPLY_WATER_LOW(AlarmPriority.URGENT, "Heater tripped: power-supply cooling water flow low"),
    INTERLOCK_OVER_TEMPERATURE(AlarmPriority.URGENT, "Heater tripped: over-temperature"),
    INTERLOCK_OVER_PRESSURE(AlarmPriority.URGENT, "Heater tripped and gas closed: chamber over-pressure"),
    INTERLOCK_PRESSURE_UNKNOWN_WITH_GAS(AlarmPriority.URGENT,
            "Heater ramping down and gas closed: no chamber pressure while gas flows"),
    INTERLOCK_PYROMETER_FAILURE(AlarmPriority.URGENT, "Heater ramping down: pyrometer failed at high power"),
    INTERLOCK_CHILLER_STOPPED(AlarmPriority.URGENT, "Heater ramping down: chiller stopped"),
    INTERLOCK_PLC_WATCHDOG(AlarmPriority.URGENT,
            "PLC watchdog tripped: the PLC limits the heater; run held until reset"),
    INTERLOCK_HEATER_NOT_FOLLOWING(AlarmPriority.HIGH, "Heater power does not follow its command: run held"),
    INTERLOCK_COMM_LOSS(AlarmPriority.HIGH, "Recipe run held by a communication loss"),
    INTERLOCK_BYPASSED(AlarmPriority.HIGH, "An interlock is bypassed"),
    RUN_HELD_BY_PERMISSIVE(AlarmPriority.HIGH,
            "Recipe run held: heating above the threshold needs vacuum reached and a passed leak check"),
    OUTPUT_REFUSED(AlarmPriority.HIGH, "A device refuses an output the controller writes"),
    CONTROLLER_OUTPUT_INVALID(AlarmPriority.URGENT, "Controller computed an invalid output: last good value kept"),
    COMM_LOSS_PLC(AlarmPriority.HIGH, "Lost communication with the PLC: loops hold, heater held then ramped down"),
    COMM_LOSS_SUPPLY(AlarmPriority.HIGH, "Lost communication with an induction supply: heater held then ramped down"),
    COMM_LOSS_MFC(AlarmPriority.HIGH, "Lost communication with a mass-flow controller"),
    COMM_LOSS_GAUGES(AlarmPriority.HIGH, "Lost communication with the gauge controller: pressure control holds"),
    COMM_LOSS_CHILLER(AlarmPriority.HIGH, "Lost communication with the chiller"),
    PYROMETER_TOP_FAILED(AlarmPriority.HIGH, "Top (seed) pyrometer reading unusable"),
    PYROMETER_BOTTOM_FAILED(AlarmPriority.HIGH, "Bottom (source) pyrometer reading unusable"),
    SUPPLY_FAULT(AlarmPriority.HIGH, "Induction power supply tripped"),
    CONTACTOR_MISMATCH(AlarmPriority.HIGH, "Heater contactor does not follow its command"),
    CHILLER_FAULT(AlarmPriority.HIGH, "Chiller not running"),
    SEED_TEMPERATURE_DEVIATION(AlarmPriority.MEDIUM, "Seed temperature off its setpoint"),
    PRESSURE_DEVIATION(AlarmPriority.MEDIUM, "Chamber pressure off its setpoint"),
    LEAK_CHECK_FAILED(AlarmPriority.HIGH, "Leak-rate check failed"),
    WAIT_TIMEOUT(AlarmPriority.MEDIUM, "Wait step timed out"),
    RUN_ABORTED(AlarmPriority.HIGH, "Recipe run aborted"),
    RUN_HELD_BY_INTERLOCK(AlarmPriority.HIGH, "Recipe run held by an interlock trip"),
    TELEMETRY_POINTS_LOST(AlarmPriority.HIGH, "Telemetry disk budget full: points are being dropped"),
    TELEMETRY_DATABASE_REFUSED(AlarmPriority.HIGH,
            "Telemetry database refuses the credentials: points are kept on disk until fixed"),
    TELEMETRY_BACKLOG(AlarmPriority.MEDIUM, "Telemetry not reaching the database: points are kept on disk"),
    TELEMETRY_BATCH_QUARANTINED(AlarmPriority.MEDIUM,
            "Telemetry batch refused by the database as bad data: kept in the quarantine folder");

    private final AlarmPriority priority;
    private final String text;

    AlarmId(AlarmPriority priority, String text) {
        this.priority = priority;
        this.text = text;
    }

    public AlarmPriority priority() {
        return priority;
    }

    public String text() {
        return text;
    }

    /** The communication alarm for an I/O-list device. */
    public static AlarmId forDevice(String device) {
        if (device.startsWith("ps")) {
            return COMM_LOSS_SUPPLY;
        } else if (device.startsWith("mfc")) {
            return COMM_LOSS_MFC;
        }
        return switch (device) {
            case "plc" -> COMM_LOSS_PLC;
            case "gauges" -> COMM_LOSS_GAUGES;
            case "chiller" -> COMM_LOSS_CHILLER;
            default -> throw new IllegalArgumentException("no communication alarm for device '" + device + "'");
        };
    }

    private static final AlarmId[] BY_INTERLOCK = new AlarmId[InterlockId.values().length];

    static {
        for (InterlockId interlock : InterlockId.values()) {
            BY_INTERLOCK[interlock.ordinal()] = valueOf("INTERLOCK_" + interlock.name());
        }
    }

    /** The alarm of a row of the interlock matrix: raised while the row is active. */
    public static AlarmId forInterlock(InterlockId interlock) {
        return BY_INTERLOCK[interlock.ordinal()];
    }
}
