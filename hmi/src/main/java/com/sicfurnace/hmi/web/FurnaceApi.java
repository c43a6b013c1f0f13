package com.sicfurnace.hmi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.hmi.furnace.Fleet;
import com.sicfurnace.hmi.furnace.FurnaceLink;
import com.sicfurnace.hmi.furnace.LiveRelay;
import com.sicfurnace.hmi.recipe.RecipeStore;
import com.sicfurnace.hmi.recipe.RecipeVersion;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.user.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The furnaces, for the screens: the fleet with each link's state, each furnace's live data over WebSocket
 * ({@link LiveRelay}), its controller's facts (the furnace type), catalogue, history, events, alarms, recipes,
 * audit trail and run history (each run's report, trend and audit records) passed through (the audit trail and the
 * loops' tuning to engineers only), and commands sent with the logged-in user's name and role (whatever the browser
 * claims); the controller's engineering commands only by engineers and admins (403 otherwise). A command while the
 * controller cannot be reached is refused on the spot (503), never kept for later.
 */
public final class FurnaceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/furnaces";
    private static final Access LIVE_ACCESS = Access.OPERATOR;
    /**
     * The controller's engineering commands (it refuses them to operators too): refused here already, so that an
     * operator's page learns it without a round trip and the controller's trail holds no operator's try.
     */
    static final Set<String> ENGINEERING = Set.of("bypass", "tune", "override_setpoint", "start_auto_tune",
            "accept_tuning", "reject_tuning");
    /** The ids of the controller's run history: its reports' directory names. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private final Fleet fleet;
    private final LiveRelay relay;
    private final RecipeStore recipes;

    /**
     * @param guard   decides whether a browser's live connection may stay open as its session ages
     * @param recipes where a recipe version to load comes from: only an approved one is sent
     */
    public FurnaceApi(Fleet fleet, Guard guard, RecipeStore recipes) {
        this.fleet = fleet;
        this.recipes = recipes;
        this.relay = new LiveRelay(fleet, ws -> {
            String session = ws.cookie(Cookies.SESSION);
            return () -> guard.mayKeep(session, LIVE_ACCESS);
        });
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(HandlerType.GET, BASE, Access.OPERATOR, "the fleet: every furnace's link and state",
                this::fleet));
        for (String what : List.of("controller", "signals", "history", "events", "alarms", "recipes")) {
            routes.add(new Route(HandlerType.GET, BASE + "/{furnace}/" + what, Access.OPERATOR,
                    "a furnace's " + what + ", from its controller", ctx -> pass(ctx, what)));
        }
        routes.add(new Route(HandlerType.GET, BASE + "/{furnace}/audit", Access.ENGINEER,
                "a furnace's audit trail, from its controller", ctx -> pass(ctx, "audit")));
        routes.add(new Route(HandlerType.GET, BASE + "/{furnace}/loops", Access.ENGINEER,
                "a furnace's loop tuning and relay auto-tune, from its controller", ctx -> pass(ctx, "loops")));
        routes.add(new Route(HandlerType.GET, BASE + "/{furnace}/runs", Access.OPERATOR,
                "a furnace's run history, from its controller", ctx -> pass(ctx, "runs")));
        // a run's report, its trend and its audit records: the record of one boule, which its operators read too
        for (String part : List.of("", "/trend", "/audit")) {
            routes.add(new Route(HandlerType.GET, BASE + "/{furnace}/runs/{id}" + part, Access.OPERATOR,
                    "a run's report" + (part.isEmpty() ? "" : " " + part.substring(1)) + ", from its controller",
                    ctx -> passRun(ctx, part)));
        }
        routes.add(new Route(HandlerType.POST, BASE + "/{furnace}/commands", Access.OPERATOR,
                "a command to a furnace, as the logged-in user", this::command));
        return routes;
    }

    public RouteTable.WsRoute live() {
        return new RouteTable.WsRoute("/live/{furnace}", LIVE_ACCESS, "a furnace's live data", relay::configure);
    }

    private void fleet(Context ctx) {
        ArrayNode list = JSON.createArrayNode();
        for (FurnaceLink link : fleet.links()) {
            FurnaceLink.State state = link.state();
            ObjectNode o = list.addObject();
            o.put("name", link.name());
            o.put("connected", state.connected());
            o.put("since", state.since().toString());
            state.lastHeard().ifPresent(t -> o.put("last_heard", t.toString()));
            state.problem().ifPresent(p -> o.put("problem", p));
            state.snapshot().ifPresent(s -> o.set("snapshot", s));
        }
        ctx.contentType("application/json").result(list.toString());
    }

    private FurnaceLink link(Context ctx) {
        String name = ctx.pathParam("furnace");
        return fleet.link(name).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no furnace named " + name));
    }

    /** A request of one run, whose id must be one the controller could have given (else 400 here). */
    private void passRun(Context ctx, String part) throws IOException, InterruptedException {
        String id = ctx.pathParam("id");
        if (!RUN_ID.matcher(id).matches()) {
            ApiError.send(ctx, 400, "invalid", "run id: '" + id + "' is no run's id (letters, digits, . _ -)");
            return;
        }
        pass(ctx, "runs/" + id + part);
    }

    private void pass(Context ctx, String what) throws IOException, InterruptedException {
        FurnaceLink link = link(ctx);
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        try {
            relay(ctx, link.get("/api/v1/" + what + query), link);
        } catch (IOException e) {
            ApiError.send(ctx, 502, "unreachable", "the controller of " + link.name() + " did not answer: "
                    + e.getMessage());
        }
    }

    private void command(Context ctx) throws IOException, InterruptedException {
        FurnaceLink link = link(ctx);
        Caller caller = Caller.required(ctx);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            ApiError.send(ctx, 400, "malformed", "the body is not JSON: " + e.getMessage());
            return;
        }
        if (!(body instanceof ObjectNode command)) {
            ApiError.send(ctx, 400, "malformed", "the body is a JSON object: {\"command\": ..., \"reason\": ...}");
            return;
        }
        String action = command.path("command").asText("");
        if (ENGINEERING.contains(action) && !caller.user().role().includes(Role.ENGINEER)) {
            ApiError.send(ctx, 403, "forbidden", "field command: " + action + " is for engineers and admins; "
                    + caller.user().name() + " is " + caller.user().role().text());
            return;
        }
        // who asks is the session's user, never what the page says
        command.put("user", caller.user().name());
        command.put("role", caller.user().role().text());
        if (command.has("yaml")) {
            ApiError.send(ctx, 400, "invalid", "field yaml: a recipe's text is never taken from the page; load a "
                    + "version of the recipe store by store_recipe and version");
            return;
        }
        if (command.has("store_recipe")) {
            withApprovedVersion(command);
        } else if ("load_recipe".equals(command.path("command").asText())
                && !caller.user().role().includes(Role.ENGINEER)) {
            // the controller's file library is for commissioning; production runs approved versions
            ApiError.send(ctx, 403, "approved_versions_only", "an operator loads approved versions of the recipe "
                    + "store only (store_recipe and version), not files of the controller's library");
            return;
        }
        try {
            relay(ctx, link.post("/api/v1/commands", command.toString()), link);
        } catch (FurnaceLink.NotConnected e) {
            ApiError.send(ctx, 503, "not_connected", e.getMessage());
        } catch (IOException e) {
            ApiError.send(ctx, 502, "unreachable", "the controller of " + link.name() + " did not answer; the "
                    + "command may or may not have been applied: look at the furnace's events. " + e.getMessage());
        }
    }

    /**
     * Puts the text and SHA-256 of the store's version named by {@code store_recipe} and {@code version} into the
     * command, once the store says it is approved: nothing else is ever loaded from the store.
     */
    private void withApprovedVersion(ObjectNode command) throws IOException {
        String name = command.path("store_recipe").asText();
        int number = command.path("version").asInt(0);
        RecipeVersion version = recipes.version(name, number).orElseThrow(() -> new Refused(404,
                "unknown_version", "recipe '" + name + "' of the store has no version " + command.path("version")));
        if (recipes.approval(name, number).isEmpty()) {
            throw new Refused(409, "not_approved", "version " + number + " of '" + name + "' is not approved "
                    + "for production: only approved versions are loaded");
        }
        command.put("yaml", version.yaml());
        command.put("sha256", version.sha256());
    }

    /**
     * The controller's answer as it is, but for a refusal of the HMI's own service token: passed on as 401 or 403 it
     * would read as the browser's session ending (and send the operator to the login page, again and again).
     */
    private static void relay(Context ctx, HttpResponse<String> response, FurnaceLink link) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            ApiError.send(ctx, 502, "controller_refused_hmi", "the controller of " + link.name() + " refused the "
                    + "HMI's service token (" + status + "): check the HMI's token_file for it");
            return;
        }
        ctx.status(status).contentType("application/json").result(response.body());
    }

    /** Browsers with a live connection now. */
    public int browsers() {
        return relay.browsers();
    }
}
