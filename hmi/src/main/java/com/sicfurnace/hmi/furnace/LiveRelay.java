package com.sicfurnace.hmi.furnace;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A furnace's live data for browsers, over the HMI's own WebSocket ({@code /live/{furnace}}): the link's state and the
 * whole snapshot first, then every message from the controller in order, and the link's own messages when the
 * controller is lost or back. Sending never waits: a browser with more than {@link #MAX_IN_FLIGHT} messages in flight
 * is closed (it reconnects for a whole snapshot), so no browser holds up the link or the others.
 */
public final class LiveRelay {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRelay.class);
    static final int MAX_IN_FLIGHT = 100;
    private final Fleet fleet;
    private final Map<String, Runnable> unsubscribe = new ConcurrentHashMap<>();

    public LiveRelay(Fleet fleet) {
        this.fleet = fleet;
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
        AtomicInteger inFlight = new AtomicInteger();
        unsubscribe.put(ctx.sessionId(), link.subscribe(message -> send(ctx, inFlight, message)));
    }

    private void send(WsContext ctx, AtomicInteger inFlight, String message) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            LOG.warn("browser {} cannot keep up with the live data; closing it", ctx.sessionId());
            ended(ctx);
            ctx.closeSession(1008, "too slow: reconnect for a whole snapshot");
            return;
        }
        ctx.session.sendText(message, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
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
}
