package com.sicfurnace.controller.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code trend.csv} read back: the furnace time of each row (hours), its step and run state, and each column's
 * values (NaN where the file has none), for the run report; and the rows decimated to a width, per bucket of
 * consecutive rows the least, the greatest and the last value, as the live history is.
 */
public record TrendFile(List<String> columns, double[] timeH, String[] step, String[] state, double[][] values) {

    public int rows() {
        return timeH.length;
    }

    public static TrendFile read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("time_h,step,state")) {
                throw new IOException(file + ": not a run's trend (no header time_h,step,state,...)");
            }
            List<String> names = split(header);
            List<String> columns = names.subList(3, names.size());
            List<List<String>> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(split(line));
                }
            }
            return parse(file, columns, rows);
        }
    }

    private static TrendFile parse(Path file, List<String> columns, List<List<String>> rows) throws IOException {
        int n = rows.size();
        double[] time = new double[n];
        String[] step = new String[n];
        String[] state = new String[n];
        double[][] values = new double[columns.size()][n];
        for (int r = 0; r < n; r++) {
            List<String> row = rows.get(r);
            if (row.size() != columns.size() + 3) {
                throw new IOException(file + " line " + (r + 2) + ": " + row.size() + " fields, not "
                        + (columns.size() + 3));
            }
            try {
                time[r] = Double.parseDouble(row.get(0));
                step[r] = row.get(1);
                state[r] = row.get(2);
                for (int c = 0; c < columns.size(); c++) {
                    String v = row.get(c + 3);
                    values[c][r] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (r + 2) + ": " + e.getMessage(), e);
            }
        }
        return new TrendFile(List.copyOf(columns), time, step, state, values);
    }

    /** One CSV line, with the quoting {@link ReportFiles} writes (a field with a comma or quote, quotes doubled). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * The rows in at most {@code width} buckets of consecutive rows: each bucket's first time, step and state, and per
     * column its least, greatest and last value (NaN where it has none). A width at or above the rows keeps them.
     */
    public Decimated decimate(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width: 1 or more, not " + width);
        }
        int per = Math.max(1, (rows() + width - 1) / width);
        int buckets = (rows() + per - 1) / per;
        double[] t = new double[buckets];
        String[] steps = new String[buckets];
        String[] states = new String[buckets];
        double[][] min = new double[columns.size()][buckets];
        double[][] max = new double[columns.size()][buckets];
        double[][] last = new double[columns.size()][buckets];
        for (int b = 0; b < buckets; b++) {
            int from = b * per;
            int to = Math.min(rows(), from + per);
            t[b] = timeH[from];
            steps[b] = step[from];
            states[b] = state[from];
            for (int c = 0; c < columns.size(); c++) {
                bucket(values[c], from, to, b, min[c], max[c], last[c]);
            }
        }
        return new Decimated(per, t, steps, states, min, max, last);
    }

    private static void bucket(double[] v, int from, int to, int b, double[] min, double[] max, double[] last) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        double end = Double.NaN;
        for (int r = from; r < to; r++) {
            if (!Double.isNaN(v[r])) {
                lo = Double.isNaN(lo) ? v[r] : Math.min(lo, v[r]);
                hi = Double.isNaN(hi) ? v[r] : Math.max(hi, v[r]);
                end = v[r];
            }
        }
        min[b] = lo;
        max[b] = hi;
        last[b] = end;
    }

    /** The trend in buckets of {@code rowsPerBucket} rows: per column [column][bucket]. */
    public record Decimated(int rowsPerBucket, double[] timeH, String[] step, String[] state, double[][] min,
                            double[][] max, double[][] last) {
    }
}
