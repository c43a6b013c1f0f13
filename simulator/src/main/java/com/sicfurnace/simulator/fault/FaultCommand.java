package com.sicfurnace.simulator.fault;

import java.util.Map;
import java.util.Objects;

/**
 * One fault to inject: its name and its parameters, as they arrive over the fault API or from a fault script.
 * {@link FaultInjector} documents the names and parameters.
 */
public record FaultCommand(String fault, Map<String, Object> parameters) {
    public FaultCommand {
        Objects.requireNonNull(fault, "fault");
        parameters = Map.copyOf(parameters);
    }

    String text(String name) {
        Object value = parameters.get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("fault '" + fault + "': parameter '" + name + "' must be text");
        }
        return s;
    }

    double number(String name) {
        Object value = parameters.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("fault '" + fault + "': parameter '" + name + "' must be a number");
        }
        return n.doubleValue();
    }

    boolean flag(String name) {
        Object value = parameters.getOrDefault(name, Boolean.TRUE);
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException("fault '" + fault + "': parameter '" + name + "' must be true or false");
        }
        return b;
    }
}
