package com.sicfurnace.hmi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.audit.AuditQuery;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.AuditCsv;
import com.sicfurnace.hmi.audit.AuditCursor;
import com.sicfurnace.hmi.audit.AuditSources;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trails for engineers: a page over the HMI's own trail and the furnaces' (one source, or all merged
 * newest first), and the same selection, whole, as CSV. An export is itself audited, with its filter and size.
 */
public final class AuditApi {
    /** The most records one export holds: more would be a file nobody checks by eye, and a long request. */
    public static final int MAX_EXPORT = 100_000;
    private static final String BASE = "/api/v1/audit";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AuditSources sources;
    private final HmiAudit audit;
    private final Clock clock;

    public AuditApi(AuditSources sources, HmiAudit audit, Clock clock) {
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, BASE, Access.ENGINEER, "the audit trails (source hmi, a furnace or all): "
                        + "filtered by user, action and time, newest first, with each chain's state", this::page),
                new Route(HandlerType.GET, BASE + "/export.csv", Access.ENGINEER,
                        "the filtered selection of the audit trails as CSV (audited)", this::export));
    }

    /** What a request asks for: its sources, the page's cursor and the filters. */
    private record Ask(String source, List<String> sources, AuditCursor cursor, AuditQuery query) {
    }

    private Optional<Ask> ask(Context ctx) {
        try {
            if (ctx.queryParam("after") != null) {
                throw new IllegalArgumentException("query parameter after: the viewer pages newest first; give "
                        + "before, the next_before of the page before");
            }
            String source = Optional.ofNullable(ctx.queryParam("source")).filter(s -> !s.isBlank())
                    .orElse(AuditSources.ALL);
            List<String> selected = sources.select(source);
            AuditCursor cursor = AuditCursor.parse(ctx.queryParam("before"));
            AuditQuery query = AuditQuery.parse(name -> name.equals("before") ? List.of() : ctx.queryParams(name));
            return Optional.of(new Ask(source, selected, cursor, query));
        } catch (IllegalArgumentException e) {
            ApiError.send(ctx, 400, "invalid", e.getMessage());
            return Optional.empty();
        }
    }

    private void page(Context ctx) throws InterruptedException {
        Optional<Ask> ask = ask(ctx);
        if (ask.isPresent()) {
            ctx.contentType("application/json").result(sources.page(ask.get().sources(), ask.get().cursor(),
                    ask.get().query()).json().toString());
        }
    }

    private void export(Context ctx) throws IOException, InterruptedException {
        Optional<Ask> asked = ask(ctx);
        if (asked.isEmpty()) {
            return;
        }
        Ask ask = asked.get();
        AuditQuery query = ask.query().withLimit(AuditQuery.MAX_LIMIT);
        AuditSources.Merged page = sources.page(ask.sources(), AuditCursor.START, query);
        Optional<AuditSources.Answer> failed = page.failed();
        if (failed.isPresent()) {
            ApiError.send(ctx, 502, "unreachable", failed.get().error() + "; nothing was exported");
            return;
        }
        long matched = page.json().path("matched").asLong();
        if (matched > MAX_EXPORT) {
            ApiError.send(ctx, 400, "too_many", "the selection holds " + matched + " records; an export holds at "
                    + "most " + MAX_EXPORT + ": narrow it by user, action or time");
            return;
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"audit-" + ask.source() + "-"
                + FILE_TIME.format(clock.instant()) + ".csv\"");
        long rows = 0;
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        AuditCsv.header(out);
        while (true) {
            for (JsonNode entry : page.json().path("entries")) {
                AuditCsv.row(out, entry);
                rows++;
            }
            if (page.next().isEmpty()) {
                break;
            }
            page = sources.page(ask.sources(), page.next().get(), query);
            if (page.failed().isPresent()) {
                throw new IOException("export cut short after " + rows + " records: " + page.failed().get().error());
            }
        }
        out.flush();
        audit.record(Caller.required(ctx).actor(), HmiAction.AUDIT_EXPORT, "", null, exported(ask, rows),
                Outcome.DONE, "exported " + rows + " records as CSV");
    }

    private static Map<String, Object> exported(Ask ask, long rows) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", ask.source());
        after.put("users", ask.query().users().stream().sorted().toList());
        after.put("actions", ask.query().actions().stream().sorted().toList());
        after.put("from", ask.query().from().map(Object::toString).orElse(null));
        after.put("to", ask.query().to().map(Object::toString).orElse(null));
        after.put("records", rows);
        return after;
    }
}
