package com.sicfurnace.hmi.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal in JSON: {@code {"error": "csrf", "reason": "missing CSRF token (header X-CSRF-Token)"}}. */
public final class ApiError {
    private ApiError() {
    }

    public static void send(Context ctx, int status, String error, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("reason", reason);
        ctx.status(status).json(body);
    }
}
