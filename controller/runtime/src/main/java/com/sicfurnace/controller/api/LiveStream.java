package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import io.javalin.websocket.WsContext;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live snapshot over WebSocket: each client gets the whole snapshot first ({@code "type": "snapshot"}), then,
 * for every newer scan, only what changed ({@code "type": "delta"}): each scan as it ends at real speed, about one
 * per scan period of wall time at a simulator's speed. The scan wakes the stream's own thread as it ends, so that a value goes out right after
 * the scan that read it, not up to a period later; that thread reads the latest snapshot and sends to everybody
 * without waiting (the scan thread only wakes it, and only when it is not awake already): a client
 * with more messages in flight than {@link #MAX_IN_FLIGHT} is too slow and is closed (it reconnects and starts from a
 * whole snapshot), so that no client can hold up the others or the controller. No message while the controller does
 * not scan: a client judges staleness by the age of the last message.
 */
final class LiveStream implements ScanFeed.ScanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    static final int MAX_IN_FLIGHT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScanFeed feed;
    private final SnapshotJson snapshots;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final long spacingNanos;
    private final AtomicBoolean scanned = new AtomicBoolean();
    private final Thread sender;
    private volatile boolean running = true;
    private ObjectNode latest;
    private long latestScan = -1;

    /**
     * Registers itself on the feed. Two messages are at least 0.8 {@code periodMillis} of wall time apart: at real
     * speed every scan goes out as it ends even when the one before ended late, at a simulator's speed about one
     * scan per period.
     */
    LiveStream(ScanFeed feed, SnapshotJson snapshots, long periodMillis) {
        this.feed = feed;
        this.snapshots = snapshots;
        this.spacingNanos = Math.round(TimeUnit.MILLISECONDS.toNanos(periodMillis) * 0.8);
        this.sender = new Thread(this::sendScans, "api-stream");
        sender.setDaemon(true);
        sender.start();
        feed.listen(this);
    }

    /** On the scan thread: wakes the sender unless a wake-up is pending already. */
    @Override
    public void onScan(ScanSnapshot snapshot) {
        if (!scanned.getAndSet(true)) {
            LockSupport.unpark(sender);
        }
    }

    private void sendScans() {
        long lastSent = System.nanoTime() - spacingNanos;
        while (running) {
            if (!scanned.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            long wait = lastSent + spacingNanos - System.nanoTime();
            if (wait > 0) {
                // too soon after the last message: the newest scan goes out when the spacing is over
                scanned.set(true);
                LockSupport.parkNanos(this, wait);
                continue;
            }
            lastSent = System.nanoTime();
            tick();
        }
    }

    void connected(WsContext ctx) {
        clients.put(ctx.sessionId(), new Client(ctx));
    }

    void closed(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    int clients() {
        return clients.size();
    }

    private void tick() {
        try {
            Optional<ScanSnapshot> now = feed.latest();
            if (now.isEmpty() || clients.isEmpty()) {
                return;
            }
            boolean newScan = now.get().scan() != latestScan;
            if (newScan) {
                latest = snapshots.full(now.get());
                latestScan = now.get().scan();
            }
            Map<ObjectNode, String> deltas = new IdentityHashMap<>();
            for (Client client : clients.values()) {
                if (client.sent == null) {
                    client.send(message("snapshot", latest), latest);
                } else if (client.sent != latest) {
                    String delta = deltas.computeIfAbsent(client.sent,
                            before -> message("delta", SnapshotJson.delta(before, latest)));
                    client.send(delta, latest);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("api: the live stream failed to send a scan; it goes on with the next", e);
        }
    }

    private static String message(String type, ObjectNode body) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", type);
        m.setAll(body);
        return m.toString();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sender);
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.values().forEach(c -> c.ctx.closeSession(1001, "the controller is stopping"));
    }

    /** One client, with the snapshot its last message brought it up to and its messages not yet sent. */
    private final class Client {
        private final WsContext ctx;
        private final AtomicInteger inFlight = new AtomicInteger();
        private ObjectNode sent;

        Client(WsContext ctx) {
            this.ctx = ctx;
        }

        void send(String text, ObjectNode upTo) {
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                LOG.warn("api: stream client {} cannot keep up ({} messages in flight); closing it",
                        ctx.sessionId(), MAX_IN_FLIGHT);
                clients.remove(ctx.sessionId());
                ctx.closeSession(1008, "too slow: reconnect for a whole snapshot");
                return;
            }
            sent = upTo;
            ctx.session.sendText(text, Callback.from(inFlight::decrementAndGet, failure -> {
                inFlight.decrementAndGet();
                LOG.debug("api: sending to stream client {} failed", ctx.sessionId(), failure);
            }));
        }
    }
}
