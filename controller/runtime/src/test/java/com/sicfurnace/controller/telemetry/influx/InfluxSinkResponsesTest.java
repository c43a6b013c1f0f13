package com.sicfurnace.controller.telemetry.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sicfurnace.controller.telemetry.Delivery;
import com.sicfurnace.controller.telemetry.influx.ScriptedWriteEndpoint.Answer;
import com.sicfurnace.controller.telemetry.influx.ScriptedWriteEndpoint.Received;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * {@link InfluxSink} against a scripted HTTP endpoint on loopback: what it sends, and the exact {@link Delivery}
 * for each kind of answer, including none at all.
 */
class InfluxSinkResponsesTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(InfluxSinkResponsesTest.class);
    private static final String TOKEN = "s3cr3t-t0ken";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final List<String> BATCH = List.of(
            "furnace_scan,furnace=f1 seed_temp_c=2301.5,heater_power_w=41250i 1764000000000000001",
            "furnace_scan,furnace=f1 seed_temp_c=2301.6,heater_power_w=41260i 1764000000100000002");
    private static final Duration DEFAULT = InfluxSink.DEFAULT_RETRY_AFTER;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ScriptedWriteEndpoint endpoint(Answer answer) throws IOException {
        ScriptedWriteEndpoint endpoint = ScriptedWriteEndpoint.answering(answer);
        open.add(endpoint);
        return endpoint;
    }

    private InfluxSink sink(String url, boolean gzip) {
        InfluxSettings settings = InfluxSettings.of(url, TOKEN, "sic-lab", "telemetry").withGzip(gzip)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
        InfluxSink sink = new InfluxSink(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        open.add(0, sink);
        return sink;
    }

    private Delivery writeTo(Answer answer) throws IOException {
        ScriptedWriteEndpoint endpoint = endpoint(answer);
        Delivery delivery = sink(endpoint.url(), true).write(BATCH);
        assertEquals(1, endpoint.received().size(), "one request per write, never a hidden retry");
        return delivery;
    }

    private static String influxError(String code, String message) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void postsTheBatchGzippedToTheV2WriteApiWithTokenOrgBucketAndNanosecondPrecision() throws IOException {
        ScriptedWriteEndpoint endpoint = endpoint(Answer.of(204, ""));

        assertEquals(new Delivery.Accepted(), sink(endpoint.url(), true).write(BATCH));

        Received request = endpoint.received().get(0);
        assertEquals("POST", request.method());
        assertEquals("/api/v2/write", request.path());
        assertEquals(List.of("bucket=telemetry", "org=sic-lab", "precision=ns"),
                List.of(request.query().split("&")).stream().sorted().toList());
        assertEquals("Token " + TOKEN, request.header("Authorization"));
        assertEquals("gzip", request.header("Content-Encoding"));
        assertEquals(0x1f, request.rawBody()[0] & 0xff, "gzip magic");
        assertEquals(0x8b, request.rawBody()[1] & 0xff, "gzip magic");
        assertEquals(String.join("\n", BATCH), request.body());
    }

    @Test
    void sendsAPlainBodyWhenGzipIsOff() throws IOException {
        ScriptedWriteEndpoint endpoint = endpoint(Answer.of(204, ""));

        assertEquals(new Delivery.Accepted(), sink(endpoint.url(), false).write(BATCH));

        Received request = endpoint.received().get(0);
        assertNull(request.header("Content-Encoding"));
        assertEquals(String.join("\n", BATCH), request.body());
    }

    @Test
    void acceptsA200WithABodyAsWellAsA204() throws IOException {
        assertEquals(new Delivery.Accepted(), writeTo(Answer.of(200, "{\"status\":\"ok\"}")));
    }

    @Test
    void emptyBatchIsAcceptedWithoutARequest() throws IOException {
        ScriptedWriteEndpoint endpoint = endpoint(Answer.of(500, ""));

        assertEquals(new Delivery.Accepted(), sink(endpoint.url(), true).write(List.of()));
        assertEquals(0, endpoint.received().size());
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSeconds() throws IOException {
        Delivery d = writeTo(Answer.of(429, influxError("too many requests", "org rate limit exceeded"),
                "Retry-After", "7"));

        assertEquals(new Delivery.RetryLater(Duration.ofSeconds(7), "HTTP 429: org rate limit exceeded"), d);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAsAnHttpDate() throws IOException {
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));

        Delivery d = writeTo(Answer.of(429, influxError("too many requests", "slow down"), "Retry-After", in90s));

        assertEquals(new Delivery.RetryLater(Duration.ofSeconds(90), "HTTP 429: slow down"), d);
    }

    @Test
    void unavailableHonoursRetryAfter() throws IOException {
        Delivery d = writeTo(Answer.of(503, influxError("unavailable", "compacting"), "Retry-After", "12"));

        assertEquals(new Delivery.RetryLater(Duration.ofSeconds(12), "HTTP 503: compacting"), d);
    }

    @Test
    void unavailableWithoutRetryAfterWaitsTheDefault() throws IOException {
        Delivery d = writeTo(Answer.of(503, influxError("unavailable", "starting up")));

        assertEquals(new Delivery.RetryLater(DEFAULT, "HTTP 503: starting up"), d);
    }

    @Test
    void unreadableRetryAfterFallsBackToTheDefaultAndSaysSo() throws IOException {
        Delivery d = writeTo(Answer.of(503, influxError("unavailable", "busy"), "Retry-After", "soon"));

        assertEquals(new Delivery.RetryLater(DEFAULT, "HTTP 503: busy (unreadable Retry-After 'soon')"), d);
    }

    @Test
    void internalServerErrorIsRetriedLater() throws IOException {
        Delivery d = writeTo(Answer.of(500, influxError("internal error", "engine: cache-max-memory-size exceeded"),
                "Retry-After", "60"));

        assertEquals(new Delivery.RetryLater(DEFAULT, "HTTP 500: engine: cache-max-memory-size exceeded"), d);
    }

    @Test
    void badGatewayWithoutAJsonBodyIsRetriedLater() throws IOException {
        Delivery d = writeTo(Answer.of(502, "<html>Bad Gateway</html>"));

        assertEquals(new Delivery.RetryLater(DEFAULT, "HTTP 502: (no error message in the response)"), d);
    }

    @Test
    void badRequestIsRejectedWithTheServersMessage() throws IOException {
        String message = "partial write: field type conflict: input field \"seed_temp_c\" on measurement "
                + "\"furnace_scan\" is type integer, already exists as type float dropped=1";

        Delivery d = writeTo(Answer.of(400, influxError("invalid", message)));

        assertEquals(new Delivery.Rejected(400, message), d);
    }

    /** Bad data is rejected for the quarantine; a refused client (401, 403, and 404: no such bucket) is not. */
    static Stream<Arguments> clientErrors() {
        return Stream.of(
                arguments(422, "unprocessable entity", "points beyond retention policy", Delivery.Rejected.class),
                arguments(401, "unauthorized", "unauthorized access", Delivery.Unauthorized.class),
                arguments(403, "forbidden", "insufficient permissions for write", Delivery.Unauthorized.class),
                arguments(404, "not found", "bucket \"telemetry\" not found", Delivery.Unauthorized.class));
    }

    @ParameterizedTest
    @MethodSource("clientErrors")
    void aClientErrorCarriesTheServersMessage(int status, String code, String message,
                                              Class<? extends Delivery> kind) throws IOException {
        Delivery d = writeTo(Answer.of(status, influxError(code, message)));

        Delivery expected = kind == Delivery.Rejected.class ? new Delivery.Rejected(status, message)
                : new Delivery.Unauthorized(status, message);
        assertEquals(expected, d);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        ScriptedWriteEndpoint endpoint = endpoint(Answer.never());
        InfluxSink sink = sink(endpoint.url(), true);

        long start = System.nanoTime();
        Delivery d = sink.write(BATCH);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        RetryLaterCheck.of(d).after(DEFAULT).reasonStartsWith("timeout: ");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "bounded by the 0.5 s read timeout, took " + took);
        assertEquals(1, endpoint.received().size());
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Delivery d = sink("http://127.0.0.1:" + port, true).write(BATCH);

        RetryLaterCheck.of(d).after(DEFAULT).reasonStartsWith("connection refused: ");
    }

    @Test
    void aConnectionResetMidRequestIsRetriedLaterAndNotSilentlyByTheHttpClient() throws Exception {
        try (ResetOnSecondRequest server = new ResetOnSecondRequest()) {
            InfluxSink sink = sink(server.url(), false);
            assertEquals(new Delivery.Accepted(), sink.write(BATCH));

            Delivery d = sink.write(BATCH);

            RetryLaterCheck.of(d).after(DEFAULT).reasonStartsWith("network error: ");
            assertEquals(2, server.requests.get(), "OkHttp must not resend the write on a new connection");
        }
    }

    /**
     * A raw HTTP/1.1 server: on its first connection it answers the first request with 204 and keeps the
     * connection open, then resets it (SO_LINGER 0) after reading the second request; later connections get 204.
     */
    private static final class ResetOnSecondRequest implements AutoCloseable {
        private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "reset-on-second-request");

        ResetOnSecondRequest() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void serve() {
            boolean first = true;
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(5_000);
                    InputStream in = socket.getInputStream();
                    readRequest(in);
                    if (first) {
                        first = false;
                        socket.getOutputStream().write(NO_CONTENT);
                        readRequest(in);
                        socket.setSoLinger(true, 0);
                    } else {
                        socket.getOutputStream().write(NO_CONTENT);
                    }
                } catch (IOException e) {
                    if (!server.isClosed()) { // else the test closed it: the normal end
                        LOG.warn("reset-on-second-request endpoint stopped: {}", e.toString());
                    }
                    return;
                }
            }
        }

        /** Reads one request with a Content-Length body (gzip is off, so the client sends one). */
        private void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client closed the connection");
                }
                head.append((char) b);
            }
            requests.incrementAndGet();
            Matcher length = CONTENT_LENGTH.matcher(head);
            in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5000);
        }
    }

    @Test
    void logsEachFailureWithStatusAndMessageButNeverTheToken() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(InfluxSink.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            writeTo(Answer.of(400, influxError("invalid", "unable to parse 'x': missing fields")));
            writeTo(Answer.of(401, influxError("unauthorized", "unauthorized access")));
            writeTo(Answer.of(503, influxError("unavailable", "busy"), "Retry-After", "3"));
        } finally {
            logger.detachAppender(events);
        }
        List<String> failures = events.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> !m.contains("ready")).toList();
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("status=400 message=unable to parse 'x': missing fields"),
                failures.get(0));
        assertTrue(failures.get(1).contains("status=401 message=unauthorized access"), failures.get(1));
        assertTrue(failures.get(2).contains("retry_after_ms=3000 reason=HTTP 503: busy"), failures.get(2));
        events.list.forEach(e -> assertFalse(e.getFormattedMessage().contains(TOKEN), e.getFormattedMessage()));
    }

    @Test
    void writingAfterCloseIsAProgrammingError() throws IOException {
        InfluxSink sink = sink(endpoint(Answer.of(204, "")).url(), true);
        sink.close();

        assertThrows(IllegalStateException.class, () -> sink.write(BATCH));
    }

    @Test
    void aNullLineIsAProgrammingError() throws IOException {
        InfluxSink sink = sink(endpoint(Answer.of(204, "")).url(), true);
        List<String> withNull = new ArrayList<>(BATCH);
        withNull.add(null);

        assertThrows(NullPointerException.class, () -> sink.write(withNull));
    }

    /** Asserts on a RetryLater whose reason carries an exception text that the JDK or OkHttp words. */
    private record RetryLaterCheck(Delivery.RetryLater retry) {
        static RetryLaterCheck of(Delivery d) {
            return new RetryLaterCheck(assertInstanceOf(Delivery.RetryLater.class, d));
        }

        RetryLaterCheck after(Duration expected) {
            assertEquals(expected, retry.after());
            return this;
        }

        void reasonStartsWith(String prefix) {
            assertTrue(retry.reason().startsWith(prefix), retry.reason());
        }
    }
}
