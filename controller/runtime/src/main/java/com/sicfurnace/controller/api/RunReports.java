package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditVerifier;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunHistory;
import com.sicfurnace.controller.report.TrendFile;
import com.sicfurnace.controller.report.TrendJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The run history of the API: the reports this controller's runs left in its report directory (see
 * {@link RunHistory}), their trends decimated for a chart, and the audit trail's records of each run (the
 * interventions). Reads files only; never touches the running core.
 */
final class RunReports {
    /** The most audit records one run's answer carries; more are counted, not sent. */
    static final int MAX_AUDIT = 10_000;
    static final int MAX_WIDTH = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LISTED = {"recipe", "furnace", "completed", "final_state", "furnace_hours",
        "boule_length_mm", "interlock_trips"};
    private final Optional<RunHistory> history;
    private final Path auditDir;

    RunReports(Optional<Path> reportDir, Path auditDir) {
        this.history = reportDir.map(RunHistory::new);
        this.auditDir = auditDir;
    }

    /** Every kept run, newest first: id, recipe and its file, version and SHA-256, who started it, start, end. */
    ObjectNode list() throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("kept", history.isPresent());
        ArrayNode runs = o.putArray("runs");
        if (history.isEmpty()) {
            return o;
        }
        for (String id : history.get().ids()) {
            ObjectNode run = runs.addObject();
            run.put("id", id);
            try {
                JsonNode summary = readSummary(history.get().directory().resolve(id));
                for (String field : LISTED) {
                    run.set(field, summary.get(field));
                }
                run.put("alarms", summary.path("alarms").size());
                summary.path("run").fields().forEachRemaining(f -> run.set(f.getKey(), f.getValue()));
                run.put("id", id); // the directory's name; the controller's run id is run_id
                if (summary.path("run").has("id")) {
                    run.set("run_id", summary.path("run").get("id"));
                }
            } catch (IOException e) {
                run.put("problem", "its summary.json cannot be read: " + e.getMessage());
            }
        }
        return o;
    }

    /** A run's summary.json as written, with its id. */
    ObjectNode summary(String id) throws IOException {
        ObjectNode summary = (ObjectNode) readSummary(dir(id));
        summary.put("id", id);
        return summary;
    }

    /**
     * A run's trend: furnace hours, step and state of each bucket, and per column min, max and last; {@code width}
     * buckets at most, every row when absent; the columns named, or all.
     */
    ObjectNode trend(String id, Optional<Integer> width, Optional<List<String>> columns) throws IOException {
        if (width.isPresent() && (width.get() < 1 || width.get() > MAX_WIDTH)) {
            throw new IllegalArgumentException("query parameter width: 1.." + MAX_WIDTH + ", not " + width.get());
        }
        TrendFile trend = TrendFile.read(dir(id).resolve(ReportFiles.TREND));
        ObjectNode o = TrendJson.of(trend, width.orElse(Math.max(1, trend.rows())),
                columns.orElse(trend.columns()));
        o.put("id", id);
        return o;
    }

    /**
     * The audit trail's records of a run: those carrying its run id; for a report without one, those within its
     * start and end. With whether the whole chain verifies now.
     */
    ObjectNode audit(String id) throws IOException {
        JsonNode run = readSummary(dir(id)).path("run");
        String runId = run.path("id").asText("");
        Optional<Instant> from = time(run, "started_at");
        Optional<Instant> to = time(run, "ended_at");
        ObjectNode o = JSON.createObjectNode();
        AuditVerifier.Result check = AuditVerifier.verify(auditDir);
        o.put("intact", check.intact());
        check.problem().ifPresent(p -> o.put("problem", p.toString()));
        o.put("run_id", runId);
        ArrayNode list = o.putArray("entries");
        int matched = 0;
        for (Path file : AuditFiles.list(auditDir)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode record = JSON.readTree(line);
                if (ofRun(record, runId, from, to) && ++matched <= MAX_AUDIT) {
                    list.add(record);
                }
            }
        }
        o.put("matched", matched);
        return o;
    }

    private static boolean ofRun(JsonNode record, String runId, Optional<Instant> from, Optional<Instant> to) {
        if (!runId.isEmpty()) {
            return runId.equals(record.path("run_id").asText());
        }
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        Instant t = Instant.parse(record.path("time").asText());
        return !t.isBefore(from.get()) && !t.isAfter(to.get());
    }

    private static Optional<Instant> time(JsonNode run, String field) {
        if (!run.path(field).isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(run.path(field).asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("summary.json: run." + field + " is no time: " + run.path(field), e);
        }
    }

    private Path dir(String id) {
        RunHistory runs = history.orElseThrow(() -> new NoSuchRun("this controller keeps no run history (no "
                + "report directory)"));
        return runs.find(id).orElseThrow(() -> new NoSuchRun("no run '" + id + "' in the run history"));
    }

    private static JsonNode readSummary(Path dir) throws IOException {
        try {
            return JSON.readTree(Files.readString(dir.resolve(ReportFiles.SUMMARY), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new NoSuchRun("the run's summary.json is gone");
        }
    }

    /** No run of that id is kept: 404. */
    static final class NoSuchRun extends RuntimeException {
        NoSuchRun(String message) {
            super(message);
        }
    }
}
