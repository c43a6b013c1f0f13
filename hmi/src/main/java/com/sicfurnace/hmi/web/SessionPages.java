package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.session.Session;
import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.user.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session page (who is logged in, in which role, until when, and the screens of that role), the session API, the
 * routes reserved for the screens not built yet, and the health check.
 */
public final class SessionPages {
    private final SessionStore sessions;

    public SessionPages(SessionStore sessions) {
        this.sessions = sessions;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(HandlerType.GET, "/", Access.OPERATOR, "the session page: who, role, screens",
                this::page));
        routes.add(new Route(HandlerType.GET, "/api/v1/session", Access.OPERATOR,
                "the session: user, role, CSRF token, expiry", this::api));
        routes.add(new Route(HandlerType.GET, "/health", Access.PUBLIC, "liveness, no details", SessionPages::health));
        return routes;
    }

    private void page(Context ctx) {
        Caller caller = Caller.required(ctx);
        Session session = caller.session();
        Role role = caller.user().role();
        StringBuilder body = new StringBuilder();
        body.append("<dl class=\"facts\">\n")
                .append("<dt>User</dt><dd id=\"user\">").append(Html.escape(caller.user().name())).append("</dd>\n")
                .append("<dt>Role</dt><dd id=\"role\">").append(Html.escape(role.text())).append("</dd>\n")
                .append("<dt>Logged in</dt><dd>").append(Html.time(session.created())).append("</dd>\n")
                .append("<dt>Ends</dt><dd>after ").append(sessions.idle().toMinutes())
                .append(" min without activity, at the latest ").append(Html.time(session.endsAt(sessions.maxAge())))
                .append("</dd>\n</dl>\n<h2>Screens</h2>\n<ul class=\"screens\">\n");
        for (Screen screen : Screen.forRole(role)) {
            body.append("<li><a href=\"").append(Html.escape(screen.path())).append("\">")
                    .append(Html.escape(screen.name())).append("</a>: ").append(Html.escape(screen.purpose())).append("</li>\n");
        }
        body.append("</ul>\n")
                .append("<h2>Change my password</h2>\n")
                .append("<form class=\"panel\" id=\"own-password\" data-user=\"")
                .append(Html.escape(caller.user().name())).append("\">\n")
                // for password managers and screen readers: whose password this is
                .append("<input type=\"text\" autocomplete=\"username\" hidden value=\"")
                .append(Html.escape(caller.user().name())).append("\">\n")
                .append("<label for=\"current\">Current password</label>\n")
                .append("<input type=\"password\" id=\"current\" autocomplete=\"current-password\" required>\n")
                .append("<label for=\"new\">New password (at least 12 characters)</label>\n")
                .append("<input type=\"password\" id=\"new\" autocomplete=\"new-password\" minlength=\"12\" ")
                .append("required>\n<button type=\"submit\">Change password</button>\n")
                .append("<p class=\"message\" id=\"own-password-result\" hidden></p>\n</form>");
        ctx.html(Html.page("Session", Optional.of(caller), body.toString(), "/static/js/session.js"));
    }

    private void api(Context ctx) {
        Caller caller = Caller.required(ctx);
        Session session = caller.session();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", caller.user().name());
        body.put("role", caller.user().role().text());
        body.put("csrf_token", session.csrfToken());
        body.put("idle_expires", session.idleEndsAt(sessions.idle(), sessions.maxAge()).toString());
        body.put("expires", session.endsAt(sessions.maxAge()).toString());
        body.put("idle_timeout_s", sessions.idle().toSeconds());
        ctx.json(body);
    }

    private static void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

}
