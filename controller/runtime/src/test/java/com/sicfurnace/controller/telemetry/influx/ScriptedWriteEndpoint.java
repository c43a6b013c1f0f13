package com.sicfurnace.controller.telemetry.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an InfluxDB write endpoint on 127.0.0.1 that answers requests with scripted responses (status,
 * headers, body; the last one for every request after the script), or never answers, and records what it was sent
 * and when.
 */
public final class ScriptedWriteEndpoint implements AutoCloseable {

    /** One answer: status, headers and body; a status of 0 means never answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer of(int status, String body, String... headerPairs) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Answer(status, headers, body);
        }

        public static Answer never() {
            return new Answer(0, Map.of(), "");
        }
    }

    /** What one request carried; {@code body} is decompressed when it came gzip-encoded. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers,
                           byte[] rawBody, String body, long receivedNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Answer> script;

    private ScriptedWriteEndpoint(List<Answer> script) throws IOException {
        this.script = List.copyOf(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static ScriptedWriteEndpoint answering(Answer answer) throws IOException {
        return new ScriptedWriteEndpoint(List.of(answer));
    }

    /** Answers the n-th request with the n-th answer, and every request after the script with the last one. */
    public static ScriptedWriteEndpoint answering(List<Answer> script) throws IOException {
        return new ScriptedWriteEndpoint(script);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            Answer answer;
            synchronized (received) {
                answer = script.get(Math.min(received.size(), script.size() - 1));
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), raw,
                        "gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : new String(raw, StandardCharsets.UTF_8),
                        System.nanoTime()));
            }
            if (answer.status() == 0) {
                awaitRelease();
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (!answer.body().isEmpty()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
