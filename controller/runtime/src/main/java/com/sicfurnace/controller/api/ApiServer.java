package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.audit.AuditIndex;
import com.sicfurnace.controller.audit.AuditJson;
import com.sicfurnace.controller.audit.AuditQuery;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.SignalSpec;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's northbound API, {@code /api/v1}: a thin adapter over the core's snapshot feed, event stream and
 * command queue (the core itself stays pure). Every call needs the HMI's service token; beyond loopback it is served
 * over HTTPS only. Its routes are {@link #ROUTES}, documented in {@code openapi.yaml} (served as
 * {@code /api/v1/openapi.json}); a test holds the two equal.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "/api/v1";
    /** Every route, as {@code METHOD path}; WS is the WebSocket upgrade. */
    static final List<String> ROUTES = List.of("GET /api/v1/openapi.json", "GET /api/v1/controller",
            "GET /api/v1/signals", "GET /api/v1/snapshot", "WS /api/v1/stream", "GET /api/v1/history",
            "GET /api/v1/alarms", "GET /api/v1/events", "GET /api/v1/audit", "GET /api/v1/recipes",
            "GET /api/v1/loops", "POST /api/v1/commands", "GET /api/v1/runs", "GET /api/v1/runs/{id}",
            "GET /api/v1/runs/{id}/trend", "GET /api/v1/runs/{id}/audit");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_EVENTS = 1000;

    private final ControllerFacts facts;
    private final ScanFeed feed;
    private final Catalogue catalogue;
    private final AlarmLimits alarmLimits;
    private final SnapshotJson snapshots;
    private final HistoryRecorder history;
    private final LiveStream stream;
    private final CommandDesk commands;
    private final AuditIndex audit;
    private final RunReports runs;
    private final ServiceToken token;
    private final byte[] openApi;
    private final Javalin app;
    private final boolean tls;
    /** The recipe the run will follow: the one it started with, or one an operator loaded before the start. */
    private volatile LoadedRecipe loaded;

    private ApiServer(ApiSettings settings, ControllerFacts facts, ScanFeed feed, CommandQueue queue,
                      long streamPeriodMillis) {
        this.facts = facts;
        this.loaded = new LoadedRecipe(facts.recipe(), facts.recipeFile(), facts.recipeSha256());
        this.feed = feed;
        this.catalogue = Catalogue.of(facts.signals());
        this.alarmLimits = new AlarmLimits(facts.processAlarms());
        this.snapshots = new SnapshotJson(catalogue);
        this.token = ServiceToken.of(settings.tokenFile());
        this.openApi = openApiJson();
        this.history = new HistoryRecorder(catalogue.items().stream()
                .filter(i -> i.type() != CatalogueItem.Type.TEXT).toList());
        feed.listen(history);
        this.stream = new LiveStream(feed, snapshots, streamPeriodMillis);
        this.commands = new CommandDesk(queue, feed.events(), COMMAND_TIMEOUT);
        this.audit = AuditIndex.of(facts.auditDir()).warmingUp();
        this.runs = new RunReports(facts.reportDir(), facts.auditDir());
        this.tls = settings.tls();
        this.app = Javalin.create(config -> configure(config, settings));
    }

    /**
     * Starts the API on the scan feed and command queue of a running controller.
     *
     * @param streamPeriodMillis the least wall time between two stream messages (the scan period at real speed)
     */
    public static ApiServer start(ApiSettings settings, ControllerFacts facts, ScanFeed feed, CommandQueue queue,
                                  long streamPeriodMillis) {
        ApiServer server = new ApiServer(settings, facts, feed, queue, streamPeriodMillis);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("api: cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("api: {}://{}:{}{} (service token in {})", server.tls ? "https" : "http", settings.bind(),
                server.port(), BASE, settings.tokenFile());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Waits until the history holds every furnace second handed to it so far. */
    void drainHistory() throws InterruptedException {
        history.drain(5000);
    }

    private void configure(JavalinConfig config, ApiSettings settings) {
        config.startup.showJavalinBanner = false;
        if (settings.tls()) {
            config.jetty.addConnector((server, http) -> {
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false); // clients may reach it by address; the certificate names the host
                http.addCustomizer(secure);
                ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(
                        ApiTls.contextFactory(settings), HttpVersion.HTTP_1_1.asString()),
                        new HttpConnectionFactory(http));
                connector.setHost(settings.bind());
                connector.setPort(settings.port());
                return connector;
            });
        } else {
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
        }
        config.routes.before(BASE + "/*", this::authenticate);
        config.routes.wsBeforeUpgrade(BASE + "/stream", this::authenticate);
        config.routes.get(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        config.routes.get(BASE + "/controller", ctx -> json(ctx, controller()));
        config.routes.get(BASE + "/signals", ctx -> json(ctx, signals()));
        config.routes.get(BASE + "/snapshot", ctx -> json(ctx, snapshots.full(latest())));
        config.routes.ws(BASE + "/stream", ws -> {
            ws.onConnect(stream::connected);
            ws.onClose(stream::closed);
            ws.onError(stream::closed);
        });
        config.routes.get(BASE + "/history", this::history);
        config.routes.get(BASE + "/alarms", ctx -> json(ctx, SnapshotJson.alarms(latest().alarmBoard())));
        config.routes.get(BASE + "/events", this::events);
        config.routes.get(BASE + "/audit", this::audit);
        config.routes.get(BASE + "/recipes", ctx -> json(ctx, recipes()));
        config.routes.get(BASE + "/loops", ctx -> json(ctx, loops()));
        config.routes.post(BASE + "/commands", this::command);
        config.routes.get(BASE + "/runs", ctx -> json(ctx, runs.list()));
        config.routes.get(BASE + "/runs/{id}", ctx -> json(ctx, runs.summary(ctx.pathParam("id"))));
        config.routes.get(BASE + "/runs/{id}/trend", ctx -> json(ctx, runs.trend(ctx.pathParam("id"),
                ctx.queryParam("width") == null ? Optional.empty() : Optional.of(integer(ctx, "width", 0)),
                Optional.ofNullable(ctx.queryParam("columns")).map(c -> Arrays.asList(c.split(","))))));
        config.routes.get(BASE + "/runs/{id}/audit", ctx -> json(ctx, runs.audit(ctx.pathParam("id"))));
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                e.getMessage()));
        config.routes.exception(RunReports.NoSuchRun.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND,
                e.getMessage()));
        config.routes.exception(NotScanning.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("api: {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the controller failed to answer: " + e.getMessage());
        });
        config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (ctx.result() == null) {
                error(ctx, HttpStatus.NOT_FOUND, "no such route: " + ctx.method() + " " + ctx.path()
                        + "; see " + BASE + "/openapi.json");
            }
        });
    }

    private void authenticate(Context ctx) {
        if (!token.admits(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"furnace controller\"");
            error(ctx, HttpStatus.UNAUTHORIZED, "the service token is missing or wrong (Authorization: Bearer ...)");
            ctx.skipRemainingHandlers();
        }
    }

    private ScanSnapshot latest() {
        return feed.latest().orElseThrow(() -> new NotScanning("the controller has not completed a scan yet"));
    }

    private ObjectNode controller() {
        ObjectNode o = JSON.createObjectNode();
        o.put("api", "v1");
        o.put("furnace", facts.furnace());
        o.put("variant", facts.variant());
        o.put("run_id", facts.runId());
        LoadedRecipe recipe = loaded;
        o.put("recipe", recipe.recipe().name());
        o.put("recipe_sha256", recipe.sha256());
        o.put("tls", tls);
        o.put("stream_clients", stream.clients());
        o.put("history_seconds_dropped", history.dropped());
        return o;
    }

    private ArrayNode signals() {
        ArrayNode list = JSON.createArrayNode();
        for (CatalogueItem item : catalogue.items()) {
            ObjectNode o = list.addObject();
            o.put("name", item.name());
            o.put("unit", item.unit());
            o.put("type", item.type().name().toLowerCase(Locale.ROOT));
            o.put("group", item.group());
            o.put("description", item.description());
            o.put("measured", item.measured());
            o.put("in_history", item.type() != CatalogueItem.Type.TEXT);
            Optional<SignalSpec> spec = item.signal().flatMap(s -> facts.signals().find(s.ioName()));
            spec.ifPresent(s -> {
                o.put("direction", s.direction().name().toLowerCase(Locale.ROOT));
                o.put("min", s.minimum());
                o.put("max", s.maximum());
                o.put("device", s.device());
            });
            alarmLimits.of(item.name(), item.unit()).ifPresent(limits -> o.set("alarm_limits", limits));
        }
        return list;
    }

    private void history(Context ctx) {
        String values = ctx.queryParam("values");
        if (values == null || values.isBlank()) {
            throw new IllegalArgumentException("query parameter values: name one or more values, comma-separated, "
                    + "from " + BASE + "/signals (those with in_history)");
        }
        Instant to = instant(ctx, "to").orElseGet(() -> latest().time());
        Instant from = instant(ctx, "from").orElse(to.minus(Duration.ofHours(1)));
        int width = integer(ctx, "width", 1000);
        HistoryBuffer.Series s = history.query(Arrays.asList(values.split(",")), from, to, width);
        ObjectNode o = JSON.createObjectNode();
        o.put("from", from.toString());
        o.put("to", to.toString());
        o.put("bucket_s", s.bucketS);
        o.put("resolution_s", s.resolutionS);
        ArrayNode t = o.putArray("t");
        for (int b = 0; b < s.buckets; b++) {
            t.add(s.bucketStart(b));
        }
        ObjectNode series = o.putObject("series");
        for (int k = 0; k < s.names.size(); k++) {
            ObjectNode one = series.putObject(s.names.get(k));
            floats(one.putArray("min"), s.min[k]);
            floats(one.putArray("max"), s.max[k]);
            floats(one.putArray("last"), s.last[k]);
        }
        json(ctx, o);
    }

    private static void floats(ArrayNode into, float[] values) {
        for (float v : values) {
            if (Float.isNaN(v)) {
                into.addNull();
            } else {
                into.add(v);
            }
        }
    }

    private void events(Context ctx) {
        long after = integer(ctx, "after", 0);
        int max = pageSize(ctx);
        EventStream.Batch batch = feed.events().read(after, max);
        ObjectNode o = JSON.createObjectNode();
        o.put("through", batch.through());
        o.put("missed", batch.missed());
        ArrayNode list = o.putArray("events");
        for (FurnaceEvent event : batch.events()) {
            list.add(EventJson.of(event));
        }
        json(ctx, o);
    }

    private void audit(Context ctx) throws IOException {
        AuditQuery query = AuditQuery.parse(ctx::queryParams);
        json(ctx, AuditJson.page(audit.query(query), query));
    }

    private ObjectNode recipes() {
        ObjectNode o = JSON.createObjectNode();
        LoadedRecipe recipe = loaded;
        ObjectNode current = o.putObject("loaded");
        current.put("name", recipe.recipe().name());
        current.put("file", recipe.file().getFileName().toString());
        current.put("sha256", recipe.sha256());
        ArrayNode steps = current.putArray("steps");
        int number = 1;
        for (Step step : recipe.recipe().steps()) {
            steps.addObject().put("number", number++).put("name", step.name()).put("type", step.typeName());
        }
        ArrayNode available = o.putArray("available");
        facts.recipes().ifPresent(library -> library.list().forEach(entry -> {
            ObjectNode e = available.addObject();
            e.put("file", entry.file());
            e.put("name", entry.name());
            e.put("furnace", entry.furnace());
            e.put("sha256", entry.sha256());
            e.put("steps", entry.steps());
            e.put("runnable", entry.runnable());
            e.put("problem", entry.problem());
        }));
        return o;
    }

    /** The loops' tuning after the last scan, with the seed setpoint its schedule's factors are taken at. */
    private ObjectNode loops() {
        ScanSnapshot s = latest();
        ObjectNode o = JSON.createObjectNode();
        o.put("scan", s.scan());
        o.put("time", s.time().toString());
        double seedSpC = s.loops().seedSetpointC();
        if (Double.isNaN(seedSpC)) {
            o.putNull("seed_sp_c");
        } else {
            o.put("seed_sp_c", seedSpC);
        }
        o.setAll(TuningJson.of(s, true));
        return o;
    }

    /** The run follows another recipe, loaded by an operator before the start (the core accepted it). */
    public void recipeLoaded(LoadedRecipe recipe) {
        this.loaded = recipe;
    }

    private void command(Context ctx) throws Exception {
        CommandBody body = CommandBody.parse(parse(ctx.body()), facts.recipes());
        Optional<CommandEvent> verdict = commands.submit(body);
        if (verdict.isEmpty()) {
            error(ctx, HttpStatus.GATEWAY_TIMEOUT, "the controller did not decide within "
                    + COMMAND_TIMEOUT.toSeconds() + " s (a start waits for a scan with every input); look for its "
                    + "outcome in " + BASE + "/events before asking again");
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", verdict.get().seq());
        o.put("time", verdict.get().time().toString());
        EventJson.command(o, verdict.get());
        ctx.status(verdict.get().accepted() ? HttpStatus.OK : HttpStatus.CONFLICT);
        json(ctx, o);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter " + name + ": '" + value + "' is no ISO-8601 time "
                    + "such as 2026-12-06T09:00:00Z", e);
        }
    }

    /** The {@code max} of a paged read: 200 unless asked, at most {@link #MAX_EVENTS}. */
    private static int pageSize(Context ctx) {
        int max = integer(ctx, "max", 200);
        if (max < 1 || max > MAX_EVENTS) {
            throw new IllegalArgumentException("query parameter max: 1.." + MAX_EVENTS + ", not " + max);
        }
        return max;
    }

    private static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + name + ": '" + value + "' is no whole number", e);
        }
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status.getCode());
        o.put("error", message);
        ctx.status(status);
        json(ctx, o);
    }

    private static byte[] openApiJson() {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the controller's jar");
            }
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            return doc.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
    }

    /** No scan yet to answer from. */
    static final class NotScanning extends RuntimeException {
        NotScanning(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        stream.close();
        app.stop();
        history.close();
    }
}
