package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.session.Session;
import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.session.Tokens;
import com.sicfurnace.hmi.user.User;
import com.sicfurnace.hmi.user.UserStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;
import io.javalin.security.Roles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's check of every matched request, before its handler runs, in this order:
 * <ol>
 * <li>the route's declared {@link Access} (a HEAD: its GET's): a route without exactly one is refused (500), never
 * served open;</li>
 * <li>for a state-changing request (POST, PUT, PATCH, DELETE): an {@code Origin} header that is present and not the
 * HMI's own origin, or a {@code Sec-Fetch-Site} of another site, is refused (403);</li>
 * <li>the session from the {@code hmi_session} cookie, alive (idle and age limits) and of a user who still exists and
 * is enabled; the user's role is read now, so a role change applies at the next request;</li>
 * <li>a route that needs a role: without a session, 401 for {@code /api/**} and a redirect to /login for pages; with
 * a role too low, 403 for both;</li>
 * <li>a state-changing request of a session must carry the session's CSRF token in {@code X-CSRF-Token} (or, for an
 * HTML form, the field {@code _csrf}): missing or wrong, 403. The login form has its own token (LoginPages).</li>
 * </ol>
 */
public final class Guard implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final SessionStore sessions;
    private final UserStore users;
    private volatile InternalRouter router;

    public Guard(SessionStore sessions, UserStore users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** Javalin's router, for HEAD requests: the GET route of their path tells what they need. */
    public void attach(Javalin app) {
        this.router = app.unsafe.internalRouter;
    }

    public static boolean stateChanging(HandlerType method) {
        return STATE_CHANGING.contains(method);
    }

    @Override
    public void handle(@NotNull Context ctx) {
        boolean api = Route.isApi(ctx.path());
        Optional<Access> declared = Access.declared(ctx.routeRoles());
        if (declared.isEmpty() && ctx.method() == HandlerType.HEAD) {
            // Javalin answers HEAD for a GET route itself (an empty 200), without the GET's roles: a HEAD needs
            // what the GET of its path needs
            declared = getAccess(ctx.path());
        }
        if (declared.isEmpty()) {
            LOG.error("refused {} {}: its route declares no access (roles {}); every route must", ctx.method(),
                    ctx.path(), ctx.routeRoles());
            refuse(ctx, 500, "internal", "this route declares no access and is refused");
            return;
        }
        boolean changing = stateChanging(ctx.method());
        if (changing) {
            Optional<String> foreign = foreignOrigin(ctx);
            if (foreign.isPresent()) {
                refuse(ctx, 403, "csrf", foreign.get());
                return;
            }
        }
        String cookie = ctx.cookie(Cookies.SESSION);
        Optional<Caller> caller = caller(cookie);
        caller.ifPresent(c -> c.attach(ctx));
        Access access = declared.get();
        if (access == Access.PUBLIC) {
            return;
        }
        if (caller.isEmpty()) {
            if (api || ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                refuse(ctx, 401, "unauthenticated", "no valid session; log in at /login");
            } else {
                String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
                ctx.redirect("/login?next=" + next + (cookie == null ? "" : "&ended=1"));
                ctx.skipRemainingHandlers();
            }
            return;
        }
        User user = caller.get().user();
        if (!access.permits(user.role())) {
            String reason = "needs role " + access.least().orElseThrow().text() + "; " + user.name() + " is "
                    + user.role().text();
            if (api) {
                refuse(ctx, 403, "forbidden", reason);
            } else {
                ctx.status(403).html(Html.forbidden(caller.get(), reason));
                ctx.skipRemainingHandlers();
            }
            return;
        }
        if (changing) {
            Optional<String> csrf = csrfProblem(ctx, caller.get().session());
            if (csrf.isPresent()) {
                refuse(ctx, 403, "csrf", csrf.get());
            }
        }
    }

    /**
     * The check of a WebSocket upgrade to a route that needs {@code access}: from this HMI's own pages (Origin), with
     * a valid session whose user holds the role. Refused upgrades get 401 or 403 and no socket.
     */
    public Handler upgrade(Access access) {
        return ctx -> {
            String origin = ctx.header("Origin");
            String own = ctx.scheme().replace("ws", "http") + "://" + ctx.host();
            if (origin != null && !origin.equalsIgnoreCase(own)) {
                refuse(ctx, 403, "csrf", "foreign origin '" + origin + "' (this HMI is " + own + ")");
                return;
            }
            Optional<Caller> caller = caller(ctx.cookie(Cookies.SESSION));
            if (caller.isEmpty()) {
                refuse(ctx, 401, "unauthenticated", "no valid session; log in at /login");
            } else if (!access.permits(caller.get().user().role())) {
                refuse(ctx, 403, "forbidden", "needs role " + access.least().orElseThrow().text());
            } else {
                caller.get().attach(ctx);
            }
        };
    }

    /**
     * Whether a connection opened with this session cookie may stay open: the session alive (this look does not keep
     * it alive), its user still there, enabled and holding the role.
     */
    public boolean mayKeep(String sessionCookie, Access access) {
        return sessions.peek(sessionCookie).flatMap(s -> users.find(s.user())).filter(User::enabled)
                .map(u -> access.permits(u.role())).orElse(false);
    }

    private Optional<Access> getAccess(String path) {
        InternalRouter current = router;
        if (current == null) {
            return Optional.empty();
        }
        return current.findHttpHandlerEntries(HandlerType.GET, path).stream().findFirst()
                .map(parsed -> parsed.endpoint.metadata(Roles.class))
                .flatMap(roles -> Access.declared(roles.getRoles()));
    }

    private Optional<Caller> caller(String cookie) {
        Optional<Session> session = sessions.use(cookie);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.find(session.get().user()).filter(User::enabled);
        if (user.isEmpty()) {
            // the user was removed or disabled since the login: the session is over
            sessions.invalidate(session.get().id());
            return Optional.empty();
        }
        return Optional.of(new Caller(session.get(), user.get()));
    }

    /**
     * Why a state-changing request comes from another site, if it does. Browsers send {@code Origin} with every
     * POST, PUT, PATCH and DELETE; scripts cannot forge it. Its absence (a non-browser client) is let through: the
     * CSRF token still applies.
     */
    static Optional<String> foreignOrigin(Context ctx) {
        String own = ctx.scheme() + "://" + ctx.host();
        String origin = ctx.header("Origin");
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT))) {
            return Optional.of("foreign origin '" + origin + "' (this HMI is " + own + ")");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
            return Optional.of("request from another site (Sec-Fetch-Site: " + site + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> csrfProblem(Context ctx, Session session) {
        String token = ctx.header(CSRF_HEADER);
        if (token == null && ctx.isFormUrlencoded()) {
            token = ctx.formParam(CSRF_FIELD);
        }
        if (token == null || token.isEmpty()) {
            return Optional.of("missing CSRF token (header " + CSRF_HEADER + ")");
        }
        if (!Tokens.same(session.csrfToken(), token)) {
            return Optional.of("wrong CSRF token (header " + CSRF_HEADER + ")");
        }
        return Optional.empty();
    }

    private static void refuse(Context ctx, int status, String error, String reason) {
        ApiError.send(ctx, status, error, reason);
        ctx.skipRemainingHandlers();
    }
}
