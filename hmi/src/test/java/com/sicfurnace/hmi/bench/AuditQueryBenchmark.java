package com.sicfurnace.hmi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditIndex;
import com.sicfurnace.controller.audit.AuditQuery;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.TestHmi;
import com.sicfurnace.hmi.plant.LivePlant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit viewer over trails of 100,000 records (issue 11): a filtered page, over HTTP as the screen asks for it.
 * A trail of {@code RECORDS} records (10 users, 8 actions, 1,000 a day over 100 days, so 100 files) is written into a
 * real controller's audit directory (its jar, with a simulator, at speed 1 and idle) before it starts, and another into
 * the HMI's own (in this JVM) before it starts. An engineer's session then asks {@code /api/v1/audit} for:
 * <ul>
 * <li>source f01 (HMI → controller → its index) and source hmi (the HMI's index): one user's holds, a page of 200 of
 * about 1,250, newest first; the same within a 10-day window; the fifth page of them by the cursor; the newest 200
 * unfiltered;</li>
 * <li>all sources merged (both trails), one user's holds.</li>
 * </ul>
 * Each query is timed from the request to the whole answer read, {@code SAMPLES} times after 20 not counted (the
 * first query of each source once, retried until it answers: each index is read and verified on a thread of its own
 * from the start of its server, so that query waits for what is left of that). Then, in
 * this JVM on a copy of the HMI's trail: the first query of a new index (reading and verifying every record), five
 * times; and a query after one record was appended (the index reads what was appended and checks the prefix of the
 * file written to).
 * Usage: AuditQueryBenchmark [SAMPLES [RECORDS]]   (default 200, 100000); run from {@code hmi/}, after
 * {@code ./mvnw -B -o -q package -DskipTests} (the controller's and simulator's jars).
 */
public final class AuditQueryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 20;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ACTIONS = List.of("hold", "resume", "start", "abort", "alarm_acknowledge",
            "alarm_shelve", "trip_reset", "recipe_load");

    private AuditQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path root = Files.createTempDirectory("audit-bench");
        long written = System.nanoTime();
        write(root.resolve("f01/audit"), records);
        write(root.resolve("hmi/data/audit"), records);
        System.out.printf(Locale.ROOT, "wrote two trails of %d records in %.1f s%n", records,
                (System.nanoTime() - written) / 1e9);
        try (LivePlant f01 = new LivePlant("f01", root.resolve("f01"), 1).startController();
             TestHmi hmi = TestHmi.start(root.resolve("hmi"), "data_dir: data\ncontrollers:\n  - {name: f01, url: '"
                     + f01.apiUrl() + "', token_file: '" + f01.tokenFile() + "'}\n")) {
            Browser erin = hmi.userWithRole("erin", "engineer");
            String window = "&from=" + T0.plus(Duration.ofDays(40)) + "&to=" + T0.plus(Duration.ofDays(50));
            firstAnswer(erin, "f01");
            firstAnswer(erin, "hmi");
            for (String source : List.of("f01", "hmi")) {
                String holds = "/api/v1/audit?source=" + source + "&user=user3&action=hold&limit=200";
                time(erin, source + ": user3's holds, newest 200", holds, samples, WARM_UP);
                time(erin, source + ": user3's holds in 10 days", holds + window, samples, WARM_UP);
                time(erin, source + ": user3's holds, 5th page", holds + "&before=" + source + ":"
                        + fifthPage(erin, holds, source), samples, WARM_UP);
                time(erin, source + ": newest 200, unfiltered", "/api/v1/audit?source=" + source + "&limit=200",
                        samples, WARM_UP);
            }
            time(erin, "all: user3's holds, newest 200, merged", "/api/v1/audit?user=user3&action=hold&limit=200",
                    samples, WARM_UP);
        }
        inProcess(root.resolve("hmi/data/audit"), root.resolve("copy"));
    }

    /** 1,000 records a day, users and actions in turn, each with before and after values as commands have. */
    private static void write(Path dir, int records) throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, Clock.fixed(T0, ZoneOffset.UTC))) {
            List<AuditEntry> batch = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                Instant time = T0.plusMillis(i * 86_400L);
                batch.add(new AuditEntry(time, "user" + (i % 10), "operator", ACTIONS.get((i / 10) % ACTIONS.size()),
                        "reason " + i, Map.of("run_state", "running", "hold_reason", "none", "step", i % 17),
                        Map.of("run_state", "held", "hold_reason", "operator", "step", i % 17), Outcome.DONE,
                        "held", "f01", "f01-" + time.truncatedTo(java.time.temporal.ChronoUnit.DAYS)));
                if (batch.size() == 1000) {
                    trail.append(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                trail.append(batch);
            }
        }
    }

    private static long fifthPage(Browser erin, String query, String source) throws Exception {
        String cursor = null;
        for (int page = 1; page < 5; page++) {
            JsonNode answer = JSON.readTree(erin.get(query + (cursor == null ? "" : "&before=" + cursor)).body());
            cursor = answer.path("next_before").asText();
        }
        return Long.parseLong(cursor.substring(cursor.indexOf(source + ":") + source.length() + 1));
    }

    /**
     * From the first query of a source after the logins to its first answer with a chain: a controller still indexing
     * its trail may not answer within the HMI's 8 s call timeout, and the HMI then reports the source unavailable.
     */
    private static void firstAnswer(Browser erin, String source) throws Exception {
        long start = System.nanoTime();
        int tries = 0;
        while (true) {
            tries++;
            JsonNode answer = JSON.readTree(erin.get("/api/v1/audit?limit=1&source=" + source).body());
            if (answer.path("sources").get(0).has("chain")) {
                break;
            }
            Thread.sleep(200);
        }
        report(source + ": first query to first answer (" + tries + " tries)",
                Distribution.of(List.of((System.nanoTime() - start) / 1e6)), "");
    }

    private static void time(Browser erin, String what, String path, int samples, int warmUp) throws Exception {
        List<Double> millis = new ArrayList<>();
        int entries = 0;
        long matched = 0;
        for (int i = 0; i < warmUp + samples; i++) {
            long start = System.nanoTime();
            Browser.Response response = erin.get(path);
            double took = (System.nanoTime() - start) / 1e6;
            if (response.status() != 200) {
                throw new IllegalStateException(path + ": " + response);
            }
            if (i >= warmUp) {
                millis.add(took);
            }
            JsonNode answer = JSON.readTree(response.body());
            entries = answer.path("entries").size();
            matched = answer.path("matched").asLong();
            if (!answer.path("sources").get(0).path("chain").path("intact").asBoolean()) {
                throw new IllegalStateException("the chain does not verify: " + answer.path("sources"));
            }
        }
        report(what, Distribution.of(millis), entries + " of " + matched);
    }

    private static void inProcess(Path trail, Path copy) throws Exception {
        Files.createDirectories(copy);
        try (var files = Files.list(trail)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        AuditQuery holds = AuditQuery.parse(name -> switch (name) {
            case "user" -> List.of("user3");
            case "action" -> List.of("hold");
            default -> List.of();
        });
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            AuditIndex.of(copy).query(holds);
            cold.add((System.nanoTime() - start) / 1e6);
        }
        report("in process: new index, first query (read + verify all)", Distribution.of(cold), "");
        AuditIndex index = AuditIndex.of(copy);
        index.query(holds);
        List<Double> appended = new ArrayList<>();
        try (AuditTrail writer = AuditTrail.open(copy, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 0; i < 50; i++) {
                writer.append(List.of(new AuditEntry(T0.plus(Duration.ofDays(101)), "user3", "operator", "hold",
                        "appended", null, null, Outcome.DONE, "", "f01", null)));
                long start = System.nanoTime();
                index.query(holds);
                appended.add((System.nanoTime() - start) / 1e6);
            }
        }
        report("in process: query after one record appended", Distribution.of(appended), "");
    }

    private static void report(String what, Distribution d, String rows) {
        System.out.printf(Locale.ROOT, "%-62s n=%4d median %8.2f ms  p95 %8.2f ms  max %8.2f ms  %s%n", what,
                d.count(), d.percentile(50), d.percentile(95), d.max(), rows);
    }
}
