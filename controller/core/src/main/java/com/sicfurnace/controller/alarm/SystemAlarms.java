package com.sicfurnace.controller.alarm;

import java.util.List;

/**
 * The alarms every controller has whatever its profile: interlock trips, conditions of the run and of the
 * controller's own services, and the alarm system's own flood alarm. Their conditions are reported by the core
 * ({@link Alarms#update}) or, for the controller's services, by commands.
 */
public final class SystemAlarms {
    public static final List<AlarmDefinition> ALL = List.of(
            AlarmDefinition.trip(AlarmId.TRIP_EMERGENCY_STOP, "Heater tripped: emergency stop"),
            AlarmDefinition.trip(AlarmId.TRIP_DOOR_OPEN, "Heater tripped: lid or cabinet door open"),
            AlarmDefinition.trip(AlarmId.TRIP_WATER_FLOW_LOW, "Heater tripped: cooling water flow low"),
            AlarmDefinition.trip(AlarmId.TRIP_OVER_TEMPERATURE, "Heater tripped: over-temperature"),
            AlarmDefinition.trip(AlarmId.TRIP_OVER_PRESSURE, "Heater tripped: over-pressure or pressure unknown"),
            AlarmDefinition.trip(AlarmId.TRIP_PYROMETER_FAILURE, "Heater tripped: pyrometer failed at high power"),
            AlarmDefinition.system(AlarmId.CONTACTOR_MISMATCH, AlarmPriority.HIGH,
                    "Heater contactor does not follow its command"),
            AlarmDefinition.system(AlarmId.RUN_HELD_BY_COMM_LOSS, AlarmPriority.MEDIUM,
                    "Recipe run held by a communication loss"),
            AlarmDefinition.system(AlarmId.RUN_HELD_BY_INTERLOCK, AlarmPriority.HIGH,
                    "Recipe run held by an interlock trip"),
            AlarmDefinition.system(AlarmId.LEAK_CHECK_FAILED, AlarmPriority.HIGH, "Leak-rate check failed"),
            AlarmDefinition.system(AlarmId.WAIT_TIMEOUT, AlarmPriority.MEDIUM, "Wait step timed out"),
            AlarmDefinition.system(AlarmId.RUN_ABORTED, AlarmPriority.HIGH, "Recipe run aborted"),
            new AlarmDefinition(AlarmId.ALARM_FLOOD.name(), AlarmKind.SYSTEM, AlarmPriority.HIGH,
                    "Alarm flood: more alarms than an operator can handle; work them by priority", null, null, 0,
                    false, 0, 0, 0, 0, null, null, null, false, null),
            AlarmDefinition.system(AlarmId.TELEMETRY_POINTS_LOST, AlarmPriority.HIGH,
                    "Telemetry disk budget full: points are being dropped"),
            AlarmDefinition.system(AlarmId.TELEMETRY_DATABASE_REFUSED, AlarmPriority.HIGH,
                    "Telemetry database refuses the credentials: points are kept on disk until fixed"),
            AlarmDefinition.system(AlarmId.TELEMETRY_BACKLOG, AlarmPriority.MEDIUM,
                    "Telemetry not reaching the database: points are kept on disk"),
            AlarmDefinition.system(AlarmId.TELEMETRY_BATCH_QUARANTINED, AlarmPriority.MEDIUM,
                    "Telemetry batch refused by the database as bad data: kept in the quarantine folder"));

    private SystemAlarms() {
    }
}
