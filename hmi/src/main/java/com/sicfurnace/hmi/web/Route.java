package com.sicfurnace.hmi.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One entry of the route table: method, path (Javalin's syntax, {@code {name}} for a path parameter), the access it
 * needs, and what it is for (shown by the route table's test when a route is missing its declaration).
 */
public record Route(HandlerType method, String path, Access access, String purpose, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(handler, "handler");
    }

    /** An API route answers in JSON and with 401 without a session; every other route is a page (or a form post). */
    public boolean api() {
        return isApi(path);
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    public String key() {
        return method + " " + path;
    }
}
