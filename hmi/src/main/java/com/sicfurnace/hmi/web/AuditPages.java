package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.audit.AuditSources;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * The Audit screen, for engineers: filters (source, user, action, time), each source's chain state, the records
 * newest first with their reason and what they changed, a page at a time, and the selection's CSV export. The
 * skeleton is served here; {@code audit.js} fills it from {@code /api/v1/audit}.
 */
public final class AuditPages {
    private final AuditSources sources;

    public AuditPages(AuditSources sources) {
        this.sources = sources;
    }

    public List<Route> routes() {
        return List.of(new Route(HandlerType.GET, "/audit", Access.ENGINEER,
                "Audit screen: the HMI's and the furnaces' audit trails, filtered, verified, exported", this::page));
    }

    private void page(Context ctx) {
        StringBuilder options = new StringBuilder("<option value=\"all\">all sources</option>");
        for (String name : sources.names()) {
            options.append("<option value=\"").append(Html.escape(name)).append("\">")
                    .append(name.equals(AuditSources.HMI) ? "the HMI" : "furnace " + Html.escape(name))
                    .append("</option>");
        }
        String body = "<div id=\"audit\">\n<form id=\"audit-filters\" class=\"filters\">\n"
                + "<label>Source <select name=\"source\">" + options + "</select></label>\n"
                + "<label>User <select name=\"user\"><option value=\"\">every user</option></select></label>\n"
                + "<label>Action <select name=\"action\"><option value=\"\">every action</option></select></label>\n"
                + "<label>From (UTC) <input type=\"datetime-local\" name=\"from\" step=\"1\"></label>\n"
                + "<label>To (UTC) <input type=\"datetime-local\" name=\"to\" step=\"1\"></label>\n"
                + "<button type=\"submit\">Show</button>\n"
                + "<a id=\"audit-export\" class=\"button\" href=\"/api/v1/audit/export.csv\">Export CSV</a>\n"
                + "</form>\n"
                + "<ul id=\"audit-chains\" class=\"chains\" aria-label=\"chain verification per source\"></ul>\n"
                + "<p id=\"audit-count\" class=\"muted\" role=\"status\"></p>\n"
                + "<table id=\"audit-table\" class=\"audit-table\">\n<thead><tr><th>Time (UTC)</th><th>Source</th>"
                + "<th>User</th><th>Role</th><th>Action</th><th>Reason</th><th>Before → after</th><th>Outcome</th>"
                + "</tr></thead>\n<tbody></tbody>\n</table>\n"
                + "<div id=\"audit-pager\" class=\"pager\">"
                + "<button type=\"button\" data-page=\"newest\" disabled>« Newest</button>"
                + "<button type=\"button\" data-page=\"newer\" disabled>‹ Newer</button>"
                + "<button type=\"button\" data-page=\"older\" disabled>Older ›</button></div>\n</div>";
        ctx.html(Html.screen("Audit", Caller.required(ctx), Optional.empty(),
                "<a href=\"/fleet\">Fleet</a> › <span>Audit</span>", body, List.of(), List.of("/static/js/audit.js")));
    }
}
