package com.sicfurnace.hmi.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.jetbrains.annotations.NotNull;

/**
 * Headers on every answer, static files and errors included: a Content-Security-Policy that lets only the HMI's own
 * scripts, styles and connections run (no inline code: an injected script has nowhere to run), no framing
 * (clickjacking), no MIME sniffing, no referrer to other sites; pages and API answers are not cached, since they
 * show one user's session.
 */
public final class SecurityHeaders implements Handler {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(@NotNull Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // not no-referrer: under it a browser sends "Origin: null" with every POST of the HMI's own pages (Fetch
        // standard, "serializing a request origin"), and the guard refuses those as foreign
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
