package com.sicfurnace.controller.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a run's report: {@code summary.json} and the trend as {@code trend.csv}. */
public final class ReportFiles {
    public static final String SUMMARY = "summary.json";
    public static final String TREND = "trend.csv";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportFiles() {
    }

    public static void write(Path directory, RunSummary summary, List<String> columns, List<TrendRow> trend)
            throws IOException {
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve(SUMMARY).toFile(), summary);
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(TREND), StandardCharsets.UTF_8)) {
            out.write("time_h,step,state," + String.join(",", columns));
            out.newLine();
            for (TrendRow row : trend) {
                out.write(String.format(Locale.ROOT, "%.4f,%s,%s", row.timeH(), csv(row.step()), row.state()));
                for (double v : row.values()) {
                    out.write(',');
                    out.write(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
                }
                out.newLine();
            }
        }
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    public static RunSummary readSummary(Path directory) throws IOException {
        return JSON.readValue(directory.resolve(SUMMARY).toFile(), RunSummary.class);
    }
}
