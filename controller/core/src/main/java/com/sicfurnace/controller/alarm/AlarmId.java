package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.safety.Trip;

/** Every alarm the controller raises, with its priority and what it means for the operator. */
public enum AlarmId {
    TRIP_EMERGENCY_STOP(AlarmPriority.URGENT, "Heater tripped: emergency stop"),
    TRIP_DOOR_OPEN(AlarmPriority.URGENT, "Heater tripped: lid or cabinet door open"),
    TRIP_WATER_FLOW_LOW(AlarmPriority.URGENT, "Heater tripped: cooling water flow low"),
    TRIP_OVER_TEMPERATURE(AlarmPriority.URGENT, "Heater tripped: over-temperature"),
    TRIP_OVER_PRESSURE(AlarmPriority.URGENT, "Heater tripped: over-pressure or pressure unknown"),
    TRIP_PYROMETER_FAILURE(AlarmPriority.URGENT, "Heater tripped: pyrometer failed at high power"),
    PLC_WATCHDOG_TRIPPED(AlarmPriority.URGENT, "PLC watchdog tripped: it lost the controller and limits the heater"),
    COMM_LOSS_PLC(AlarmPriority.HIGH, "Lost communication with the PLC: loops hold, heater held then ramped down"),
    COMM_LOSS_SUPPLY(AlarmPriority.HIGH, "Lost communication with an induction supply: heater held then ramped down"),
    COMM_LOSS_MFC(AlarmPriority.HIGH, "Lost communication with a mass-flow controller"),
    COMM_LOSS_GAUGES(AlarmPriority.HIGH, "Lost communication with the gauge controller: pressure control holds"),
    COMM_LOSS_CHILLER(AlarmPriority.HIGH, "Lost communication with the chiller"),
    RUN_HELD_BY_COMM_LOSS(AlarmPriority.MEDIUM, "Recipe run held by a communication loss"),
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

    public static AlarmId forTrip(Trip trip) {
        return switch (trip) {
            case EMERGENCY_STOP -> TRIP_EMERGENCY_STOP;
            case DOOR_OPEN -> TRIP_DOOR_OPEN;
            case WATER_FLOW_LOW -> TRIP_WATER_FLOW_LOW;
            case OVER_TEMPERATURE -> TRIP_OVER_TEMPERATURE;
            case OVER_PRESSURE -> TRIP_OVER_PRESSURE;
            case PYROMETER_FAILURE -> TRIP_PYROMETER_FAILURE;
        };
    }
}
