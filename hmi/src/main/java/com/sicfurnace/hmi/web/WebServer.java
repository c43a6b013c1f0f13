package com.sicfurnace.hmi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.tls.TlsMaterial;
import com.sicfurnace.hmi.user.Passwords;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMI's Javalin (Jetty 12) server: one connector (HTTP, or HTTPS only), security headers on every answer, the
 * {@link Guard} before every matched route, the route table, static files from the classpath's {@code /public} under
 * {@code /static} (and the WebJars under {@code /static/vendor}), and refusals turned into JSON with their status.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Request bodies are small forms and JSON; anything larger is refused before it is read. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** How long a stop waits for requests under way. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Builds the server (not started): {@code tls} empty for plain HTTP. */
    public static WebServer create(String host, int port, Optional<TlsMaterial> tls, RouteTable routes, Guard guard,
                                   ObjectMapper json) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
            config.jetty.addConnector((server, httpConfig) -> {
                httpConfig.setSendServerVersion(false);
                return tls.isPresent() ? Connectors.https(server, httpConfig, host, port, tls.get())
                        : Connectors.http(server, httpConfig, host, port);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.PUBLIC);
            });
            for (Webjar webjar : Webjar.values()) {
                config.staticFiles.add(files -> {
                    files.hostedPath = webjar.hostedPath();
                    files.directory = webjar.classpathDirectory();
                    files.location = Location.CLASSPATH;
                    files.roles = Set.of(Access.PUBLIC);
                });
            }
            config.routes.before(new SecurityHeaders());
            config.routes.beforeMatched(guard);
            routes.register(config.routes, guard);
            config.routes.exception(Refused.class, (e, ctx) -> {
                if (e.status() == 429) {
                    ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                }
                ApiError.send(ctx, e.status(), e.code(), e.getMessage());
            });
            config.routes.exception(Passwords.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                ApiError.send(ctx, 503, "busy", e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ApiError.send(ctx, 500, "internal", "the HMI failed on this request; see its log");
            });
        });
        guard.attach(app);
        return new WebServer(app);
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port listened on (the one the system chose, for port 0). */
    public int port() {
        return app.port();
    }

    /** Javalin itself, for the route table's test to enumerate the registered endpoints. */
    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
