package com.sicfurnace.controller.telemetry.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.telemetry.Delivery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link InfluxSink} against a real database that takes InfluxDB v2 writes (QuestDB, embedded on loopback): a
 * known series goes in through the sink and comes back out over SQL, every point and every value exact.
 */
class InfluxSinkQuestDbTest {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
    private static final String[] TABLES = {"furnace_scan", "vacuum", "alarm"};

    @TempDir
    static Path dir;
    private static EmbeddedQuestDb db;

    /** One point as it must read back: its table, nanosecond timestamp and column values. */
    private record Row(String table, long epochNanos, Map<String, Object> values) {
    }

    /** The lines the controller would write, and what each must become (same order). */
    private static final List<String> LINES = List.of(
            "furnace_scan,furnace=f1,zone=seed seed_temp_c=2301.4567890123,heater_power_w=41250i,"
                    + "interlock_ok=true,step=\"growth soak\" 1764000000000000001",
            "furnace_scan,furnace=f1,zone=seed seed_temp_c=0.1,heater_power_w=-1i,interlock_ok=false,"
                    + "step=\"ramp\" 1764000000100000002",
            "furnace_scan,furnace=f2,zone=seed\\ top\\,inner seed_temp_c=-273.15,heater_power_w=9007199254740993i,"
                    + "interlock_ok=true,step=\"cool-down\" 1764000000200000003",
            "vacuum,furnace=f1 chamber_pressure_mbar=1.5E-5,pump_running=true,valve=\"open\",cycles=0i "
                    + "1764000000000000011",
            "vacuum,furnace=f1 chamber_pressure_mbar=6.02214076E23,pump_running=false,valve=\"closed\","
                    + "cycles=9223372036854775807i 1764000000000000999",
            "vacuum,furnace=f1 chamber_pressure_mbar=2.2250738585072014E-308,pump_running=true,valve=\"throttled\","
                    + "cycles=12i 1764000001000000000",
            "alarm,furnace=f1,severity=high code=1042i,active=true,text=\"door \\\"B\\\" open, check \\\\ seal\" "
                    + "1764000000000000007",
            "alarm,furnace=f1,severity=low code=7i,active=false,text=\"\" 1764000000500000008");

    private static final List<Row> EXPECTED = List.of(
            row("furnace_scan", 1764000000000000001L, "furnace", "f1", "zone", "seed", "seed_temp_c",
                    2301.4567890123, "heater_power_w", 41250L, "interlock_ok", true, "step", "growth soak"),
            row("furnace_scan", 1764000000100000002L, "furnace", "f1", "zone", "seed", "seed_temp_c", 0.1,
                    "heater_power_w", -1L, "interlock_ok", false, "step", "ramp"),
            row("furnace_scan", 1764000000200000003L, "furnace", "f2", "zone", "seed top,inner", "seed_temp_c",
                    -273.15, "heater_power_w", 9007199254740993L, "interlock_ok", true, "step", "cool-down"),
            row("vacuum", 1764000000000000011L, "furnace", "f1", "chamber_pressure_mbar", 1.5E-5, "pump_running",
                    true, "valve", "open", "cycles", 0L),
            row("vacuum", 1764000000000000999L, "furnace", "f1", "chamber_pressure_mbar", 6.02214076E23,
                    "pump_running", false, "valve", "closed", "cycles", Long.MAX_VALUE),
            row("vacuum", 1764000001000000000L, "furnace", "f1", "chamber_pressure_mbar", 2.2250738585072014E-308,
                    "pump_running", true, "valve", "throttled", "cycles", 12L),
            row("alarm", 1764000000000000007L, "furnace", "f1", "severity", "high", "code", 1042L, "active", true,
                    "text", "door \"B\" open, check \\ seal"),
            row("alarm", 1764000000500000008L, "furnace", "f1", "severity", "low", "code", 7L, "active", false,
                    "text", ""));

