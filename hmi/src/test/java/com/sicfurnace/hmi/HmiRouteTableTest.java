package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.session.Tokens;
import com.sicfurnace.hmi.user.UserStore;
import com.sicfurnace.hmi.web.Access;
import com.sicfurnace.hmi.web.Guard;
import com.sicfurnace.hmi.web.Route;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route Javalin serves declares the least role it needs, through the route table and nowhere else. */
class HmiRouteTableTest {
    @TempDir
    Path dir;

    @Test
    void everyJavalinRouteDeclaresExactlyOneAccessAndComesFromTheRouteTable() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            List<Endpoint> all = endpoints(hmi.server.web().javalin());
            // the filters (security headers, the guard) run for every path, and the guard's check before every
            // WebSocket upgrade of the table; everything else is a route
            List<String> filters = new java.util.ArrayList<>(List.of("BEFORE *", "BEFORE_MATCHED *"));
            hmi.server.routes().sockets().forEach(ws -> filters.add("WEBSOCKET_BEFORE_UPGRADE " + ws.path()));
            assertEquals(filters, all.stream().filter(e -> !e.method.isHttpMethod())
                    .map(e -> e.method + " " + e.path).toList());
            hmi.server.routes().sockets().forEach(ws -> assertTrue(ws.access() != Access.PUBLIC, ws.path()));
            List<Endpoint> endpoints = all.stream().filter(e -> e.method.isHttpMethod()).toList();
            assertEquals(List.of(), undeclared(endpoints), "routes without a declared access");
            Set<String> served = new TreeSet<>();
            endpoints.forEach(e -> served.add(e.method + " " + e.path));
            Set<String> table = new TreeSet<>();
            hmi.server.routes().all().forEach(r -> table.add(r.key()));
            assertEquals(table, served, "Javalin serves exactly the route table");
            assertTrue(served.size() >= 13, served.toString());
            for (Route route : hmi.server.routes().all()) {
                boolean mayBePublic = route.path().equals("/login") || route.path().equals("/health");
                assertTrue(route.access() != Access.PUBLIC || mayBePublic, "public: " + route.key());
            }
            System.out.println("route table:");
            hmi.server.routes().all().forEach(r -> System.out.printf("  %-6s %-32s %-8s %s%n", r.method(),
                    r.path(), r.access().name().toLowerCase(), r.purpose()));
        }
    }

    @Test
    void theCheckFindsARouteWithoutAccessOrWithTwo() {
        Javalin bare = Javalin.create(config -> {
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/forgotten", ctx -> ctx.result("open"));
            config.routes.get("/confused", ctx -> ctx.result("?"), Access.PUBLIC, Access.ADMIN);
            config.routes.get("/fine", ctx -> ctx.result("ok"), Access.OPERATOR);
        });
        assertEquals(List.of("GET /forgotten", "GET /confused"), undeclared(endpoints(bare)));
    }

    @Test
    void theGuardRefusesToServeARouteWithoutDeclaredAccess() throws Exception {
        UserStore users = UserStore.open(dir);
        SessionStore sessions = new SessionStore(new MutableClock(TestHmi.START), Duration.ofMinutes(15),
                Duration.ofHours(1), new Tokens(new SecureRandom()));
        Javalin app = Javalin.create(config -> {
            config.startup.startupWatcherEnabled = false;
            config.startup.showJavalinBanner = false;
            config.routes.beforeMatched(new Guard(sessions, users));
            config.routes.get("/forgotten", ctx -> ctx.result("served"));
            config.routes.get("/declared", ctx -> ctx.result("served"), Access.PUBLIC);
        }).start("127.0.0.1", 0);
        try {
            Browser browser = new Browser(URI.create("http://127.0.0.1:" + app.port()));
            Browser.Response forgotten = browser.get("/forgotten");
            assertEquals(500, forgotten.status());
            assertEquals("{\"error\":\"internal\",\"reason\":\"this route declares no access and is refused\"}",
                    forgotten.body());
            assertEquals("served", browser.get("/declared").body());
        } finally {
            app.stop();
        }
    }

    private static List<Endpoint> endpoints(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint).toList();
    }

    /** The endpoints whose route roles are not exactly one {@link Access}. */
    private static List<String> undeclared(List<Endpoint> endpoints) {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Roles roles = endpoint.metadata(Roles.class);
            if (roles == null || Access.declared(roles.getRoles()).isEmpty()) {
                problems.add(endpoint.method + " " + endpoint.path);
            }
        }
        return problems;
    }
}
