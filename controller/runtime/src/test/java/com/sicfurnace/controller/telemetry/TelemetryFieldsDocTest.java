package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.iolist.IoList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The measurement table of docs/telemetry.md against the fields the controller writes for both furnaces. A row
 * names fields in backticks, either whole ({@code `pyro_top_c`}) or as prefixes ({@code `ps1_`/`ps2_`}) followed
 * by the endings they share; {@code _quality} fields are covered by the rule stated above the table.
 */
class TelemetryFieldsDocTest {
    private static final Path DOC = Path.of("..", "..", "docs", "telemetry.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` +\\|(.*)\\|\\s*$");
    /** The rows of the tag table, which has the same shape. */
    private static final Set<String> TAGS = Set.of("furnace", "run_id", "recipe");
    private static final Pattern NAME = Pattern.compile("`([a-z0-9_]+)`");

    private final Map<String, Set<String>> written = fieldsByMeasurement();
    private final Map<String, List<String>> documented = documentedNames();

    private static Map<String, Set<String>> fieldsByMeasurement() {
        Map<String, Set<String>> fields = new TreeMap<>();
        Stream.of("6inch", "8inch").map(IoList.fromClasspath()::forFurnace).map(Catalogue::of).map(TelemetryFields::standard)
                .flatMap(List::stream).filter(f -> !f.name().endsWith("_quality"))
                .forEach(f -> fields.computeIfAbsent(f.measurement(), m -> new TreeSet<>()).add(f.name()));
        return fields;
    }

    private static Map<String, List<String>> documentedNames() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(DOC)) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    List<String> names = new ArrayList<>();
                    Matcher name = NAME.matcher(row.group(2));
                    while (name.find()) {
                        names.add(name.group(1));
                    }
                    rows.put(row.group(1), names);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOC.toAbsolutePath(), e);
        }
        return rows;
    }

    @Test
    void everyMeasurementHasARowAndEveryRowIsAMeasurement() {
        Set<String> measurementRows = new TreeSet<>(documented.keySet());
        measurementRows.removeAll(TAGS);
        assertEquals(written.keySet(), measurementRows, "measurements in " + DOC);
    }

    @Test
    void everyFieldIsDocumentedInItsMeasurementsRow() {
        written.forEach((measurement, fields) -> {
            List<String> names = documented.getOrDefault(measurement, List.of());
            for (String field : fields) {
                assertTrue(names.contains(field) || prefixes(names).stream()
                                .anyMatch(p -> field.startsWith(p) && names.contains(field.substring(p.length()))),
                        "field '" + field + "' of measurement '" + measurement + "' is missing from " + DOC);
            }
        });
    }

    @Test
    void everyDocumentedNameIsAFieldOfItsMeasurement() {
        written.forEach((measurement, fields) -> {
            List<String> names = documented.getOrDefault(measurement, List.of());
            for (String name : names) {
                if (!name.endsWith("_")) {
                    assertTrue(fields.contains(name) || prefixes(names).stream()
                                    .anyMatch(p -> fields.contains(p + name)),
                            "'" + name + "' in the row '" + measurement + "' of " + DOC + " is not a field of it");
                }
            }
        });
    }

    private static List<String> prefixes(List<String> names) {
        return names.stream().filter(n -> n.endsWith("_")).toList();
    }
}
