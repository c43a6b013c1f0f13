package com.sicfurnace.controller.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.alarm.AlarmStates;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.ProgramCheckpoint;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.program.Setpoints;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.InterlockCheckpoint;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The core's {@link RunCheckpoint} as the journal's JSON body and back. Numbers are written as JSON numbers where
 * finite and as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} otherwise (a setpoint not set, no
 * soft-trip ceiling): JSON has no such numbers. Enums by name. A body that lacks a field or holds a wrong value is
 * refused with the field's name: a journal is never guessed at.
 */
final class CheckpointCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CheckpointCodec() {
    }

    static ObjectNode write(RunCheckpoint c) {
        ObjectNode o = JSON.objectNode();
        o.put("time", c.time().toString());
        o.set("program", program(c.program()));
        number(o, "heater_split", c.heaterSplit());
        o.put("heater_enabled", c.heaterEnabled());
        number(o, "heater_command_kw", c.heaterCommandKw());
        number(o, "throttle_pct", c.throttlePct());
        o.put("turbo_running", c.turboRunning());
        o.put("heartbeat", c.heartbeat());
        number(o, "last_comm_loss_s", c.lastCommLossS());
        o.set("interlocks", interlocks(c.interlocks()));
        o.put("vacuum_reached", c.vacuumReached());
        o.put("leak_check_passed", c.leakCheckPassed());
        o.set("alarms", alarms(c.alarms()));
        ObjectNode outputs = o.putObject("outputs");
        EnumMap<Signal, Double> sortedOutputs = new EnumMap<>(Signal.class);
        sortedOutputs.putAll(c.outputs());
        sortedOutputs.forEach((signal, value) -> number(outputs, signal.ioName(), value));
        return o;
    }

    private static ArrayNode alarms(AlarmStates states) {
        ArrayNode alarms = JSON.arrayNode();
        for (AlarmStates.Entry entry : states.alarms()) {
            ObjectNode a = alarms.addObject();
            a.put("alarm", entry.alarm().name());
            a.put("latched", entry.latched().name());
            if (entry.shelve() == null) {
                a.putNull("shelve");
            } else {
                a.putObject("shelve").put("mode", entry.shelve().mode().name())
                        .put("expires", entry.shelve().expires().toString());
            }
            a.put("out_of_service", entry.outOfService());
        }
        return alarms;
    }

    private static ObjectNode program(ProgramCheckpoint p) {
        ObjectNode o = JSON.objectNode();
        o.put("state", p.state().name());
        o.put("hold_reason", p.holdReason().name());
        o.put("heater_mode", p.heaterMode().name());
        o.put("vacuum_mode", p.vacuumMode().name());
        o.put("step_index", p.stepIndex());
        number(o, "step_timer_s", p.stepTimerS());
        number(o, "condition_met_s", p.conditionMetS());
        o.set("working", setpoints(p.working()));
        if (p.ramp() == null) {
            o.putNull("ramp");
        } else {
            ObjectNode ramp = o.putObject("ramp");
            ramp.set("start", setpoints(p.ramp().start()));
            ramp.set("target", setpoints(p.ramp().target()));
            number(ramp, "duration_s", p.ramp().durationS());
        }
        number(o, "last_leak_rate_mbar_l_per_s", p.lastLeakRateMbarLPerS());
        return o;
    }

    private static ObjectNode setpoints(Setpoints s) {
        ObjectNode o = JSON.objectNode();
        number(o, "seed_c", s.seedC());
        number(o, "source_c", s.sourceC());
        number(o, "power_kw", s.powerKw());
        number(o, "pressure_mbar", s.pressureMbar());
        number(o, "argon_sccm", s.argonSccm());
        number(o, "nitrogen_sccm", s.nitrogenSccm());
        return o;
    }

    private static ObjectNode interlocks(InterlockCheckpoint i) {
        ObjectNode o = JSON.objectNode();
        EnumSet<InterlockId> active = EnumSet.noneOf(InterlockId.class);
        active.addAll(i.active());
        active.forEach(id -> o.withArray("active").add(id.label()));
        if (active.isEmpty()) {
            o.putArray("active");
        }
        if (i.firstOut() == null) {
            o.putNull("first_out");
        } else {
            o.put("first_out", i.firstOut().label());
        }
        ObjectNode bypasses = o.putObject("bypass_s_left");
        sorted(i.bypassSecondsLeft()).forEach((id, s) -> number(bypasses, id.label(), s));
        ObjectNode held = o.putObject("cause_held_s");
        sorted(i.causeHeldS()).forEach((id, s) -> number(held, id.label(), s));
        number(o, "soft_ceiling_kw", i.softCeilingKw());
        return o;
    }

    private static Map<InterlockId, Double> sorted(Map<InterlockId, Double> map) {
        EnumMap<InterlockId, Double> sorted = new EnumMap<>(InterlockId.class);
        sorted.putAll(map);
        return sorted;
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.put(key, Double.toString(value));
        }
    }

    // ---- reading ----

    static RunCheckpoint read(JsonNode o) {
        Fields f = new Fields(o, "");
        Fields i = f.child("interlocks");
        return new RunCheckpoint(f.instant("time"), program(f.child("program")), f.number("heater_split"),
                f.flag("heater_enabled"), f.number("heater_command_kw"), f.number("throttle_pct"),
                f.flag("turbo_running"), f.integer("heartbeat"), f.number("last_comm_loss_s"), interlocks(i),
                f.flag("vacuum_reached"), f.flag("leak_check_passed"), alarms(f.field("alarms")),
                outputs(f.child("outputs")));
    }

    private static Map<Signal, Double> outputs(Fields o) {
        EnumMap<Signal, Double> outputs = new EnumMap<>(Signal.class);
        for (Iterator<String> it = o.node().fieldNames(); it.hasNext(); ) {
            String name = it.next();
            Signal signal;
            try {
                signal = Signal.byIoName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field outputs." + name + " is no signal of the I/O list", e);
            }
            if (signal.isInput()) {
                throw new IllegalArgumentException("field outputs." + name + " is an input, not an output");
            }
            outputs.put(signal, o.number(name));
        }
        return outputs;
    }

    private static ProgramCheckpoint program(Fields p) {
        ProgramCheckpoint.Ramp ramp = null;
        if (!p.field("ramp").isNull()) {
            Fields r = p.child("ramp");
            ramp = new ProgramCheckpoint.Ramp(setpoints(r.child("start")), setpoints(r.child("target")),
                    r.number("duration_s"));
        }
        return new ProgramCheckpoint(p.enumeration("state", RunState.class),
                p.enumeration("hold_reason", HoldReason.class), p.enumeration("heater_mode", HeaterMode.class),
                p.enumeration("vacuum_mode", VacuumMode.class), p.integer("step_index"), p.number("step_timer_s"),
                p.number("condition_met_s"), setpoints(p.child("working")), ramp,
                p.number("last_leak_rate_mbar_l_per_s"));
    }

    private static Setpoints setpoints(Fields s) {
        return new Setpoints(s.number("seed_c"), s.number("source_c"), s.number("power_kw"), s.number("pressure_mbar"),
                s.number("argon_sccm"), s.number("nitrogen_sccm"));
    }

    private static InterlockCheckpoint interlocks(Fields i) {
        EnumSet<InterlockId> active = EnumSet.noneOf(InterlockId.class);
        for (JsonNode row : i.field("active")) {
            active.add(i.row(row.asText()));
        }
        JsonNode first = i.field("first_out");
        return new InterlockCheckpoint(active, first.isNull() ? null : i.row(first.asText()),
                rows(i.child("bypass_s_left")), rows(i.child("cause_held_s")), i.number("soft_ceiling_kw"));
    }

    private static Map<InterlockId, Double> rows(Fields m) {
        EnumMap<InterlockId, Double> map = new EnumMap<>(InterlockId.class);
        for (Iterator<String> it = m.node().fieldNames(); it.hasNext(); ) {
            String label = it.next();
            map.put(m.row(label), m.number(label));
        }
        return map;
    }

    private static AlarmStates alarms(JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("field alarms is not a list: " + list);
        }
        List<AlarmStates.Entry> entries = new ArrayList<>();
        for (int n = 0; n < list.size(); n++) {
            Fields a = new Fields(list.get(n), "alarms[" + n + "].");
            AlarmStates.Shelve shelve = null;
            if (!a.field("shelve").isNull()) {
                Fields s = a.child("shelve");
                shelve = new AlarmStates.Shelve(s.enumeration("mode", ShelveMode.class), s.instant("expires"));
            }
            try {
                entries.add(new AlarmStates.Entry(AlarmId.of(a.text("alarm")),
                        a.enumeration("latched", AlarmState.class), shelve, a.flag("out_of_service")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field alarms[" + n + "]: " + e.getMessage(), e);
            }
        }
        return new AlarmStates(entries);
    }

    /** Typed, strict access to one object of the body; errors name the field. */
    private record Fields(JsonNode node, String path) {
        Fields {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException((path.isEmpty() ? "the body" : path) + " is not an object");
            }
        }

        JsonNode field(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                throw new IllegalArgumentException("field " + path + key + " is missing");
            }
            return value;
        }

        Fields child(String key) {
            return new Fields(field(key), path + key + ".");
        }

        double number(String key) {
            JsonNode value = field(key);
            if (value.isNumber()) {
                return value.asDouble();
            }
            return switch (value.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("field " + path + key + " is no number: " + value);
            };
        }

        String text(String key) {
            JsonNode value = field(key);
            if (!value.isTextual()) {
                throw new IllegalArgumentException("field " + path + key + " is no text: " + value);
            }
            return value.asText();
        }

        int integer(String key) {
            JsonNode value = field(key);
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                throw new IllegalArgumentException("field " + path + key + " is no whole number: " + value);
            }
            return value.asInt();
        }

        boolean flag(String key) {
            JsonNode value = field(key);
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("field " + path + key + " is not true or false: " + value);
            }
            return value.asBoolean();
        }

        Instant instant(String key) {
            try {
                return Instant.parse(field(key).asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("field " + path + key + " is no time: " + field(key), e);
            }
        }

        <E extends Enum<E>> E enumeration(String key, Class<E> type) {
            return constant(key, field(key).asText(), type);
        }

        <E extends Enum<E>> E constant(String key, String name, Class<E> type) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + path + key + ": '" + name + "' is no "
                        + type.getSimpleName(), e);
            }
        }

        InterlockId row(String label) {
            try {
                return InterlockId.of(label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
