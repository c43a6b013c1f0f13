package com.sicfurnace.hmi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.report.TrendFile;
import com.sicfurnace.controller.report.TrendJson;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.dryrun.DryRun;
import com.sicfurnace.hmi.dryrun.DryRuns;
import com.sicfurnace.hmi.recipe.RecipeStore;
import com.sicfurnace.hmi.recipe.RecipeVersion;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.user.Actor;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dry runs over HTTP, for engineers: a version of the recipe store run in virtual time against the simulator, its
 * state while it runs, and its report once it has one. Every request is in the HMI's audit trail with the version's
 * SHA-256.
 */
public final class DryRunApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WIDTH = 20_000;
    private final RecipeStore store;
    private final DryRuns dryRuns;
    private final HmiAudit audit;

    public DryRunApi(RecipeStore store, DryRuns dryRuns, HmiAudit audit) {
        this.store = store;
        this.dryRuns = dryRuns;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.POST, "/api/v1/recipes/{name}/versions/{number}/dry-runs", Access.ENGINEER,
                        "run a version in virtual time against the simulator: {comment?}", this::request),
                new Route(HandlerType.GET, "/api/v1/recipes/{name}/dry-runs", Access.ENGINEER,
                        "a recipe's dry runs, newest first", this::list),
                new Route(HandlerType.GET, "/api/v1/dry-runs/{id}", Access.ENGINEER, "one dry run's state",
                        this::one),
                new Route(HandlerType.GET, "/api/v1/dry-runs/{id}/summary", Access.ENGINEER,
                        "a finished dry run's report: summary.json", this::summary),
                new Route(HandlerType.GET, "/api/v1/dry-runs/{id}/trend", Access.ENGINEER,
                        "a finished dry run's trend for the run report: ?width=&columns=", this::trend));
    }

    private void request(Context ctx) throws IOException {
        Actor actor = Caller.required(ctx).actor();
        String comment = ctx.body().isBlank() ? "" : JsonBody.of(ctx, Set.of("comment")).text("comment").orElse("");
        String name = ctx.pathParam("name");
        RecipeVersion version = store.version(name, RecipeApi.number(ctx)).orElseThrow(() -> new Refused(404,
                "unknown_version", "recipe '" + name + "' has no version " + ctx.pathParam("number")));
        DryRun run = dryRuns.request(version, actor.name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recipe", version.recipe());
        after.put("version", version.number());
        after.put("sha256", version.sha256());
        after.put("dry_run", run.id());
        audit.record(actor, HmiAction.RECIPE_DRY_RUN, comment, null, after, Outcome.DONE, "");
        ctx.status(202).json(run.fields());
    }

    private void list(Context ctx) {
        ctx.json(dryRuns.of(ctx.pathParam("name")).stream().map(DryRun::fields).toList());
    }

    private void one(Context ctx) {
        ctx.json(existing(ctx).fields());
    }

    /**
     * The dry run's summary.json with the identity of what ran as a live run's report carries it ({@code run}): the
     * store's version and SHA-256, who asked for it, and when (wall time; the run's own times are virtual).
     */
    private void summary(Context ctx) throws IOException {
        DryRun run = existing(ctx);
        ObjectNode summary = (ObjectNode) JSON.readTree(report(ctx).resolve("summary.json").toFile());
        ObjectNode identity = summary.putObject("run");
        identity.put("id", run.id());
        identity.put("recipe_file", run.recipe() + ".yaml (dry run)");
        identity.put("recipe_version", run.version());
        identity.put("recipe_sha256", run.sha256());
        identity.put("started_by", run.user());
        identity.put("started_by_role", "dry run");
        identity.put("started_at", run.requested().toString());
        run.ended().ifPresent(t -> identity.put("ended_at", t.toString()));
        ctx.json(summary);
    }

    /** As the controller serves a run's trend ({@code /runs/{id}/trend}): at most {@code width} buckets. */
    private void trend(Context ctx) throws IOException {
        Path report = report(ctx);
        int width = width(ctx.queryParam("width"));
        TrendFile trend = TrendFile.read(report.resolve("trend.csv"));
        String columns = ctx.queryParam("columns");
        ctx.json(TrendJson.of(trend, width, columns == null || columns.isBlank() ? trend.columns()
                : List.of(columns.split(","))));
    }

    private static int width(String text) {
        if (text == null) {
            return RunReportPage.TREND_WIDTH;
        }
        int width;
        try {
            width = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw badWidth(text);
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw badWidth(text);
        }
        return width;
    }

    private static Refused badWidth(String text) {
        return new Refused(400, "invalid", "query parameter width: 1.." + MAX_WIDTH + ", not '" + text + "'");
    }

    private Path report(Context ctx) {
        DryRun run = existing(ctx);
        return dryRuns.report(run.id()).orElseThrow(() -> new Refused(409, "no_report",
                "dry run " + run.id() + " has no report: it is " + run.state().label()));
    }

    private DryRun existing(Context ctx) {
        String id = ctx.pathParam("id");
        return dryRuns.get(id).orElseThrow(() -> new Refused(404, "unknown_dry_run", "there is no dry run '"
                + id + "'"));
    }
}
