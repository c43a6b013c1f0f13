package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.furnace.Fleet;
import com.sicfurnace.hmi.furnace.FurnaceLink;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * The engineer's Tuning screens: {@code /tuning} lists the furnaces, {@code /furnace/{furnace}/tuning} shows one
 * furnace's loops (gains in force against the profile's and the range allowed, the gain schedule, the live response)
 * with the forms that change them: new gains, and the seed loop's relay auto-tune with its proposal to accept or
 * reject. The skeleton is filled by {@code tuning.js}; every change goes through the furnace's commands route, as the
 * logged-in engineer, and the controller audits it with the values before and after.
 */
public final class TuningPages {
    private static final String UPLOT_CSS = Webjar.UPLOT.path("dist/uPlot.min.css");

    private final Fleet fleet;

    public TuningPages(Fleet fleet) {
        this.fleet = fleet;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/tuning", Access.ENGINEER, "Tuning screen: the furnaces whose loops "
                        + "an engineer may tune", this::list),
                new Route(HandlerType.GET, "/furnace/{furnace}/tuning", Access.ENGINEER,
                        "a furnace's loop tuning and relay auto-tune", this::furnace));
    }

    private void list(Context ctx) {
        StringBuilder body = new StringBuilder("<p class=\"muted\">Choose a furnace to see its loops' gains, gain "
                + "schedule and live response, to change gains and to run the relay auto-tune.</p>\n"
                + "<ul class=\"screens\" id=\"tuning-furnaces\">\n");
        for (FurnaceLink link : fleet.links()) {
            String f = Html.escape(link.name());
            body.append("<li><a href=\"/furnace/").append(f).append("/tuning\">").append(f).append("</a></li>\n");
        }
        body.append("</ul>");
        ctx.html(Html.screen("Tuning", Caller.required(ctx), Optional.empty(),
                "<a href=\"/fleet\">Fleet</a> › <span>Tuning</span>", body.toString(), List.of(), List.of()));
    }

    private void furnace(Context ctx) {
        String name = ctx.pathParam("furnace");
        if (fleet.link(name).isEmpty()) {
            ctx.status(404).html(Html.page("No such furnace", Caller.of(ctx), "<p class=\"message\">This HMI knows "
                    + "no furnace named " + Html.escape(name) + ".</p>\n<p><a href=\"/tuning\">Tuning</a></p>"));
            return;
        }
        String f = Html.escape(name);
        String trail = "<a href=\"/fleet\">Fleet</a> › <a href=\"/furnace/" + f + "\">" + f + "</a> › "
                + "<a href=\"/tuning\">Tuning</a> › <span>" + f + "</span>";
        ctx.html(Html.screen("Tuning " + name, Caller.required(ctx), Optional.of(name), trail, body(f),
                List.of(UPLOT_CSS), List.of("/static/js/tuning.js")));
    }

    private static String body(String f) {
        return "<div id=\"tuning\" class=\"tuning\" data-furnace=\"" + f + "\">\n"
                + "<p id=\"tuning-status\" class=\"muted\" role=\"status\">Asking the controller for its loops…</p>\n"
                + "<section class=\"panel\" aria-labelledby=\"loops-h\"><h2 id=\"loops-h\">Loops</h2>\n"
                + "<p class=\"muted\">Gains at the gain schedule's reference temperature, as the profile writes "
                + "them; the schedule multiplies kp by the gain scale and ti, td by the time scale at the seed "
                + "setpoint (effective).</p>\n"
                + "<table id=\"loops\" class=\"loops\"><thead><tr><th>Loop</th><th>kp</th><th>ti (s)</th>"
                + "<th>td (s)</th><th>Profile kp / ti / td</th><th>Allowed kp</th><th>Allowed ti (s)</th>"
                + "<th>Gain scale</th><th>Time scale</th><th>Effective kp / ti</th><th></th></tr></thead>"
                + "<tbody></tbody></table>\n"
                + "<p id=\"schedule\" class=\"muted\"></p>\n</section>\n"
                + "<section class=\"panel\" aria-labelledby=\"response-h\"><h2 id=\"response-h\">Live response: "
                + "seed loop</h2>\n<div id=\"response-chart\" class=\"chart\"></div>\n"
                + "<p class=\"muted\">Seed temperature and its setpoint (°C, left), heater power demanded (kW, "
                + "right), since this page opened.</p>\n</section>\n"
                + "<section class=\"panel\" aria-labelledby=\"gains-h\" id=\"gains-panel\" hidden>"
                + "<h2 id=\"gains-h\">Change gains</h2>\n"
                + "<form id=\"gains-form\" class=\"gains-form\">"
                + "<label>Loop <select name=\"loop\" id=\"gains-loop\"></select></label>"
                + "<label>kp <input name=\"kp\" id=\"gains-kp\" type=\"number\" step=\"any\" required></label>"
                + "<label>ti (s) <input name=\"ti_s\" id=\"gains-ti\" type=\"number\" step=\"any\" required></label>"
                + "<label>td (s) <input name=\"td_s\" id=\"gains-td\" type=\"number\" step=\"any\" min=\"0\" "
                + "required></label>"
                + "<button type=\"submit\" id=\"gains-send\">Change gains…</button></form>\n"
                + "<p id=\"gains-range\" class=\"muted\"></p>\n</section>\n"
                + "<section class=\"panel\" aria-labelledby=\"autotune-h\"><h2 id=\"autotune-h\">Relay auto-tune "
                + "(seed loop)</h2>\n"
                + "<p class=\"muted\">Only in a soak with the seed loop in closed-loop control. The loop's output is "
                + "replaced by a relay of ± amplitude around the output it stands at; leaving the band, a hold, a "
                + "trip, a step or setpoint change, or the time limit aborts the test and the loop takes over "
                + "again, bumpless, with its gains. The proposal (Tyreus–Luyben PI) is for the reference gains: "
                + "divided by the schedule's scales at the test's setpoint.</p>\n"
                + "<form id=\"autotune-form\" class=\"gains-form\">"
                + "<label>Amplitude (kW) <input id=\"autotune-amplitude\" type=\"number\" step=\"any\" min=\"0\" "
                + "value=\"1\" required></label>"
                + "<label>Band (± K) <input id=\"autotune-band\" type=\"number\" step=\"any\" min=\"1\" max=\"25\" "
                + "value=\"10\" required></label>"
                + "<label>Hysteresis (K) <input id=\"autotune-hysteresis\" type=\"number\" step=\"any\" min=\"0\" "
                + "value=\"0.5\" required></label>"
                + "<label>Cycles <input id=\"autotune-cycles\" type=\"number\" step=\"1\" min=\"2\" max=\"10\" "
                + "value=\"3\" required></label>"
                + "<label>Max time (min) <input id=\"autotune-max\" type=\"number\" step=\"any\" min=\"1\" "
                + "value=\"120\" required></label>"
                + "<button type=\"submit\" id=\"autotune-start\">Start relay test…</button>"
                + "<button type=\"button\" id=\"autotune-abort\">Abort relay test…</button></form>\n"
                + "<dl class=\"facts\" id=\"autotune-status\"><dt>State</dt><dd id=\"autotune-state\">—</dd>"
                + "<dt>Progress</dt><dd id=\"autotune-progress\">—</dd>"
                + "<dt>Detail</dt><dd id=\"autotune-detail\">—</dd></dl>\n"
                + "<div id=\"proposal\" hidden><h3>Proposal</h3>"
                + "<table class=\"loops\" id=\"proposal-table\"><thead><tr><th></th><th>kp</th><th>ti (s)</th>"
                + "<th>td (s)</th></tr></thead><tbody></tbody></table>"
                + "<p id=\"proposal-measured\" class=\"muted\"></p>"
                + "<button type=\"button\" id=\"proposal-accept\">Accept proposal…</button>"
                + "<button type=\"button\" id=\"proposal-reject\">Reject proposal…</button></div>\n"
                + "</section>\n</div>";
    }
}
