package com.sicfurnace.controller.alarm;

import java.util.List;

/**
 * The alarms every controller has whatever its profile: interlock trips, conditions of the run and of the
 * controller's own services, and the alarm system's own flood alarm. Their conditions are reported by the core
 * ({@link Alarms#update}) or, for the controller's services, by commands.
 */
public final class SystemAlarms {
    public static final List<AlarmDefinition> ALL = List.of(
            AlarmDefinition.trip(AlarmId.INTERLOCK_EMERGENCY_STOP, "Heater tripped: emergency stop"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_DOOR_OPEN, "Heater tripped: lid or cabinet door open"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_COIL_WATER_LOW, "Heater tripped: coil cooling water flow low"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_CHAMBER_WATER_LOW, "Heater tripped: chamber cooling water flow low"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_SUPPLY_WATER_LOW,
                    "Heater tripped: power-supply cooling water flow low"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_OVER_TEMPERATURE, "Heater tripped: over-temperature"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_OVER_PRESSURE, "Heater tripped and gas closed: chamber over-pressure"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_PRESSURE_UNKNOWN_WITH_GAS,
                    "Heater ramping down and gas closed: no chamber pressure while gas flows"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_PYROMETER_FAILURE,
                    "Heater ramping down: pyrometer failed at high power"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_CHILLER_STOPPED, "Heater ramping down: chiller stopped"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_PLC_WATCHDOG,
                    "PLC watchdog tripped: the PLC limits the heater; run held until reset"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_HEATER_NOT_FOLLOWING, AlarmPriority.HIGH,
                    "Heater power does not follow its command: run held"),
            AlarmDefinition.trip(AlarmId.INTERLOCK_COMM_LOSS, AlarmPriority.HIGH,
                    "Recipe run held by a communication loss"),
            AlarmDefinition.system(AlarmId.INTERLOCK_BYPASSED, AlarmPriority.HIGH, "An interlock is bypassed"),
            AlarmDefinition.system(AlarmId.RUN_HELD_BY_PERMISSIVE, AlarmPriority.HIGH,
                    "Recipe run held: heating above the threshold needs vacuum reached and a passed leak check"),
            AlarmDefinition.system(AlarmId.OUTPUT_REFUSED, AlarmPriority.HIGH,
                    "A device refuses an output the controller writes"),
            AlarmDefinition.system(AlarmId.CONTROLLER_OUTPUT_INVALID, AlarmPriority.URGENT,
                    "Controller computed an invalid output: last good value kept"),
            AlarmDefinition.system(AlarmId.CONTACTOR_MISMATCH, AlarmPriority.HIGH,
                    "Heater contactor does not follow its command"),
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
