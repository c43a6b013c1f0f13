package com.sicfurnace.hmi.web;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route of the HMI in one place, each with the least role it needs. Routes are registered with Javalin only
 * through {@link #register}, which hands Javalin the route's {@link Access} as its one route role; {@link Guard} then
 * enforces it on every request, and a test walks Javalin's own list of endpoints to prove none lacks one.
 */
public final class RouteTable {
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public RouteTable add(Route route) {
        if (routes.putIfAbsent(route.key(), route) != null) {
            throw new IllegalArgumentException("route declared twice: " + route.key());
        }
        return this;
    }

    public RouteTable addAll(List<Route> more) {
        more.forEach(this::add);
        return this;
    }

    public List<Route> all() {
        return new ArrayList<>(routes.values());
    }

    public void register(RoutesConfig config) {
        for (Route route : routes.values()) {
            config.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
        }
    }
}
