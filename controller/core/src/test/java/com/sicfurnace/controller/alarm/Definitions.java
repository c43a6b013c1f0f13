package com.sicfurnace.controller.alarm;

import java.util.List;
import java.util.Set;

/** Alarm definitions for tests, without the seventeen arguments of the record. */
final class Definitions {
    private Definitions() {
    }

    static AlarmDefinition system(String id, AlarmPriority priority, double onDelayS, double offDelayS,
                                  OperatingState... suppressWhen) {
        return new AlarmDefinition(id, AlarmKind.SYSTEM, priority, id.toLowerCase(), null, null, 0, false, 0,
                onDelayS, offDelayS, 0, null, null, Set.of(suppressWhen), null, null);
    }

    static AlarmDefinition high(String id, String signal, double limit, double deadband, double onDelayS) {
        return new AlarmDefinition(id, AlarmKind.HIGH, AlarmPriority.HIGH, "high", signal, null, limit, false,
                deadband, onDelayS, 0, 0, null, null, null, null, null);
    }

    static AlarmDefinition low(String id, String signal, double limit, double deadband) {
        return new AlarmDefinition(id, AlarmKind.LOW, AlarmPriority.HIGH, "low", signal, null, limit, false,
                deadband, 0, 0, 0, null, null, null, null, null);
    }

    static AlarmDefinition deviation(String id, String signal, String setpoint, double limit, boolean relative,
                                     OperatingState... suppressWhen) {
        return new AlarmDefinition(id, AlarmKind.DEVIATION, AlarmPriority.MEDIUM, "deviation", signal, setpoint,
                limit, relative, 0, 0, 0, 0, null, null, Set.of(suppressWhen), null, null);
    }

    static AlarmDefinition rate(String id, String signal, double limitPerMin, double windowS) {
        return new AlarmDefinition(id, AlarmKind.RATE, AlarmPriority.MEDIUM, "rate", signal, null, limitPerMin,
                false, 0, 0, 0, windowS, null, null, null, null, null);
    }

    static AlarmDefinition discrete(String id, String signal, AlarmDefinition.When when) {
        return new AlarmDefinition(id, AlarmKind.DISCRETE, AlarmPriority.HIGH, "discrete", signal, null, 0, false,
                0, 0, 0, 0, when, null, null, null, null);
    }

    static AlarmDefinition comm(String id, String... devices) {
        return new AlarmDefinition(id, AlarmKind.COMMUNICATION, AlarmPriority.HIGH, "comm", null, null, 0, false,
                0, 0, 0, 0, null, List.of(devices), null, null, null);
    }
}
