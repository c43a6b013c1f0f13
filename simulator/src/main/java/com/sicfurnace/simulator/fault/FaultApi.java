package com.sicfurnace.simulator.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's fault-injection interface over HTTP (loopback by default):
 * <pre>
 *   POST /faults   {"fault": "pyrometer-break", "target": "top", "active": true}   -> 200 {"applied": ...}
 *   GET  /faults   -> 200 the names and parameters FaultInjector accepts
 * </pre>
 * A malformed or refused command answers 400 with a message that names what is wrong.
 */
public final class FaultApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultInjector injector;

    public FaultApi(InetSocketAddress address, FaultInjector injector) throws IOException {
        this.injector = injector;
        this.server = HttpServer.create(address, 16);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fault-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/faults", this::handle);
        server.start();
        LOG.info("fault API listening on http://{}:{}/faults", address.getHostString(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, Map.of("faults", FaultInjector.NAMES));
                case "POST" -> post(exchange);
                default -> respond(exchange, 405, Map.of("error", "use GET or POST on /faults"));
            }
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                respond(exchange, 413, Map.of("error", "body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            body = JSON.readValue(bytes, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                    Object.class));
        } catch (JsonProcessingException e) {
            respond(exchange, 400, Map.of("error", "body is not a JSON object: " + e.getOriginalMessage()));
            return;
        }
        Object fault = body.remove("fault");
        if (!(fault instanceof String name)) {
            respond(exchange, 400, Map.of("error", "the JSON object needs a text field 'fault'"));
            return;
        }
        FaultCommand command = new FaultCommand(name, body);
        try {
            injector.apply(command);
            respond(exchange, 200, Map.of("applied", name, "parameters", command.parameters()));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("fault {} failed: {}", name, e.toString(), e);
            respond(exchange, 500, Map.of("error", "fault '" + name + "' failed: " + e.getMessage()));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
