package com.sicfurnace.hmi.web;

import java.util.List;
import java.util.Optional;

/**
 * The run report's page body: a skeleton that {@code /static/js/runreport.js} fills from the URLs it names in its
 * data attributes, so that any source of a report renders it: a controller's run history (through the furnace API),
 * or a report made elsewhere with the same two documents, a summary (summary.json as written, with an optional
 * {@code id}) and a trend (the controller's {@code /runs/{id}/trend} shape, {@code report.TrendJson}; the columns
 * {@link #TREND_COLUMNS} are enough). The audit records are optional: a report without them shows none. Put
 * {@link #body} into {@link Html#screen} with {@link #STYLES} and {@link #MODULES}.
 */
public final class RunReportPage {
    /** The trend's buckets asked for: about one per 4 furnace minutes of a 141-hour run, finer than any chart. */
    public static final int TREND_WIDTH = 2000;
    /** The trend's columns the charts draw (a furnace without one, a second supply, leaves it out). */
    public static final String TREND_COLUMNS = "seed_sp_c,seed_c,source_sp_c,source_c,pressure_sp_mbar,pressure_mbar,"
            + "ps1_power_sp_kw,ps1_power_kw,ps2_power_sp_kw,ps2_power_kw";
    public static final List<String> STYLES = List.of(Webjar.UPLOT.path("dist/uPlot.min.css"));
    public static final List<String> MODULES = List.of("/static/js/runreport.js");

    private RunReportPage() {
    }

    /**
     * Where one run's report comes from.
     *
     * @param summaryUrl the summary JSON
     * @param trendUrl   the trend JSON
     * @param auditUrl   the run's audit records ({@code entries}, {@code intact}); empty for none
     * @param label      what the run is called on the page (its id)
     */
    public record Source(String summaryUrl, String trendUrl, String auditUrl, String label) {
        public static Source of(String summaryUrl, String trendUrl, String auditUrl, String label) {
            return new Source(summaryUrl, trendUrl, auditUrl, label);
        }
    }

    /** The report of {@code run}, with {@code reference}'s curves and step durations beside it if given. */
    public static String body(Source run, Optional<Source> reference) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<div id=\"run-report\" class=\"run-report\"")
                .append(attribute("summary", run.summaryUrl())).append(attribute("trend", run.trendUrl()))
                .append(attribute("audit", run.auditUrl())).append(attribute("label", run.label()));
        reference.ifPresent(r -> html.append(attribute("reference-summary", r.summaryUrl()))
                .append(attribute("reference-trend", r.trendUrl())).append(attribute("reference-label", r.label())));
        html.append(">\n<div class=\"report-tools\"><button type=\"button\" id=\"print-report\">Print…</button>")
                .append("<span id=\"report-status\" class=\"muted\" role=\"status\">Loading the report…</span>")
                .append("</div>\n")
                .append("<section aria-labelledby=\"h-run\"><h2 id=\"h-run\">Run</h2>")
                .append("<dl id=\"run-facts\" class=\"facts report-facts\"></dl></section>\n")
                .append("<section aria-labelledby=\"h-steps\"><h2 id=\"h-steps\">Steps</h2>")
                .append("<p id=\"parted\" class=\"message\" hidden></p>")
                .append(table("step-table", "#", "Step", "Type", "Duration", "Holdback", "Seed error p99",
                        "Seed error max", "Pressure error p99", "Pressure error max"))
                .append("<p class=\"muted\">Errors: |seed − setpoint| while the seed loop controlled, |p − sp|/sp "
                        + "while the pressure loop controlled; — where it did not.</p></section>\n")
                .append("<section class=\"report-section\" aria-labelledby=\"h-charts\"><h2 id=\"h-charts\">"
                        + "Setpoints and values</h2><div id=\"charts\" class=\"report-charts\"></div>")
                .append("<p class=\"muted\" id=\"chart-note\">Furnace hours from the start of the run (its first "
                        + "step's start; so are the run times below), one point per interval (its last value). Dotted: "
                        + "setpoint; solid: value; dashed grey: the reference run.</p></section>\n")
                .append("<section class=\"report-section\" aria-labelledby=\"h-alarms\"><h2 id=\"h-alarms\">Alarms "
                        + "and trips</h2><dl id=\"alarm-kpis\" class=\"facts report-facts\"></dl>")
                .append("<h3>Trips</h3>").append(table("trip-table", "Run time (h)", "Trip", "Effect", "First out"))
                .append("<h3>Alarms raised</h3>").append(table("alarm-list", "Run time (h)", "Alarm", "Detail"))
                .append("</section>\n")
                .append("<section class=\"report-section\" aria-labelledby=\"h-audit\"><h2 id=\"h-audit\">"
                        + "Interventions</h2><p id=\"audit-state\" class=\"muted\"></p>")
                .append(table("intervention-table", "Time (UTC)", "User", "Role", "Action", "Reason", "Outcome",
                        "Detail"))
                .append("</section>\n")
                .append("<section aria-labelledby=\"h-events\"><h2 id=\"h-events\">Run events</h2>")
                .append(table("event-table", "Run time (h)", "Event", "Detail")).append("</section>\n</div>");
        return html.toString();
    }

    private static String attribute(String name, String value) {
        return value == null || value.isEmpty() ? "" : " data-" + name + "=\"" + Html.escape(value) + "\"";
    }

    private static String table(String id, String... headers) {
        StringBuilder html = new StringBuilder("<table id=\"").append(id).append("\" class=\"report-table\">")
                .append("<thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        return html.append("</tr></thead><tbody></tbody></table>").toString();
    }
}
