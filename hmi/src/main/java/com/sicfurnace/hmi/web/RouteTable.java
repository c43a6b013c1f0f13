package com.sicfurnace.hmi.web;

import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConfig;
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
    private final Map<String, WsRoute> sockets = new LinkedHashMap<>();

    /** A WebSocket route: its path, the access its upgrade needs (checked by {@link Guard#upgrade}), its handlers. */
    public record WsRoute(String path, Access access, String purpose, java.util.function.Consumer<WsConfig> handler) {
    }

    public RouteTable addWs(WsRoute route) {
        if (sockets.putIfAbsent(route.path(), route) != null) {
            throw new IllegalArgumentException("WebSocket route declared twice: " + route.path());
        }
        return this;
    }

    public List<WsRoute> sockets() {
        return new ArrayList<>(sockets.values());
    }

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

    public void register(RoutesConfig config, Guard guard) {
        for (Route route : routes.values()) {
            config.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
        }
        for (WsRoute socket : sockets.values()) {
            config.wsBeforeUpgrade(socket.path(), guard.upgrade(socket.access()));
            config.ws(socket.path(), socket.handler(), socket.access());
        }
    }
}
