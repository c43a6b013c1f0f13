package com.sicfurnace.controller.telemetry;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns scans into InfluxDB line protocol: per measurement one point with the fields that are due this scan under
 * the decimation, tagged with furnace, run and recipe, timestamped with the scan's time in nanoseconds. Keeps the
 * decimation state, so one instance serves one run, on the scan's thread; the formatting of what it selected may
 * happen on another.
 */
public final class ScanPoints {
    /** Changes only when an operator loads another recipe before the start (on the scan thread, as every scan). */
    private RunTags tags;
    private final Map<String, List<Integer>> byMeasurement = new LinkedHashMap<>();
    private final List<TelemetryField> fields;
    private final long[] periodNanos;
    private final long stateRefreshNanos;
    private final long[] lastWrittenNanos;
    private final Object[] lastValues;

    public ScanPoints(List<TelemetryField> fields, Decimation decimation, RunTags tags) {
        this.fields = List.copyOf(fields);
        this.tags = tags;
        this.periodNanos = new long[fields.size()];
        this.lastWrittenNanos = new long[fields.size()];
        this.lastValues = new Object[fields.size()];
        this.stateRefreshNanos = Math.round(decimation.stateRefreshS() * 1e9);
        for (int i = 0; i < fields.size(); i++) {
            TelemetryField field = fields.get(i);
            periodNanos[i] = Math.round(decimation.periodOf(field.name()) * 1e9);
            lastWrittenNanos[i] = Long.MIN_VALUE;
            byMeasurement.computeIfAbsent(field.measurement(), m -> new ArrayList<>()).add(i);
        }
    }

    /** The points of the scans from now on carry the recipe loaded before the start. */
    public void recipe(String name) {
        tags = tags.withRecipe(name);
    }

    /** The lines this scan adds, at most one per measurement; empty when nothing is due. */
    public List<String> lines(ScanSnapshot scan) {
        return select(scan).lines();
    }

    /**
     * The values due this scan, stamped with the scan's time, chosen now (the decimation follows the scans in order)
     * and formatted into lines only when {@link ScanLines#lines()} is called: on the telemetry writer's thread, not
     * the scan's.
     */
    public ScanLines select(ScanSnapshot scan) {
        Instant time = scan.time();
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        List<DueMeasurement> due = new ArrayList<>(byMeasurement.size());
        for (Map.Entry<String, List<Integer>> measurement : byMeasurement.entrySet()) {
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i : measurement.getValue()) {
                Object value = fields.get(i).value().apply(scan);
                if (value == null || value instanceof Double d && !Double.isFinite(d) || !due(i, value, nanos)) {
                    continue;
                }
                names.add(fields.get(i).name());
                values.add(value);
                lastWrittenNanos[i] = nanos;
                lastValues[i] = value;
            }
            if (!names.isEmpty()) {
                due.add(new DueMeasurement(measurement.getKey(), names, values));
            }
        }
        return new DueLines(tags, nanos, due);
    }

    private boolean due(int i, Object value, long nanos) {
        if (lastWrittenNanos[i] == Long.MIN_VALUE) {
            return true;
        }
        if (fields.get(i).state()) {
            return !Objects.equals(value, lastValues[i]) || newSlot(lastWrittenNanos[i], nanos, stateRefreshNanos);
        }
        return periodNanos[i] == 0 || newSlot(lastWrittenNanos[i], nanos, periodNanos[i]);
    }

    /**
     * Whether {@code nanos} lies in a later slot of the period's grid than {@code last}: one point per period on
     * average whatever the spacing and jitter of the scans (a "period since the last point" rule would drift to
     * one point per period plus a scan).
     */
    private static boolean newSlot(long last, long nanos, long period) {
        return Math.floorDiv(nanos, period) != Math.floorDiv(last, period);
    }

    /** The fields of one measurement due in one scan, names and values in the same order. */
    private record DueMeasurement(String measurement, List<String> names, List<Object> values) {
    }

    /** One scan's due values; formatting them reads nothing but these (immutable) values and the run's tags. */
    private record DueLines(RunTags tags, long nanos, List<DueMeasurement> measurements) implements ScanLines {
        @Override
        public int count() {
            return measurements.size();
        }

        @Override
        public List<String> lines() {
            List<String> lines = new ArrayList<>(measurements.size());
            for (DueMeasurement due : measurements) {
                Point point = Point.measurement(due.measurement()).addTag("furnace", tags.furnace())
                        .addTag("run_id", tags.runId()).addTag("recipe", tags.recipe())
                        .time(nanos, WritePrecision.NS);
                for (int i = 0; i < due.names().size(); i++) {
                    addField(point, due.names().get(i), due.values().get(i));
                }
                lines.add(point.toLineProtocol());
            }
            return lines;
        }
    }

    private static void addField(Point point, String name, Object value) {
        if (value instanceof Boolean b) {
            point.addField(name, b);
        } else if (value instanceof Long l) {
            point.addField(name, l);
        } else if (value instanceof Number n) {
            point.addField(name, n.doubleValue());
        } else {
            point.addField(name, value.toString());
        }
    }
}
