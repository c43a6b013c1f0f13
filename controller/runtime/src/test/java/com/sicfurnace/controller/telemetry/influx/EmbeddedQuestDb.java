package com.sicfurnace.controller.telemetry.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.questdb.ServerMain;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A real QuestDB, embedded and bound to loopback only, for tests and benchmarks: it accepts InfluxDB v2
 * line-protocol writes on {@code /api/v2/write} and answers SQL on {@code /exec}.
 */
public final class EmbeddedQuestDb implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final ServerMain server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private EmbeddedQuestDb(ServerMain server) {
        this.server = server;
    }

    /** Starts a server whose files live in {@code dir}; only HTTP on 127.0.0.1, on a free port. */
    public static EmbeddedQuestDb start(Path dir) throws IOException {
        return start(dir, 0);
    }

    /** Starts a server on a given port: a database restarted in an outage test comes back where it was. */
    public static EmbeddedQuestDb start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        quietLog(dir);
        ServerMain server = ServerMain.create(dir.toString(), Map.of(
                "QDB_HTTP_BIND_TO", "127.0.0.1:" + port,
                "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false",
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_HTTP_MIN_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false"));
        server.start();
        return new EmbeddedQuestDb(server);
    }

    /**
     * QuestDB logs every query and commit to stdout; errors are enough here. Its log configuration is read once
     * per JVM, by the first server, from the file named by the system property {@code out}.
     */
    private static void quietLog(Path dir) throws IOException {
        if (System.getProperty("out") != null) {
            return;
        }
        Path conf = Files.createDirectories(dir.resolve("conf")).resolve("log.conf");
        Files.writeString(conf, String.join("\n",
                "writers=stdout",
                "w.stdout.class=io.questdb.log.LogConsoleWriter",
                "w.stdout.level=ERROR",
                ""));
        System.setProperty("out", conf.toString());
    }

    /** Base URL for {@link InfluxSettings#url()}. */
    public String url() {
        return "http://127.0.0.1:" + server.getHttpServerPort();
    }

    /** Runs one SQL query and returns QuestDB's JSON answer ({@code columns}, {@code dataset}, {@code count}). */
    public JsonNode sql(String query) throws IOException, InterruptedException {
        URI uri = URI.create(url() + "/exec?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException("QuestDB answered " + response.statusCode() + " to '" + query + "': " + body);
        }
        return body;
    }

    /**
     * Creates a table whose designated timestamp keeps nanoseconds; line-protocol writes add the other columns.
     * (A table created by a v2 line-protocol write gets a microsecond TIMESTAMP and truncates nanoseconds.)
     */
    public void createNanosecondTable(String table) throws IOException, InterruptedException {
        sql("create table '" + table + "' (timestamp TIMESTAMP_NS) timestamp(timestamp) partition by day wal");
    }

    /**
     * Rows in {@code table} once at least {@code expected} are visible, or the count at the deadline: writes are
     * applied asynchronously (write-ahead log), so a row may show up a little after the write was acknowledged.
     */
    public long awaitRows(String table, long expected, Duration deadline) throws IOException, InterruptedException {
        return awaitRows(List.of(table), expected, deadline);
    }

    /** As {@link #awaitRows(String, long, Duration)}, the rows of all {@code tables} together. */
    public long awaitRows(Collection<String> tables, long expected, Duration deadline)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        long rows = rows(tables);
        while (rows < expected && System.nanoTime() < end) {
            Thread.sleep(20);
            rows = rows(tables);
        }
        return rows;
    }

    private long rows(Collection<String> tables) throws IOException, InterruptedException {
        long rows = 0;
        for (String table : tables) {
            rows += sql("select count() from '" + table + "'").path("dataset").path(0).path(0).asLong();
        }
        return rows;
    }

    @Override
    public void close() {
        server.close();
    }
}
