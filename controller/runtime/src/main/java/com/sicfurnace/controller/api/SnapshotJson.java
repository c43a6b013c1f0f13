package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.alarm.AlarmBoard;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.Permissive;
import com.sicfurnace.controller.safety.SafetyStatus;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot as the API shows it: every catalogue value by name (numbers as JSON numbers, null where there is none,
 * switches as true/false, words as strings), the quality of every measured value, the alarms that are not normal with
 * their priority, the interlock matrix, and the loops' tuning ({@link TuningJson}). A delta holds only what changed
 * since an earlier one.
 */
final class SnapshotJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final List<CatalogueItem> items;

    SnapshotJson(Catalogue catalogue) {
        this.items = catalogue.items();
    }

    ObjectNode full(ScanSnapshot s) {
        ObjectNode o = JSON.objectNode();
        o.put("scan", s.scan());
        o.put("time", s.time().toString());
        o.put("last_event_seq", s.lastEventSeq());
        ObjectNode values = o.putObject("values");
        ObjectNode quality = o.putObject("quality");
        for (CatalogueItem item : items) {
            values.set(item.name(), value(item, s));
            if (item.measured()) {
                quality.put(item.name(), label(item.quality(s)));
            }
        }
        o.set("alarms", alarms(s.alarmBoard()));
        o.set("safety", safety(s.safety()));
        o.set("tuning", TuningJson.of(s, false));
        return o;
    }

    /**
     * What of {@code now} differs from {@code before} (both {@link #full} objects): the scan, time and event position
     * always, the values and qualities that changed, and the alarms and interlocks whole where they changed.
     */
    static ObjectNode delta(ObjectNode before, ObjectNode now) {
        ObjectNode d = JSON.objectNode();
        d.set("scan", now.get("scan"));
        d.set("time", now.get("time"));
        d.set("last_event_seq", now.get("last_event_seq"));
        d.set("values", changed(before.get("values"), now.get("values")));
        d.set("quality", changed(before.get("quality"), now.get("quality")));
        for (String whole : new String[] {"alarms", "safety", "tuning"}) {
            if (!now.get(whole).equals(before.get(whole))) {
                d.set(whole, now.get(whole));
            }
        }
        return d;
    }

    private static ObjectNode changed(JsonNode before, JsonNode now) {
        ObjectNode changed = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(before.get(field.getKey()))) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        return changed;
    }

    static JsonNode value(CatalogueItem item, ScanSnapshot s) {
        if (item.type() == CatalogueItem.Type.TEXT) {
            return JSON.textNode(item.text(s));
        }
        double v = item.number(s);
        if (Double.isNaN(v)) {
            return JSON.nullNode();
        }
        return switch (item.type()) {
            case BOOLEAN -> JSON.booleanNode(v != 0.0);
            case INTEGER -> JSON.numberNode((long) v);
            default -> JSON.numberNode(v);
        };
    }

    static ObjectNode alarms(AlarmBoard board) {
        ObjectNode o = JSON.objectNode();
        o.put("flood", board.flood());
        if (board.firstOut() == null) {
            o.putNull("first_out");
        } else {
            o.put("first_out", board.firstOut().name());
        }
        ObjectNode list = o.putObject("not_normal");
        for (Map.Entry<AlarmId, AlarmState> e : new TreeMap<>(board.notNormal()).entrySet()) {
            ObjectNode alarm = list.putObject(e.getKey().name());
            alarm.put("state", e.getValue().label());
            alarm.put("priority", String.valueOf(board.priorities().get(e.getKey())).toLowerCase(Locale.ROOT));
            alarm.put("active", board.active().contains(e.getKey()));
            alarm.put("chattering", board.chattering().contains(e.getKey()));
        }
        return o;
    }

    static ObjectNode safety(SafetyStatus safety) {
        ObjectNode o = JSON.objectNode();
        safety.active().stream().map(InterlockId::label).sorted().forEach(o.putArray("active")::add);
        if (safety.firstOut() == null) {
            o.putNull("first_out");
        } else {
            o.put("first_out", safety.firstOut().label());
        }
        ObjectNode bypasses = o.putObject("bypass_s_left");
        new TreeMap<>(safety.bypassSecondsLeft()).forEach((row, s) -> bypasses.put(row.label(), s));
        safety.missingPermissives().stream().map(Permissive::label).sorted()
                .forEach(o.putArray("missing_permissives")::add);
        return o;
    }

    private static String label(Quality quality) {
        return quality.name().toLowerCase(Locale.ROOT);
    }
}
