package com.sicfurnace.controller.telemetry;

import java.util.Map;
import java.util.Objects;

/**
 * How often each telemetry field is written. Analog values (temperatures, pressures, powers, flows) go out every
 * {@code analogPeriodS} of furnace time (0: every scan), or at their own period from {@code fieldPeriodS};
 * states (booleans, modes, qualities, the run's step) go out when they change, and again every
 * {@code stateRefreshS} so that any time window of a dashboard shows them.
 */
public record Decimation(double analogPeriodS, double stateRefreshS, Map<String, Double> fieldPeriodS) {

    public Decimation {
        Objects.requireNonNull(fieldPeriodS, "fieldPeriodS");
        fieldPeriodS = Map.copyOf(fieldPeriodS);
        if (!(analogPeriodS >= 0)) {
            throw new IllegalArgumentException("analog_period_s must be >= 0 (0 = every scan), not " + analogPeriodS);
        }
        if (!(stateRefreshS > 0)) {
            throw new IllegalArgumentException("state_refresh_s must be > 0, not " + stateRefreshS);
        }
        fieldPeriodS.forEach((field, period) -> {
            if (!(period >= 0)) {
                throw new IllegalArgumentException("the period of field '" + field + "' must be >= 0, not " + period);
            }
        });
    }

    /** Every analog value every scan, states on change and once a minute. */
    public static Decimation everyScan() {
        return new Decimation(0, 60, Map.of());
    }

    double periodOf(String field) {
        return fieldPeriodS.getOrDefault(field, analogPeriodS);
    }
}
