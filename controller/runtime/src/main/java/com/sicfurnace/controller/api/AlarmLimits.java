package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.alarm.AlarmKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limits of a profile's high, low and deviation alarms, by the value they watch: what the catalogue answer gives
 * each value as {@code alarm_limits}, so that a screen shows the normal range the alarms define rather than one of
 * its own. Rate, discrete and communication alarms define no range and are left out.
 */
final class AlarmLimits {
    private static final Set<AlarmKind> RANGE_KINDS = EnumSet.of(AlarmKind.HIGH, AlarmKind.LOW, AlarmKind.DEVIATION);

    private final Map<String, List<AlarmDefinition>> byValue = new LinkedHashMap<>();

    AlarmLimits(List<AlarmDefinition> processAlarms) {
        for (AlarmDefinition alarm : processAlarms) {
            if (RANGE_KINDS.contains(alarm.type())) {
                byValue.computeIfAbsent(alarm.signal(), s -> new ArrayList<>()).add(alarm);
            }
        }
    }

    /**
     * The limits on one value, each {@code {alarm, type, priority, limit, unit}} plus {@code setpoint} and {@code
     * relative} for a deviation; empty when no such alarm watches it.
     *
     * @param unit the value's unit, which high and low limits are in (a deviation of a °C value is in K)
     */
    Optional<ArrayNode> of(String value, String unit) {
        List<AlarmDefinition> alarms = byValue.get(value);
        if (alarms == null) {
            return Optional.empty();
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (AlarmDefinition alarm : alarms) {
            ObjectNode o = list.addObject();
            o.put("alarm", alarm.id());
            o.put("type", lower(alarm.type()));
            o.put("priority", lower(alarm.priority()));
            o.put("limit", alarm.limit());
            if (alarm.type() == AlarmKind.DEVIATION) {
                o.put("unit", alarm.relative() ? "%" : differenceUnit(unit));
                o.put("setpoint", alarm.setpoint());
                o.put("relative", alarm.relative());
            } else {
                o.put("unit", unit);
            }
        }
        return Optional.of(list);
    }

    /** A difference of temperatures in °C is in K; other units are their own differences. */
    private static String differenceUnit(String unit) {
        return "°C".equals(unit) ? "K" : unit;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
