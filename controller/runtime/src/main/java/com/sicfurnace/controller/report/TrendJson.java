package com.sicfurnace.controller.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A run's trend as the run report reads it (the API's {@code /runs/{id}/trend}, and any other source of a report,
 * such as a dry run's): {@code rows}, {@code rows_per_bucket}, {@code columns}, and per bucket {@code time_h},
 * {@code step} and {@code state}, and per column {@code series.<column>.min}, {@code max} and {@code last} (null
 * where there is no value).
 */
public final class TrendJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendJson() {
    }

    /** The trend in at most {@code width} buckets. */
    public static ObjectNode of(TrendFile trend, int width) {
        return of(trend, width, trend.columns());
    }

    /**
     * The trend in at most {@code width} buckets, with only the columns asked for that it has; those it does not
     * have (a furnace's trend has the columns of its own values only) are listed in {@code absent}.
     */
    public static ObjectNode of(TrendFile trend, int width, List<String> asked) {
        List<String> only = asked.stream().filter(trend.columns()::contains).toList();
        TrendFile.Decimated d = trend.decimate(width);
        ObjectNode o = JSON.createObjectNode();
        o.put("rows", trend.rows());
        o.put("rows_per_bucket", d.rowsPerBucket());
        ArrayNode columns = o.putArray("columns");
        only.forEach(columns::add);
        ArrayNode absent = o.putArray("absent");
        asked.stream().filter(c -> !only.contains(c)).forEach(absent::add);
        numbers(o.putArray("time_h"), d.timeH());
        ArrayNode steps = o.putArray("step");
        ArrayNode states = o.putArray("state");
        for (int b = 0; b < d.timeH().length; b++) {
            steps.add(d.step()[b]);
            states.add(d.state()[b]);
        }
        ObjectNode series = o.putObject("series");
        for (int c = 0; c < trend.columns().size(); c++) {
            if (!only.contains(trend.columns().get(c))) {
                continue;
            }
            ObjectNode one = series.putObject(trend.columns().get(c));
            numbers(one.putArray("min"), d.min()[c]);
            numbers(one.putArray("max"), d.max()[c]);
            numbers(one.putArray("last"), d.last()[c]);
        }
        return o;
    }

    /** Every row, one per bucket. */
    public static ObjectNode of(TrendFile trend) {
        return of(trend, Math.max(1, trend.rows()));
    }

    private static void numbers(ArrayNode into, double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                into.addNull();
            } else {
                into.add(v);
            }
        }
    }
}
