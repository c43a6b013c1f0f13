package com.sicfurnace.simulator.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Faults injected at given furnace times, read from a YAML file:
 * <pre>
 * - at_s: 3600
 *   fault: pyrometer-drift
 *   target: top
 *   k_per_h: 2.0
 * - at_s: 7200
 *   fault: opcua
 *   action: restart
 * </pre>
 * On load every entry must have a time, a known fault name and valid parameters, and the times must not go back:
 * a bad entry is refused with the file, its number, the field and what is wrong, so that a script never fails
 * half-way through a run. An entry out of time order is refused rather than sorted: it is most likely a typo
 * ({@code 360} for {@code 3600}), and sorting would fire it at the wrong moment without a word.
 */
public final class FaultScript {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One scheduled fault. */
    public record Entry(double atS, FaultCommand command) {
    }

    private final List<Entry> entries;
    private int next;

    FaultScript(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FaultScript load(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": a fault script is a list of entries with at_s and fault");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            Entry entry = entry(file, i + 1, root.get(i));
            if (!entries.isEmpty() && entry.atS() < entries.get(i - 1).atS()) {
                throw new IllegalArgumentException(file + ": entry " + (i + 1) + ": at_s: " + entry.atS()
                        + " s comes before entry " + i + "'s " + entries.get(i - 1).atS()
                        + " s; list the entries in furnace-time order");
            }
            entries.add(entry);
        }
        return new FaultScript(entries);
    }

    private static Entry entry(Path file, int number, JsonNode node) {
        String where = file + ": entry " + number + ": ";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + "an entry is a mapping with at_s, fault and its parameters");
        }
        if (!node.path("at_s").isNumber()) {
            throw new IllegalArgumentException(where + "at_s: needs a number of furnace seconds from the start");
        }
        double atS = node.get("at_s").asDouble();
        if (!(atS >= 0) || Double.isInfinite(atS)) {
            throw new IllegalArgumentException(where + "at_s: must be a time from the start, 0 or more, not " + atS);
        }
        if (!node.path("fault").isTextual()) {
            throw new IllegalArgumentException(where + "fault: needs the fault's name, one of "
                    + new TreeSet<>(FaultInjector.NAMES));
        }
        if (!FaultInjector.NAMES.contains(node.get("fault").asText())) {
            throw new IllegalArgumentException(where + "fault: unknown fault '" + node.get("fault").asText()
                    + "'; known: " + new TreeSet<>(FaultInjector.NAMES));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("at_s") && !field.getKey().equals("fault")) {
                parameters.put(field.getKey(), YAML.convertValue(field.getValue(), Object.class));
            }
        }
        FaultCommand command = new FaultCommand(node.get("fault").asText(), parameters);
        try {
            FaultInjector.check(command);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        return new Entry(atS, command);
    }

    /** The entries due at furnace time {@code timeS} that have not fired yet, in order. */
    public List<FaultCommand> due(double timeS) {
        List<FaultCommand> due = new ArrayList<>();
        while (next < entries.size() && entries.get(next).atS() <= timeS) {
            due.add(entries.get(next++).command());
        }
        return due;
    }

    public List<Entry> entries() {
        return entries;
    }
}
