package com.sicfurnace.hmi.web;

import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.recipe.RecipeApproval;
import com.sicfurnace.hmi.recipe.RecipeCheck;
import com.sicfurnace.hmi.recipe.RecipeStore;
import com.sicfurnace.hmi.recipe.RecipeVersion;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.user.Actor;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recipe store over HTTP: everyone logged in reads recipes and their versions (operators load approved ones);
 * engineers check a text being edited with the controller's validator, save new versions and approve another's
 * valid ones. Every save and approval, and every refused approval, is in the
 * HMI's audit trail with the version's SHA-256.
 */
public final class RecipeApi {
    private static final String BASE = "/api/v1/recipes";

    private final RecipeStore store;
    private final HmiAudit audit;

    public RecipeApi(RecipeStore store, HmiAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, BASE, Access.OPERATOR, "the recipes, each with its latest version",
                        this::list),
                new Route(HandlerType.GET, BASE + "/approved", Access.OPERATOR,
                        "every approved version, newest first, with its furnace type: what operators may load",
                        this::approved),
                new Route(HandlerType.GET, BASE + "/{name}/versions", Access.OPERATOR,
                        "a recipe's versions with their approvals", this::versions),
                new Route(HandlerType.GET, BASE + "/{name}/versions/{number}", Access.OPERATOR,
                        "one version with its text", this::version),
                new Route(HandlerType.GET, BASE + "/{name}/versions/{number}/yaml", Access.OPERATOR,
                        "one version as its YAML file, for export", this::export),
                new Route(HandlerType.POST, BASE + "/{name}/check", Access.ENGINEER,
                        "the controller's validator on a text being edited: {yaml}", this::check),
                new Route(HandlerType.POST, BASE + "/{name}/versions", Access.ENGINEER,
                        "save a new version: {yaml, comment}", this::save),
                new Route(HandlerType.POST, BASE + "/{name}/versions/{number}/approval", Access.ENGINEER,
                        "approve another's version for production: {comment}", this::approve));
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> recipes = new ArrayList<>();
        for (String name : store.recipes()) {
            List<RecipeVersion> versions = store.versions(name);
            Map<String, Object> recipe = new LinkedHashMap<>();
            recipe.put("name", name);
            recipe.put("versions", versions.size());
            recipe.put("latest", versions.isEmpty() ? null : summary(versions.get(versions.size() - 1)));
            List<Integer> approved = new ArrayList<>();
            for (RecipeVersion version : versions) {
                if (store.approval(name, version.number()).isPresent()) {
                    approved.add(version.number());
                }
            }
            recipe.put("approved_versions", approved);
            recipes.add(recipe);
        }
        ctx.json(recipes);
    }

    private void approved(Context ctx) throws IOException {
        List<Map<String, Object>> approved = new ArrayList<>();
        for (String name : store.recipes()) {
            for (RecipeVersion version : store.versions(name)) {
                if (store.approval(name, version.number()).isPresent()) {
                    Map<String, Object> summary = summary(version);
                    summary.put("furnace", RecipeCheck.check(name, version.yaml()).furnace());
                    approved.add(summary);
                }
            }
        }
        approved.sort(Comparator.comparing((Map<String, Object> v) -> (String) v.get("approved_at"))
                .reversed());
        ctx.json(approved);
    }

    private void versions(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        List<RecipeVersion> versions = store.versions(name);
        if (versions.isEmpty()) {
            throw new Refused(404, "unknown_recipe", "there is no recipe '" + name + "'");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (RecipeVersion version : versions) {
            Map<String, Object> summary = summary(version);
            summary.putAll(checked(version.recipe(), version.yaml()));
            list.add(summary);
        }
        ctx.json(list);
    }

    private void version(Context ctx) throws IOException {
        RecipeVersion version = existing(ctx);
        Map<String, Object> answer = summary(version);
        answer.put("yaml", version.yaml());
        answer.putAll(checked(version.recipe(), version.yaml()));
        ctx.json(answer);
    }

    /** The text exactly as saved, as a file to keep or carry elsewhere: the files stay the interchange format. */
    private void export(Context ctx) throws IOException {
        RecipeVersion version = existing(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + version.recipe() + "-v" + version.number()
                + ".yaml\"");
        ctx.header("X-Recipe-SHA256", version.sha256());
        ctx.contentType("application/yaml; charset=utf-8").result(version.yaml());
    }

    private RecipeVersion existing(Context ctx) throws IOException {
        return store.version(ctx.pathParam("name"), number(ctx)).orElseThrow(() ->
                new Refused(404, "unknown_version", "recipe '" + ctx.pathParam("name") + "' has no version "
                        + ctx.pathParam("number")));
    }

    private void check(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("yaml"));
        ctx.json(checked(ctx.pathParam("name"), body.requiredText("yaml")));
    }

    /**
     * {valid, furnace, problems: [{line, step, field, message, text}]} as the controller's validator finds them; the
     * furnace type only of a text that would run.
     */
    private static Map<String, Object> checked(String recipe, String yaml) {
        RecipeCheck.Verdict verdict = RecipeCheck.check(recipe, yaml);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", verdict.valid());
        answer.put("furnace", verdict.furnace());
        answer.put("problems", verdict.problems());
        return answer;
    }

    private void save(Context ctx) throws IOException {
        Actor actor = Caller.required(ctx).actor();
        JsonBody body = JsonBody.of(ctx, Set.of("yaml", "comment"));
        RecipeVersion version = store.save(ctx.pathParam("name"), body.requiredText("yaml"), actor.name(),
                body.requiredText("comment"));
        audit.record(actor, HmiAction.RECIPE_SAVE, version.comment(), null, identity(version), Outcome.DONE, "");
        Map<String, Object> answer = summary(version);
        answer.putAll(checked(version.recipe(), version.yaml()));
        ctx.status(201).json(answer);
    }

    private void approve(Context ctx) throws IOException {
        Actor actor = Caller.required(ctx).actor();
        JsonBody body = JsonBody.of(ctx, Set.of("comment"));
        String name = ctx.pathParam("name");
        int number = number(ctx);
        String comment = body.requiredText("comment");
        Map<String, Object> version = new LinkedHashMap<>(Map.of("recipe", name, "version", number));
        store.version(name, number).ifPresent(v -> version.put("sha256", v.sha256()));
        try {
            RecipeApproval approval = store.approve(name, number, actor.name(), comment);
            Map<String, Object> after = new LinkedHashMap<>(version);
            after.put("approved_by", approval.approver());
            audit.record(actor, HmiAction.RECIPE_APPROVE, comment, version, after, Outcome.DONE, "");
            ctx.status(201).json(summary(store.version(name, number).orElseThrow()));
        } catch (Refused e) {
            audit.record(actor, HmiAction.RECIPE_APPROVE, comment, version, null, Outcome.REFUSED, e.getMessage());
            throw e;
        }
    }

    /** The path's version number; 400 when it is none. */
    static int number(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw new Refused(400, "invalid", "a version is a whole number, not '" + ctx.pathParam("number")
                    + "'");
        }
    }

    private static Map<String, Object> identity(RecipeVersion version) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("recipe", version.recipe());
        identity.put("version", version.number());
        identity.put("sha256", version.sha256());
        return identity;
    }

    private Map<String, Object> summary(RecipeVersion version) throws IOException {
        Map<String, Object> summary = identity(version);
        summary.put("author", version.author());
        summary.put("time", version.time().toString());
        summary.put("comment", version.comment());
        Optional<RecipeApproval> approval = store.approval(version.recipe(), version.number());
        summary.put("approved", approval.isPresent());
        approval.ifPresent(a -> {
            summary.put("approved_by", a.approver());
            summary.put("approved_at", a.time().toString());
            summary.put("approval_comment", a.comment());
        });
        return summary;
    }
}
