package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.dryrun.DryRun;
import com.sicfurnace.hmi.dryrun.DryRuns;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engineer's recipe screens: the store's recipes (with import of a YAML file), one recipe's versions (approve,
 * export, compare, edit from, dry run), the editor with the controller's validator answering as the text is typed,
 * and the side-by-side difference of two versions. Each page is a skeleton its ES module fills from the recipe API.
 */
public final class RecipePages {
    private final DryRuns dryRuns;

    public RecipePages(DryRuns dryRuns) {
        this.dryRuns = dryRuns;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/recipes", Access.ENGINEER, "Recipes screen: the store's recipes",
                        this::list),
                new Route(HandlerType.GET, "/recipes/{name}", Access.ENGINEER,
                        "a recipe's versions: approve, export, compare, dry run", this::versions),
                new Route(HandlerType.GET, "/recipes/{name}/edit", Access.ENGINEER,
                        "the recipe editor, the validator's messages beside the lines", this::editor),
                new Route(HandlerType.GET, "/recipes/{name}/diff", Access.ENGINEER,
                        "two versions of a recipe side by side", this::diff),
                new Route(HandlerType.GET, "/recipes/{name}/dry-runs/{id}", Access.ENGINEER,
                        "a dry run: its state, then its run report", this::dryRun));
    }

    private void list(Context ctx) {
        String body = "<div id=\"recipes\">\n"
                + "<form id=\"new-recipe\" class=\"filters\">"
                + "<label>New recipe named <input type=\"text\" name=\"name\" id=\"new-name\" "
                + "placeholder=\"e.g. pvt-6inch-b\" autocomplete=\"off\"></label>"
                + "<button type=\"submit\">Write new…</button>"
                + "<label>Import a YAML file <input type=\"file\" id=\"import-file\" accept=\".yaml,.yml,text/yaml\">"
                + "</label></form>\n"
                + "<p id=\"recipes-message\" class=\"message\" role=\"status\" hidden></p>\n"
                + "<table id=\"recipe-table\" class=\"data-table\"><thead><tr><th>Recipe</th><th>Versions</th>"
                + "<th>Latest</th><th>By</th><th>Saved (UTC)</th><th>Approved for production</th></tr></thead>"
                + "<tbody></tbody></table>\n</div>";
        ctx.html(Html.screen("Recipes", Caller.required(ctx), Optional.empty(), "<span>Recipes</span>", body,
                List.of(), List.of("/static/js/recipes.js")));
    }

    private void versions(Context ctx) {
        String name = ctx.pathParam("name");
        String n = Html.escape(name);
        String body = "<div id=\"recipe\" data-recipe=\"" + n + "\">\n"
                + "<p id=\"recipe-message\" class=\"message\" role=\"status\" hidden></p>\n"
                + "<div class=\"trend-tools\"><a class=\"button\" id=\"edit-latest\" href=\"/recipes/" + n
                + "/edit\">Edit the latest version</a>"
                + "<button type=\"button\" id=\"compare\">Compare the two selected</button></div>\n"
                + "<table id=\"version-table\" class=\"data-table\"><thead><tr><th>Compare</th><th>Version</th>"
                + "<th>Saved (UTC)</th><th>By</th><th>Comment</th><th>Validator</th><th>Approval</th>"
                + "<th>SHA-256</th><th>Actions</th></tr></thead><tbody></tbody></table>\n"
                + "<h2>Dry runs</h2>\n<p class=\"muted\">A dry run runs a version to its end in virtual time against "
                + "the simulated furnace, with the controller's own code, and shows its run report.</p>\n"
                + "<table id=\"dry-run-table\" class=\"data-table\"><thead><tr><th>Dry run</th><th>Version</th>"
                + "<th>By</th><th>Asked (UTC)</th><th>State</th><th>Result</th></tr></thead><tbody></tbody>"
                + "</table>\n</div>\n" + approvalDialog();
        ctx.html(Html.screen("Recipe " + name, Caller.required(ctx), Optional.empty(), recipeTrail(name, ""), body,
                List.of(), List.of("/static/js/recipe.js")));
    }

    private static String approvalDialog() {
        return "<dialog id=\"approve-dialog\" class=\"command-dialog\" aria-labelledby=\"approve-title\">"
                + "<form method=\"dialog\"><h2 id=\"approve-title\"></h2>"
                + "<p class=\"muted\">Approved, a version may be loaded by operators for production. "
                + "Its author cannot approve it.</p>"
                + "<label for=\"approve-comment\">Comment (required)</label>"
                + "<input type=\"text\" id=\"approve-comment\" maxlength=\"500\" autocomplete=\"off\">"
                + "<p class=\"message\" id=\"approve-result\" role=\"status\" hidden></p>"
                + "<div class=\"buttons\"><button type=\"button\" id=\"approve-send\" class=\"send\">Approve</button>"
                + "<button type=\"button\" id=\"approve-cancel\">Cancel</button></div></form></dialog>";
    }

    private void editor(Context ctx) {
        String name = ctx.pathParam("name");
        String n = Html.escape(name);
        String from = Optional.ofNullable(ctx.queryParam("from")).filter(v -> v.matches("\\d{1,6}")).orElse("");
        String imported = "1".equals(ctx.queryParam("import")) ? "1" : "";
        String body = "<div id=\"editor\" data-recipe=\"" + n + "\" data-from=\"" + from + "\" data-import=\""
                + imported + "\">\n"
                + "<p id=\"editor-source\" class=\"muted\"></p>\n"
                + "<div class=\"editor-frame\"><div class=\"editor-gutter\" id=\"editor-gutter\" aria-hidden=\"true\">"
                + "</div><textarea id=\"editor-text\" spellcheck=\"false\" wrap=\"off\" aria-label=\"recipe text of "
                + n + "\" aria-describedby=\"editor-status\"></textarea>"
                + "<div class=\"editor-notes\" id=\"editor-notes\" aria-live=\"polite\"></div></div>\n"
                + "<p id=\"editor-status\" class=\"message\" role=\"status\"></p>\n"
                + "<form id=\"save-form\" class=\"panel save-form\"><label for=\"save-comment\">What changed, and why "
                + "(required)</label><input type=\"text\" id=\"save-comment\" maxlength=\"500\" autocomplete=\"off\">"
                + "<div class=\"buttons\"><button type=\"submit\" id=\"save\">Save as a new version</button>"
                + "<a class=\"button\" href=\"/recipes/" + n + "\">Back to the versions</a></div>"
                + "<p id=\"save-result\" class=\"message\" role=\"status\" hidden></p></form>\n</div>";
        ctx.html(Html.screen("Edit recipe " + name, Caller.required(ctx), Optional.empty(), recipeTrail(name, "edit"),
                body, List.of(), List.of("/static/js/editor.js")));
    }

    private void diff(Context ctx) {
        String name = ctx.pathParam("name");
        String body = "<div id=\"diff\" data-recipe=\"" + Html.escape(name) + "\" data-a=\""
                + Html.escape(number(ctx.queryParam("a"))) + "\" data-b=\"" + Html.escape(number(ctx.queryParam("b")))
                + "\">\n<p id=\"diff-summary\" class=\"muted\" role=\"status\"></p>\n"
                + "<table id=\"diff-table\" class=\"diff-table\"><colgroup><col class=\"ln\"><col>"
                + "<col class=\"ln\"><col></colgroup><thead><tr><th colspan=\"2\" id=\"diff-a\"></th>"
                + "<th colspan=\"2\" id=\"diff-b\"></th></tr></thead><tbody></tbody></table>\n</div>";
        ctx.html(Html.screen("Compare versions of " + name, Caller.required(ctx), Optional.empty(),
                recipeTrail(name, "diff"), body, List.of(), List.of("/static/js/diff.js")));
    }

    /**
     * A dry run: while it is queued or running, its state, followed by {@code dryrun.js} (which loads the page again
     * when it ends); once finished, its run report ({@link RunReportPage}), with {@code ?reference=} another finished
     * dry run's curves and step durations beside it.
     */
    private void dryRun(Context ctx) {
        String name = ctx.pathParam("name");
        String id = ctx.pathParam("id");
        Optional<DryRun> run = dryRuns.get(id).filter(r -> r.recipe().equals(name));
        if (run.isEmpty()) {
            ctx.status(404).html(Html.page("No such dry run", Caller.of(ctx), "<p class=\"message\">Recipe "
                    + Html.escape(name) + " has no dry run " + Html.escape(id) + ".</p>\n<p><a href=\"/recipes/"
                    + Html.escape(name) + "\">" + Html.escape(name) + "</a></p>"));
            return;
        }
        String trail = recipeTrail(name, "dry run") + " <span>" + Html.escape(id) + "</span>";
        if (run.get().state() != DryRun.State.FINISHED) {
            String body = "<div id=\"dry-run\" data-recipe=\"" + Html.escape(name) + "\" data-id=\""
                    + Html.escape(id) + "\">\n<p id=\"dry-run-state\" class=\"message\" role=\"status\">"
                    + "Asking for the dry run…</p>\n</div>";
            ctx.html(Html.screen("Dry run " + id, Caller.required(ctx), Optional.empty(), trail, body, List.of(),
                    List.of("/static/js/dryrun.js")));
            return;
        }
        Optional<DryRun> reference = Optional.ofNullable(ctx.queryParam("reference")).flatMap(dryRuns::get)
                .filter(r -> r.state() == DryRun.State.FINISHED && !r.id().equals(id));
        String body = dryRunFacts(run.get()) + compareForm(run.get(), reference)
                + RunReportPage.body(reportSource(run.get()), reference.map(RecipePages::reportSource));
        ctx.html(Html.screen("Dry run " + id, Caller.required(ctx), Optional.empty(), trail, body,
                RunReportPage.STYLES, RunReportPage.MODULES));
    }

    private static RunReportPage.Source reportSource(DryRun run) {
        String api = "/api/v1/dry-runs/" + run.id();
        return RunReportPage.Source.of(api + "/summary", api + "/trend?width=" + RunReportPage.TREND_WIDTH
                + "&columns=" + RunReportPage.TREND_COLUMNS, "", run.id() + " (v" + run.version() + ")");
    }

    private static String dryRunFacts(DryRun run) {
        return "<p id=\"dry-run-state\" class=\"message\" role=\"status\">Dry run of version " + run.version()
                + " (SHA-256 " + Html.escape(run.sha256().substring(0, 12)) + "…), asked by " + Html.escape(run.user())
                + " at " + Html.time(run.requested()) + ": " + (run.completed() ? "ran to the recipe's end"
                : "did not reach the recipe's end") + String.format(Locale.ROOT, ", %.1f s.", run.wallS())
                + "</p>\n";
    }

    /** Another finished dry run of the recipe to overlay: a plain GET form, the page drawn again with it. */
    private String compareForm(DryRun run, Optional<DryRun> reference) {
        List<DryRun> others = dryRuns.of(run.recipe()).stream()
                .filter(r -> r.state() == DryRun.State.FINISHED && !r.id().equals(run.id())).toList();
        if (others.isEmpty()) {
            return "<p class=\"muted\">No other finished dry run of " + Html.escape(run.recipe())
                    + " to compare with yet.</p>\n";
        }
        StringBuilder form = new StringBuilder("<form id=\"dry-run-compare\" class=\"filters\" method=\"get\">")
                .append("<label>Compare with <select name=\"reference\" id=\"reference\">")
                .append("<option value=\"\">none</option>");
        for (DryRun other : others) {
            form.append("<option value=\"").append(Html.escape(other.id())).append("\"")
                    .append(reference.filter(r -> r.id().equals(other.id())).isPresent() ? " selected" : "")
                    .append(">").append(Html.escape(other.id())).append(" (v").append(other.version()).append(")")
                    .append("</option>");
        }
        return form.append("</select></label><button type=\"submit\">Compare</button></form>\n").toString();
    }

    private static String number(String text) {
        return text != null && text.matches("\\d{1,6}") ? text : "";
    }

    /** Recipes › name › the current page. */
    private static String recipeTrail(String name, String current) {
        String n = Html.escape(name);
        String trail = "<a href=\"/recipes\">Recipes</a> › ";
        if (current.isEmpty()) {
            return trail + "<span>" + n + "</span>";
        }
        return trail + "<a href=\"/recipes/" + n + "\">" + n + "</a> › <span>"
                + switch (current) {
                    case "edit" -> "Edit";
                    case "diff" -> "Compare";
                    default -> "Dry run";
                } + "</span>";
    }
}
