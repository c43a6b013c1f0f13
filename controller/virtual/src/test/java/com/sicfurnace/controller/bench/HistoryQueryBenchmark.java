package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.api.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * A trend of a whole 6-inch run from the controller's history, over HTTP as the HMI asks for it: the reference recipe
 * runs to its end in virtual time (about 141 furnace hours) with the northbound API listening on its scan feed, then
 * the history of 8 pens (seed and source temperature with their setpoints, pressure and power with theirs) is asked
 * for over the whole run (served from the minutes) and over the last 24 hours (from the seconds), 1600 buckets wide,
 * many times each: the time from request to whole answer, median and p99, and the answer's size.
 * Usage: HistoryQueryBenchmark [QUERIES]   (default 50); run from {@code controller/virtual}.
 */
public final class HistoryQueryBenchmark {
    private static final String PENS = "pyro_top_c,seed_sp_c,pyro_bottom_c,source_sp_c,cdg_pressure_mbar,"
            + "pressure_sp_mbar,ps1_power_kw,power_sp_kw";

    private HistoryQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = Files.createTempDirectory("history-benchmark");
        GrowingFurnace rig = new GrowingFurnace();
        try (ApiServer api = rig.startApi(dir)) {
            Instant start = rig.feed.latest().map(s -> s.time()).orElse(Instant.parse("2026-01-05T06:00:00Z"));
            long wall = System.nanoTime();
            while (!rig.finished()) {
                rig.iterate();
            }
            Instant end = rig.feed.latest().orElseThrow().time();
            System.out.printf(Locale.ROOT, "run of %.1f furnace hours in %.1f s with the API's history recording%n",
                    Duration.between(start, end).toSeconds() / 3600.0, (System.nanoTime() - wall) / 1e9);
            Thread.sleep(2000); // the history's thread takes in the last seconds
            String token = Files.readString(dir.resolve("api").resolve("token")).strip();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api.port() + "/api/v1/history?values=" + PENS + "&width=1600";
            measure(http, token, base + "&from=" + start + "&to=" + end, "whole run, 8 pens, minutes", queries);
            measure(http, token, base + "&from=" + end.minus(Duration.ofHours(24)) + "&to=" + end,
                    "last 24 h, 8 pens, seconds", queries);
            HttpResponse<String> controller = get(http, token, "http://127.0.0.1:" + api.port() + "/api/v1/controller");
            System.out.println("controller: " + controller.body());
        }
    }

    private static void measure(HttpClient http, String token, String url, String what, int queries)
            throws Exception {
        Histogram micros = new Histogram(3);
        int bytes = 0;
        for (int i = 0; i < queries + 5; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = get(http, token, url);
            long us = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
            }
            bytes = response.body().length();
            if (i >= 5) { // the first few warm the JIT up
                micros.recordValue(us);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d queries, median %.1f ms, p99 %.1f ms, max %.1f ms, %d kB%n", what,
                queries, micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0, bytes / 1024);
    }

    private static HttpResponse<String> get(HttpClient http, String token, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
