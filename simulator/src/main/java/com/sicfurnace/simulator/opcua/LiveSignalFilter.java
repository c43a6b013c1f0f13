package com.sicfurnace.simulator.opcua;

import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.SensorStatus;
import com.sicfurnace.simulator.plant.SignalAccessException;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one signal's Value live from the furnace and hands writes to it; the node itself stores no value. Reads
 * by clients and the SubscriptionModel's sampling both come through {@link #getAttribute}.
 *
 * <p>One filter overrides both directions on purpose: with a separate read filter in front, Milo's default
 * {@code writeAttribute} of that filter would store the value in the node and never reach a write filter behind
 * it. The furnace is not thread-safe and the simulation thread steps it under its own monitor, so every access
 * here holds that monitor.
 */
final class LiveSignalFilter implements AttributeFilter {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSignalFilter.class);

    private final SimulatedFurnace furnace;
    private final SignalSpec spec;
    private final int index;

    LiveSignalFilter(SimulatedFurnace furnace, SignalSpec spec) {
        this.furnace = furnace;
        this.spec = spec;
        synchronized (furnace) {
            this.index = furnace.index(spec.name());
        }
    }

    @Override
    public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        return attributeId == AttributeId.Value ? read() : ctx.getAttribute(attributeId);
    }

    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
            throws UaException {
        if (attributeId != AttributeId.Value) {
            ctx.writeAttribute(attributeId, value);
            return;
        }
        String who = ctx.getSession().map(LiveSignalFilter::describe).orElse("internal");
        double number = WireValues.fromWire(spec, ((DataValue) value).value().value());
        try {
            synchronized (furnace) {
                furnace.write(index, number);
            }
        } catch (SignalAccessException e) {
            LOG.warn("write refused: signal={} value={} by {}: {}", spec.name(), number, who, e.getMessage());
            throw new UaException(statusFor(e.reason()), e.getMessage());
        }
        LOG.debug("write: signal={} value={} by {}", spec.name(), number, who);
    }

    private DataValue read() {
        SensorStatus status;
        double value;
        synchronized (furnace) {
            status = furnace.status(index);
            value = furnace.read(index);
        }
        if (status == SensorStatus.FAILED) {
            return new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), DateTime.now());
        }
        return new DataValue(WireValues.toWire(spec, value), StatusCode.GOOD, DateTime.now());
    }

    static long statusFor(SignalAccessException.Reason reason) {
        return switch (reason) {
            case OUT_OF_RANGE -> StatusCodes.Bad_OutOfRange;
            case NOT_WRITABLE -> StatusCodes.Bad_UserAccessDenied;
            case UNKNOWN_SIGNAL -> StatusCodes.Bad_NodeIdUnknown;
        };
    }

    private static String describe(Session session) {
        String user = session.getIdentity() instanceof Identity.UsernameIdentity named
                ? "user '" + named.getUsername() + "'" : "anonymous";
        return user + " from " + session.getClientAddress();
    }
}
