package com.sicfurnace.hmi.furnace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One furnace's controller as the HMI sees it, through the controller's northbound API: a WebSocket on its live
 * stream, kept open (reconnecting by itself, 1 s to 10 s apart), with the snapshot merged from the stream's deltas;
 * and plain calls with the service token for everything else.
 *
 * <p>Nothing is ever shown as live that is not: the link says when it last heard from the controller, and whether it
 * is connected. Its subscribers get the controller's messages in order, and a {@code link} message of the HMI's own
 * when the connection is lost or back. Commands are never queued: a call while the link is down fails at once.
 */
public final class FurnaceLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FurnaceLink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration[] BACKOFF = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final String name;
    private final URI api;
    private final Path tokenFile;
    private final HttpClient http;
    private final Clock clock;
    private final ScheduledExecutorService reconnects;
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private ObjectNode snapshot;
    private Instant lastHeard;
    private Instant since;
    private boolean connected;
    private String problem = "not connected yet";
    private WebSocket socket;
    private int failures;
    private volatile boolean closed;

    /**
     * @param api       the controller's API root, e.g. {@code http://127.0.0.1:9480}
     * @param tokenFile the HMI's service token for it (owner-only), as the controller wrote it
     */
    public FurnaceLink(String name, URI api, Path tokenFile, HttpClient http, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.api = Objects.requireNonNull(api, "api");
        this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
        this.http = http;
        this.clock = clock;
        this.since = clock.instant();
        this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "link-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    /** Connects the live stream (and keeps it connected); returns at once. */
    public FurnaceLink start() {
        reconnects.execute(this::connect);
        return this;
    }

    private void connect() {
        if (closed) {
            return;
        }
        URI stream = URI.create(api.toString().replaceFirst("^http", "ws") + "/api/v1/stream");
        String bearer;
        try {
            bearer = bearer();
        } catch (RuntimeException e) {
            lost(e.getMessage());
            return;
        }
        http.newWebSocketBuilder().header("Authorization", bearer).connectTimeout(CALL_TIMEOUT)
                .buildAsync(stream, new Listener()).whenComplete((ws, failure) -> {
                    if (failure != null) {
                        lost("cannot connect to " + stream + ": " + rootMessage(failure));
                    } else {
                        synchronized (this) {
                            socket = ws;
                        }
                    }
                });
    }

    private void lost(String why) {
        synchronized (this) {
            if (connected || problem == null || !problem.equals(why)) {
                LOG.warn("furnace {}: {}", name, why);
            }
            if (connected) {
                since = clock.instant();
            }
            connected = false;
            problem = why;
            socket = null;
            publish(linkMessage());
        }
        if (!closed) {
            Duration wait = BACKOFF[Math.min(failures++, BACKOFF.length - 1)];
            reconnects.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void received(JsonNode message) {
        lastHeard = clock.instant();
        if (!connected) {
            connected = true;
            since = lastHeard;
            problem = null;
            failures = 0;
            LOG.info("furnace {}: live stream from {}", name, api);
            publish(linkMessage());
        }
        String type = message.path("type").asText();
        if (type.equals("snapshot")) {
            snapshot = (ObjectNode) message;
        } else if (type.equals("delta") && snapshot != null) {
            merge(snapshot, (ObjectNode) message);
        } else {
            return;
        }
        publish(message.toString());
    }

    /** Brings the merged snapshot up to a delta: values and qualities field by field, the rest whole. */
    static void merge(ObjectNode snapshot, ObjectNode delta) {
        for (Iterator<Map.Entry<String, JsonNode>> it = delta.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("type")) {
                continue;
            }
            if ((key.equals("values") || key.equals("quality")) && snapshot.get(key) instanceof ObjectNode into) {
                into.setAll((ObjectNode) field.getValue());
            } else {
                snapshot.set(key, field.getValue());
            }
        }
    }

    private void publish(String message) {
        for (Consumer<String> subscriber : subscribers) {
            subscriber.accept(message);
        }
    }

    /**
     * Subscribes to the link: first the link's state and the whole snapshot it has, then every message in order.
     * The subscriber is called on the link's thread and must not block.
     */
    public synchronized Runnable subscribe(Consumer<String> subscriber) {
        subscriber.accept(linkMessage());
        if (snapshot != null) {
            ObjectNode whole = snapshot.deepCopy();
            whole.put("type", "snapshot");
            subscriber.accept(whole.toString());
        }
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The link's own message: connected or not, since when, why not, and when the controller was last heard. */
    private String linkMessage() {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "link");
        o.put("furnace", name);
        o.put("connected", connected);
        o.put("since", since.toString());
        if (lastHeard != null) {
            o.put("last_heard", lastHeard.toString());
        }
        if (problem != null) {
            o.put("problem", problem);
        }
        return o.toString();
    }

    /** The merged snapshot, if any; with whether the link is connected and when it last heard. */
    public synchronized State state() {
        return new State(connected, since, Optional.ofNullable(lastHeard), Optional.ofNullable(problem),
                Optional.ofNullable(snapshot).map(ObjectNode::deepCopy));
    }

    /** What the HMI knows of the furnace now. */
    public record State(boolean connected, Instant since, Optional<Instant> lastHeard, Optional<String> problem,
                        Optional<ObjectNode> snapshot) {
    }

    /** A GET on the controller's API, e.g. {@code /api/v1/history?...}. */
    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A POST of a JSON body on the controller's API; refused at once (never queued) while the live stream is down.
     *
     * @throws NotConnected if the link is down
     */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        State now = state();
        if (!now.connected()) {
            throw new NotConnected(name, now.since(), now.problem().orElse(""));
        }
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(api + pathAndQuery)).timeout(CALL_TIMEOUT)
                .header("Authorization", bearer());
    }

    /**
     * The service token, read anew for every connection and call: the controller writes it at its first start, which
     * may come after the HMI's, and an administrator may replace it.
     */
    private String bearer() {
        return "Bearer " + SecretFiles.read(tokenFile);
    }

    /** A command or call while the controller cannot be reached: refused, not kept for later. */
    public static final class NotConnected extends IOException {
        public NotConnected(String furnace, Instant since, String why) {
            super("furnace " + furnace + " is not connected (since " + since + (why.isEmpty() ? "" : ": " + why)
                    + "); nothing was sent, nothing is kept to send later");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "the HMI is stopping");
        }
        reconnects.shutdownNow();
    }

    /** The live stream's messages, reassembled from their frames. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(JSON.readTree(text));
                } catch (IOException e) {
                    LOG.error("furnace {}: the controller sent something that is not JSON; dropped: {}", name,
                            text.length() > 200 ? text.substring(0, 200) + "..." : text, e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            lost("the controller closed the live stream (" + status + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost("the live stream failed: " + rootMessage(error));
        }
    }
}
