package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.session.Session;
import com.sicfurnace.hmi.user.Actor;
import com.sicfurnace.hmi.user.User;
import io.javalin.http.Context;
import java.util.Optional;

/** The logged-in user of a request, with their session, as {@link Guard} found them. */
public record Caller(Session session, User user) {
    private static final String ATTRIBUTE = "hmi.caller";

    public Actor actor() {
        return new Actor(user.name(), user.role());
    }

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller of a route that needs a session; Guard has let no request without one through to it. */
    public static Caller required(Context ctx) {
        return of(ctx).orElseThrow(() -> new IllegalStateException("no caller on a route that needs a session: "
                + ctx.method() + " " + ctx.path()));
    }
}
