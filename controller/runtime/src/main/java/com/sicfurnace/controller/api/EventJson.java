package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.tuning.TuningEvent;
import java.util.Locale;
import java.util.Map;

/** The core's events as the API shows them: each with its sequence number, furnace time and kind. */
final class EventJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventJson() {
    }

    static ObjectNode of(FurnaceEvent event) {
        ObjectNode o = JSON.objectNode();
        o.put("seq", event.seq());
        o.put("time", event.time().toString());
        if (event instanceof ProgramEvent e) {
            o.put("kind", "program");
            o.put("event", lower(e.type()));
            o.put("step", e.step());
            o.put("step_name", e.stepName());
            o.put("detail", e.detail());
        } else if (event instanceof AlarmEvent e) {
            o.put("kind", "alarm");
            o.put("alarm", e.alarm().name());
            o.put("priority", lower(e.priority()));
            o.put("previous", e.previous().label());
            o.put("state", e.state().label());
            o.put("text", e.text());
            o.put("detail", e.detail());
            o.put("chattering", e.chattering());
            o.put("first_out", e.firstOut());
        } else if (event instanceof InterlockEvent e) {
            o.put("kind", "interlock");
            o.put("row", e.interlock().label());
            o.put("change", lower(e.change()));
            o.put("first_out", e.firstOut());
            o.put("detail", e.detail());
        } else if (event instanceof CommandEvent e) {
            command(o, e);
        } else if (event instanceof TuningEvent e) {
            o.put("kind", "tuning");
            o.put("event", e.type().label());
            o.put("loop", e.loop().label());
            o.put("detail", e.detail());
        } else {
            throw new IllegalArgumentException("no JSON form for " + event.getClass().getSimpleName());
        }
        return o;
    }

    static void command(ObjectNode o, CommandEvent e) {
        o.put("kind", "command");
        o.put("action", e.command().action());
        o.put("user", e.actor().user());
        o.put("role", e.actor().role().label());
        o.put("reason", e.reason());
        o.put("accepted", e.accepted());
        o.put("detail", e.detail());
        map(o.putObject("before"), e.before());
        map(o.putObject("after"), e.after());
        o.put("request_id", e.requestId());
    }

    private static void map(ObjectNode o, Map<String, String> values) {
        values.forEach(o::put);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
