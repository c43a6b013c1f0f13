package com.sicfurnace.hmi.furnace;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A furnace's live data for browsers, over the HMI's own WebSocket ({@code /live/{furnace}}): the link's state and the
 * whole snapshot first, then every message from the controller in order, and the link's own messages when the
 * controller is lost or back. Sending never waits: a browser with more than {@link #MAX_IN_FLIGHT} messages in flight
 * is closed (it reconnects for a whole snapshot), so no browser holds up the link or the others. A connection whose
 * session has ended since its upgrade is closed too ({@link #SESSION_ENDED}), within seconds while data flows.
 */
public final class LiveRelay {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRelay.class);
    static final int MAX_IN_FLIGHT = 100;
    /** How often a connection's session is looked at again, while data flows to it. */
    static final long SESSION_CHECK_NANOS = Duration.ofSeconds(5).toNanos();
    /** The close code that tells the page its session has ended (the 4000s are the application's). */
    public static final int SESSION_ENDED = 4401;
    private final Fleet fleet;
    private final Function<WsContext, BooleanSupplier> sessionCheck;
    private final Map<String, Runnable> unsubscribe = new ConcurrentHashMap<>();

    /**
     * @param sessionCheck for a new connection, whether it may still stay open: the upgrade checked its session once,
     *                     but a session ends (logout, idle or age, its user disabled) while its page stays open
     */
    public LiveRelay(Fleet fleet, Function<WsContext, BooleanSupplier> sessionCheck) {
        this.fleet = fleet;
        this.sessionCheck = sessionCheck;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onClose(ctx -> ended(ctx));
        ws.onError(ctx -> ended(ctx));
    }

    private void connected(WsContext ctx) {
        String name = ctx.pathParam("furnace");
        FurnaceLink link = fleet.link(name).orElse(null);
        if (link == null) {
            ctx.closeSession(4404, "no furnace named " + name);
            return;
        }
        Connection connection = new Connection(ctx, sessionCheck.apply(ctx));
        unsubscribe.put(ctx.sessionId(), link.subscribe(connection::send));
    }

    private void ended(WsContext ctx) {
        Runnable stop = unsubscribe.remove(ctx.sessionId());
        if (stop != null) {
            stop.run();
        }
    }

    /** Browsers connected now. */
    public int browsers() {
        return unsubscribe.size();
    }

    /** One browser's connection: its messages in flight, and when its session was last looked at. */
    private final class Connection {
        private final WsContext ctx;
        private final BooleanSupplier mayKeep;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong checked = new AtomicLong(System.nanoTime());

        Connection(WsContext ctx, BooleanSupplier mayKeep) {
            this.ctx = ctx;
            this.mayKeep = mayKeep;
        }

        /** Called on the link's thread: never waits. */
        void send(String message) {
            long now = System.nanoTime();
            long last = checked.get();
            if (now - last > SESSION_CHECK_NANOS && checked.compareAndSet(last, now) && !mayKeep.getAsBoolean()) {
                LOG.info("browser {}: its session has ended; closing its live connection", ctx.sessionId());
                close(SESSION_ENDED, "session ended: log in again");
                return;
            }
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                LOG.warn("browser {} cannot keep up with the live data; closing it", ctx.sessionId());
                close(1008, "too slow: reconnect for a whole snapshot");
                return;
            }
            ctx.session.sendText(message, Callback.from(inFlight::decrementAndGet,
                    failure -> inFlight.decrementAndGet()));
        }

        private void close(int code, String reason) {
            ended(ctx);
            ctx.closeSession(code, reason);
        }
    }
}
