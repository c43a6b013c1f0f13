package com.sicfurnace.hmi.web;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The HMI's cookies, written as Set-Cookie headers by hand so that every attribute is the one intended: HttpOnly
 * (scripts cannot read them), SameSite=Strict (browsers do not send them with requests from other sites), Secure when
 * served over HTTPS.
 */
public final class Cookies {
    /** The session id. No Max-Age: the browser drops it when it closes; the server enforces the session's limits. */
    public static final String SESSION = "hmi_session";
    /** The login form's nonce, only sent back to /login, for the form's lifetime. */
    public static final String LOGIN = "hmi_login";

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public void setSession(Context ctx, String id) {
        ctx.res().addHeader("Set-Cookie", SESSION + "=" + id + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    public void clearSession(Context ctx) {
        ctx.res().addHeader("Set-Cookie", SESSION + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    public void setLogin(Context ctx, String nonce, Duration valid) {
        ctx.res().addHeader("Set-Cookie", LOGIN + "=" + nonce + "; Path=/login; Max-Age=" + valid.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    public void clearLogin(Context ctx) {
        ctx.res().addHeader("Set-Cookie", LOGIN + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }
}
