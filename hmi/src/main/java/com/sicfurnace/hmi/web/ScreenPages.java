package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.furnace.Fleet;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * The process screens, in the display hierarchy Fleet (level 1) → Furnace (level 2) → its Trends and Alarms, plus the
 * fleet's alarm table; and a furnace's run history with each run's report. Each page is a skeleton that its ES module
 * fills from the furnaces' live data ({@code /live/{furnace}}) and the furnace API; every screen carries the alarm
 * banner of its scope.
 */
public final class ScreenPages {
    private static final String UPLOT_CSS = Webjar.UPLOT.path("dist/uPlot.min.css");

    private final Fleet fleet;

    public ScreenPages(Fleet fleet) {
        this.fleet = fleet;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/fleet", Access.OPERATOR, "Fleet screen: every furnace at a glance",
                        this::fleetPage),
                new Route(HandlerType.GET, "/alarms", Access.OPERATOR, "Alarms screen: every furnace's alarms",
                        this::fleetAlarms),
                new Route(HandlerType.GET, "/furnace/{furnace}", Access.OPERATOR,
                        "Furnace screen: mimic, run state, run control", ctx -> furnacePage(ctx, this::furnace)),
                new Route(HandlerType.GET, "/furnace/{furnace}/trends", Access.OPERATOR,
                        "a furnace's trends: history and live", ctx -> furnacePage(ctx, this::trends)),
                new Route(HandlerType.GET, "/furnace/{furnace}/alarms", Access.OPERATOR,
                        "a furnace's alarms: acknowledge, shelve", ctx -> furnacePage(ctx, this::furnaceAlarms)),
                new Route(HandlerType.GET, "/furnace/{furnace}/runs", Access.OPERATOR,
                        "a furnace's run history", ctx -> furnacePage(ctx, this::runs)),
                new Route(HandlerType.GET, "/furnace/{furnace}/runs/{id}", Access.OPERATOR,
                        "a run's report, printable; ?reference= overlays another run",
                        ctx -> furnacePage(ctx, this::runReport)));
    }

    private interface FurnacePage {
        void show(Context ctx, String furnace);
    }

    private void furnacePage(Context ctx, FurnacePage page) {
        String name = ctx.pathParam("furnace");
        if (fleet.link(name).isEmpty()) {
            ctx.status(404).html(Html.page("No such furnace", Caller.of(ctx), "<p class=\"message\">This HMI knows "
                    + "no furnace named " + Html.escape(name) + ".</p>\n<p><a href=\"/fleet\">Fleet</a></p>"));
            return;
        }
        page.show(ctx, name);
    }

    private void fleetPage(Context ctx) {
        String body = "<div id=\"tiles\" class=\"tiles\"></div>";
        ctx.html(Html.screen("Fleet", Caller.required(ctx), Optional.empty(), "<span>Fleet</span>"
                + " <a href=\"/alarms\">Alarms</a>", body, List.of(), List.of("/static/js/fleet.js")));
    }

    private void fleetAlarms(Context ctx) {
        ctx.html(Html.screen("Alarms – fleet", Caller.required(ctx), Optional.empty(),
                "<a href=\"/fleet\">Fleet</a> › <span>Alarms</span>", alarmTable(""), List.of(),
                List.of("/static/js/alarms.js")));
    }

    private void furnace(Context ctx, String name) {
        String f = Html.escape(name);
        String body = "<div id=\"furnace\" class=\"furnace\" data-furnace=\"" + f + "\">\n"
                // the mimic of the furnace's type, which its controller reports: furnace.js puts it in
                + "<section class=\"mimic-panel\" id=\"mimic-panel\" aria-label=\"furnace " + f + " mimic\">"
                + "<p class=\"message\">Asking the controller for its furnace type, for its mimic…</p></section>\n"
                + "<aside class=\"side\">\n"
                + "<section class=\"panel\" aria-labelledby=\"run-h\"><h2 id=\"run-h\">Run</h2>\n"
                + "<dl class=\"facts\"><dt>Recipe</dt><dd class=\"val\" data-v=\"recipe\"></dd>"
                + "<dt>State</dt><dd class=\"val\" data-v=\"state\"></dd>"
                + "<dt>Hold reason</dt><dd class=\"val\" data-v=\"hold_reason\"></dd>"
                + "<dt>Step</dt><dd class=\"val\" id=\"step\"></dd>"
                + "<dt>Step time</dt><dd class=\"val\" id=\"step-time\"></dd>"
                + "<dt>Time left</dt><dd class=\"val\" id=\"step-left\"></dd>"
                + "<dt>Holdback</dt><dd class=\"val\" data-v=\"holding_back\" data-on=\"holding back: step timer "
                + "stopped\" data-off=\"no\"></dd></dl>\n"
                + "<ol id=\"steps\" class=\"steps\"></ol>\n"
                + "<div class=\"run-control\" id=\"run-control\">"
                + "<button type=\"button\" data-command=\"load_recipe\">Load recipe…</button>"
                + "<button type=\"button\" data-command=\"start\">Start</button>"
                + "<button type=\"button\" data-command=\"hold\">Hold</button>"
                + "<button type=\"button\" data-command=\"resume\">Resume</button>"
                + "<button type=\"button\" data-command=\"abort\">Abort</button>"
                + "<button type=\"button\" data-command=\"reset_interlocks\">Reset trips</button></div>\n"
                + "<p class=\"message\" id=\"command-message\" role=\"status\" hidden></p>\n</section>\n"
                + "<section class=\"panel\" aria-labelledby=\"safety-h\"><h2 id=\"safety-h\">Interlocks</h2>"
                + "<ul id=\"interlocks\" class=\"interlocks\"></ul>"
                + "<h3>Start permissives missing</h3><ul id=\"permissives\" class=\"interlocks\"></ul></section>\n"
                + "<section class=\"panel\" aria-labelledby=\"key-h\"><h2 id=\"key-h\">Key values</h2>"
                + "<div id=\"key-values\" class=\"key-values\"></div></section>\n"
                + "</aside>\n</div>";
        ctx.html(Html.screen("Furnace " + name, Caller.required(ctx), Optional.of(name), furnaceTrail(name, ""),
                body, List.of(), List.of("/static/js/furnace.js")));
    }

    private void trends(Context ctx, String name) {
        String body = "<div id=\"trends\" data-furnace=\"" + Html.escape(name) + "\">\n"
                + "<div class=\"trend-tools\" id=\"ranges\"><span class=\"muted\">Range</span>"
                + "<button type=\"button\" data-range=\"3600\">1 h</button>"
                + "<button type=\"button\" data-range=\"28800\">8 h</button>"
                + "<button type=\"button\" data-range=\"86400\">24 h</button>"
                + "<button type=\"button\" data-range=\"run\">Whole run</button>"
                + "<span id=\"trend-status\" class=\"muted\" role=\"status\"></span></div>\n"
                + "<div id=\"chart\" class=\"chart\"></div>\n"
                + "<p class=\"muted\">Drag across the chart to zoom in: the history of the range selected is loaded. "
                + "Shaded: the least and greatest value in each interval. Times in furnace time (UTC).</p>\n</div>";
        ctx.html(Html.screen("Trends " + name, Caller.required(ctx), Optional.of(name), furnaceTrail(name, "trends"),
                body, List.of(UPLOT_CSS), List.of("/static/js/trends.js")));
    }

    private void furnaceAlarms(Context ctx, String name) {
        ctx.html(Html.screen("Alarms " + name, Caller.required(ctx), Optional.of(name), furnaceTrail(name, "alarms"),
                alarmTable(name), List.of(), List.of("/static/js/alarms.js")));
    }

    private void runs(Context ctx, String name) {
        String body = "<div id=\"runs\" data-furnace=\"" + Html.escape(name) + "\">\n"
                + "<div class=\"trend-tools\"><label for=\"reference\">Compare each report with</label>"
                + "<select id=\"reference\"><option value=\"\">no reference run</option></select>"
                + "<span id=\"runs-status\" class=\"muted\" role=\"status\">Asking the controller for its runs…"
                + "</span>"
                + "</div>\n"
                + "<table id=\"run-table\" class=\"report-table\">\n<thead><tr><th>Start (UTC)</th><th>End (UTC)</th>"
                + "<th>Recipe</th><th>Version</th><th title=\"SHA-256 of the recipe file\">Hash</th><th>Operator</th>"
                + "<th>Final state</th><th>Boule</th><th>Report</th></tr></thead>\n<tbody></tbody>\n</table>\n"
                + "<p class=\"muted\">The runs this furnace's controller kept a report of, newest first. A run "
                + "ends when its recipe ends or its controller stops.</p>\n</div>";
        ctx.html(Html.screen("Runs " + name, Caller.required(ctx), Optional.of(name), furnaceTrail(name, "runs"),
                body, List.of(), List.of("/static/js/runs.js")));
    }

    /**
     * A run's report. The page names where its data comes from ({@link RunReportPage}); {@code ?reference=} adds a
     * second run of the same furnace to compare with.
     */
    private void runReport(Context ctx, String name) {
        String id = ctx.pathParam("id");
        String reference = ctx.queryParam("reference");
        if (!FurnaceApi.RUN_ID.matcher(id).matches()
                || reference != null && !reference.isEmpty() && !FurnaceApi.RUN_ID.matcher(reference).matches()) {
            ctx.status(400).html(Html.page("No such run", Caller.of(ctx), "<p class=\"message\">That is no run's "
                    + "id.</p>\n<p><a href=\"/furnace/" + Html.escape(name) + "/runs\">Runs</a></p>"));
            return;
        }
        String api = "/api/v1/furnaces/" + name + "/runs/";
        String trend = "/trend?width=" + RunReportPage.TREND_WIDTH + "&columns=" + RunReportPage.TREND_COLUMNS;
        RunReportPage.Source source = RunReportPage.Source.of(api + id, api + id + trend, api + id + "/audit", id);
        Optional<RunReportPage.Source> against = Optional.ofNullable(reference).filter(r -> !r.isEmpty())
                .map(r -> RunReportPage.Source.of(api + r, api + r + trend, "", r));
        ctx.html(Html.screen("Run report " + id, Caller.required(ctx), Optional.of(name),
                furnaceTrail(name, "runs") + " › <span>" + Html.escape(id) + "</span>",
                RunReportPage.body(source, against), RunReportPage.STYLES, RunReportPage.MODULES));
    }

    /** Fleet › f01 and the furnace's other screens, the current one not a link. */
    private static String furnaceTrail(String name, String current) {
        String f = Html.escape(name);
        String base = "/furnace/" + f;
        return "<a href=\"/fleet\">Fleet</a> › " + (current.isEmpty() ? "<span>" + f + "</span>"
                : "<a href=\"" + base + "\">" + f + "</a>") + " "
                + (current.equals("trends") ? "<span>Trends</span>" : "<a href=\"" + base + "/trends\">Trends</a>")
                + " "
                + (current.equals("alarms") ? "<span>Alarms</span>" : "<a href=\"" + base + "/alarms\">Alarms</a>")
                + " "
                + (current.equals("runs") ? "<a class=\"current\" href=\"" + base + "/runs\">Runs</a>"
                : "<a href=\"" + base + "/runs\">Runs</a>");
    }

    /** The alarm table of one furnace, or of the fleet ({@code furnace} empty): filters, sort, the table. */
    private static String alarmTable(String furnace) {
        StringBuilder html = new StringBuilder("<div id=\"alarms\" data-furnace=\"").append(Html.escape(furnace))
                .append("\">\n<form id=\"alarm-filters\" class=\"filters\">\n<fieldset><legend>Priority</legend>");
        String[][] priorities = {{"urgent", "◆", "1"}, {"high", "▲", "2"}, {"medium", "■", "3"}, {"low", "●", "4"}};
        for (String[] p : priorities) {
            html.append("<label><input type=\"checkbox\" name=\"priority\" value=\"").append(p[0])
                    .append("\" checked> <span class=\"prio prio-").append(p[0]).append("\">").append(p[1])
                    .append(p[2]).append("</span> ").append(p[0]).append("</label>");
        }
        html.append("</fieldset>\n<label>State <select name=\"state\">")
                .append("<option value=\"\">every state</option>")
                .append("<option value=\"unack\">unacknowledged</option>")
                .append("<option value=\"active\">active</option>")
                .append("<option value=\"shelved\">shelved</option>")
                .append("<option value=\"hidden\">suppressed or out of service</option></select></label>\n")
                .append("<label>Sort <select name=\"sort\"><option value=\"priority\">priority, then newest</option>")
                .append("<option value=\"time\">newest first</option></select></label>\n</form>\n")
                .append("<p id=\"alarm-count\" class=\"muted\" role=\"status\"></p>\n")
                .append("<table id=\"alarm-table\" class=\"alarm-table\">\n<thead><tr><th>Priority</th><th>State</th>")
                .append("<th title=\"the furnace's time when the alarm entered its state\">Since (UTC)</th>")
                .append("<th>Furnace</th><th>Alarm</th><th>Text</th><th>Actions</th>")
                .append("</tr></thead>\n<tbody></tbody>\n</table>\n")
                .append("<div id=\"alarm-pager\" class=\"pager\" hidden>")
                .append("<button type=\"button\" data-page=\"previous\">‹ Previous 100</button>")
                .append("<button type=\"button\" data-page=\"next\">Next 100 ›</button></div>\n</div>");
        return html.toString();
    }
}