    @BeforeAll
    static void start() throws IOException {
        db = EmbeddedQuestDb.start(dir);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Row row(String table, long epochNanos, Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return new Row(table, epochNanos, values);
    }

    private static InfluxSink sink(boolean gzip) {
        return new InfluxSink(InfluxSettings.of(db.url(), "", "sic-lab", "telemetry").withGzip(gzip));
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {true, false})
    void everyPointReadsBackWithExactValues(boolean gzip) throws IOException, InterruptedException {
        String suffix = gzip ? "_gz" : "_plain";
        for (String table : TABLES) {
            db.createNanosecondTable(table + suffix);
        }
        List<String> lines = LINES.stream().map(l -> l.replaceFirst("^(\\w+)", "$1" + suffix)).toList();

        try (InfluxSink sink = sink(gzip)) {
            assertEquals(new Delivery.Accepted(), sink.write(lines));
        }

        for (String table : TABLES) {
            List<Row> expected = EXPECTED.stream().filter(r -> r.table().equals(table)).toList();
            assertEquals(expected.size(), db.awaitRows(table + suffix, expected.size(), VISIBLE_WITHIN), table);
            List<Map<String, JsonNode>> actual = rows(table + suffix);
            for (int i = 0; i < expected.size(); i++) {
                assertRow(expected.get(i), actual.get(i));
            }
        }
    }

    @Test
    void aFieldTypeConflictIsRejectedWithQuestDbsMessage() throws IOException, InterruptedException {
        db.createNanosecondTable("conflict");
        try (InfluxSink sink = sink(true)) {
            assertEquals(new Delivery.Accepted(),
                    sink.write(List.of("conflict seed_temp_c=2300.5 1764000000000000001")));

            Delivery d = sink.write(List.of("conflict seed_temp_c=\"hot\" 1764000000000000002"));

            Delivery.Rejected rejected = assertInstanceOf(Delivery.Rejected.class, d);
            assertEquals(400, rejected.status());
            assertTrue(rejected.serverMessage().contains("column: seed_temp_c; cast error from protocol type: "
                    + "STRING to column type: DOUBLE"), rejected.serverMessage());
            // a later point, once visible, shows that the rejected one had been dealt with before it
            assertEquals(new Delivery.Accepted(),
                    sink.write(List.of("conflict seed_temp_c=2301.5 1764000000000000003")));
        }
        assertEquals(2, db.awaitRows("conflict", 2, VISIBLE_WITHIN));
        assertEquals(List.of(2300.5, 2301.5), rows("conflict").stream()
                .map(row -> row.get("seed_temp_c").asDouble()).toList(), "the rejected point is not among them");
    }

    /** The table's rows in timestamp order, each as column name to value. */
    private static List<Map<String, JsonNode>> rows(String table) throws IOException, InterruptedException {
        JsonNode answer = db.sql("select * from '" + table + "' order by timestamp");
        List<String> columns = new ArrayList<>();
        answer.path("columns").forEach(c -> columns.add(c.path("name").asText()));
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode data : answer.path("dataset")) {
            Map<String, JsonNode> row = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), data.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void assertRow(Row expected, Map<String, JsonNode> actual) {
        Instant at = Instant.parse(actual.get("timestamp").asText());
        assertEquals(expected.epochNanos(), ChronoUnit.NANOS.between(Instant.EPOCH, at), "timestamp of " + expected);
        assertEquals(expected.values().size() + 1, actual.size(), "columns of " + expected.table());
        expected.values().forEach((column, value) -> {
            JsonNode node = actual.get(column);
            String where = expected.table() + "." + column + " at " + expected.epochNanos();
            if (value instanceof Double d) {
                assertTrue(node.isDouble(), where + " is a double: " + node);
                assertEquals(d, node.doubleValue(), where);
            } else if (value instanceof Long l) {
                assertTrue(node.isIntegralNumber(), where + " is an integer: " + node);
                assertEquals(l, node.longValue(), where);
            } else if (value instanceof Boolean b) {
                assertEquals(b, node.booleanValue(), where + ": " + node);
            } else {
                assertEquals(value, node.textValue(), where);
            }
        });
    }
}
