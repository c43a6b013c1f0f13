package com.sicfurnace.hmi.web;

import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.login.Authenticator;
import com.sicfurnace.hmi.login.LoginFailure;
import com.sicfurnace.hmi.login.LoginFormTokens;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.session.Session;
import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.user.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Logging in and out. The login form carries its own CSRF token (there is no session yet: {@link LoginFormTokens});
 * a successful login always makes a new session with a new id (whatever session cookie the browser brought is ended:
 * no session fixation), and a logout ends the session on the server, not only in the browser.
 */
public final class LoginPages {
    /** Where a login may send the browser next: a local path, never another site ({@code //host} or a scheme). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.-]*");

    private final Authenticator authenticator;
    private final LoginFormTokens formTokens;
    private final SessionStore sessions;
    private final HmiAudit audit;
    private final Cookies cookies;

    public LoginPages(Authenticator authenticator, LoginFormTokens formTokens, SessionStore sessions, HmiAudit audit,
                      Cookies cookies) {
        this.authenticator = authenticator;
        this.formTokens = formTokens;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/login", Access.PUBLIC, "the login form", this::form),
                new Route(HandlerType.POST, "/login", Access.PUBLIC, "log in", this::login),
                new Route(HandlerType.POST, "/logout", Access.OPERATOR, "log out", this::logout));
    }

    private void form(Context ctx) {
        String message = ctx.queryParam("ended") != null ? "Your session has ended. Please log in again." : "";
        renderForm(ctx, 200, message, "", next(ctx.queryParam("next")));
    }

    private void login(Context ctx) {
        Optional<String> problem = formTokens.problem(ctx.cookie(Cookies.LOGIN), formToken(ctx));
        if (problem.isPresent()) {
            ApiError.send(ctx, 403, "csrf", problem.get());
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String password = ctx.formParam("password");
        String next = next(ctx.formParam("next"));
        Authenticator.Result result = authenticator.login(name, password, ctx.ip());
        if (result instanceof Authenticator.Refused refused) {
            int status = refused.cause() == LoginFailure.THROTTLED ? 429 : 401;
            if (status == 429) {
                ctx.header("Retry-After", Long.toString(refused.retryAfter().toSeconds()));
            }
            renderForm(ctx, status, message(refused), Authenticator.normalize(name), next);
            return;
        }
        User user = ((Authenticator.Success) result).user();
        // whatever session the browser brought ends here: the new one gets an id nobody has seen
        sessions.invalidate(ctx.cookie(Cookies.SESSION));
        Session session = sessions.create(user.name());
        cookies.setSession(ctx, session.id());
        cookies.clearLogin(ctx);
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Caller caller = Caller.required(ctx);
        sessions.invalidate(caller.session().id());
        cookies.clearSession(ctx);
        audit.record(caller.actor(), HmiAction.LOGOUT, "", null, Map.of("client", ctx.ip()), Outcome.DONE,
                "logged out from " + ctx.ip());
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String formToken(Context ctx) {
        String header = ctx.header(Guard.CSRF_HEADER);
        return header != null ? header : ctx.formParam(Guard.CSRF_FIELD);
    }

    /** What the login form says after a refusal; the same words for a wrong password and an unknown user. */
    private static String message(Authenticator.Refused refused) {
        return switch (refused.cause()) {
            case WRONG_PASSWORD, UNKNOWN_USER -> "Wrong user name or password.";
            case DISABLED -> "This user is disabled. Ask an administrator.";
            case THROTTLED -> "Too many failed logins. Try again in " + refused.retryAfter().toSeconds() + " s.";
        };
    }

    static String next(String requested) {
        return requested != null && LOCAL_PATH.matcher(requested).matches() && !requested.startsWith("/login")
                ? requested : "/";
    }

    private void renderForm(Context ctx, int status, String message, String name, String next) {
        LoginFormTokens.Issued issued = formTokens.issue();
        cookies.setLogin(ctx, issued.nonce(), LoginFormTokens.VALID);
        String body = (message.isEmpty() ? "" : "<p class=\"message\" role=\"alert\">" + Html.escape(message)
                + "</p>\n")
                + "<form class=\"panel\" method=\"post\" action=\"/login\">\n"
                + "<input type=\"hidden\" name=\"" + Guard.CSRF_FIELD + "\" value=\"" + Html.escape(issued.token())
                + "\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(next) + "\">\n"
                + "<label for=\"username\">User name</label>\n"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" "
                + "autocapitalize=\"none\" required value=\"" + Html.escape(name) + "\">\n"
                + "<label for=\"password\">Password</label>\n"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" "
                + "required>\n"
                + "<button type=\"submit\">Log in</button>\n"
                + "</form>";
        ctx.status(status).html(Html.page("Log in", Optional.empty(), body));
    }
}
