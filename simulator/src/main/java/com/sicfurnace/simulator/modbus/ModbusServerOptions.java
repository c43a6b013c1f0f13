package com.sicfurnace.simulator.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link ModbusDeviceServer}.
 *
 * @param maxConnections  connections served at the same time; each holds one handler thread, and a connection
 *                        beyond the limit is closed at once (queueing it would answer its requests late)
 * @param idleTimeout     a connection that sends nothing for this long is closed (the socket read timeout);
 *                        it also bounds a request that stalls halfway
 * @param shutdownTimeout how long {@link ModbusDeviceServer#close()} waits for its threads to end
 */
public record ModbusServerOptions(int maxConnections, Duration idleTimeout, Duration shutdownTimeout) {

    public ModbusServerOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idleTimeout must be between 1 ms and 24 days, not " + idleTimeout);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative, not " + shutdownTimeout);
        }
    }

    /** 16 connections, 60 s idle timeout, 2 s to shut down. */
    public static ModbusServerOptions defaults() {
        return new ModbusServerOptions(16, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    public ModbusServerOptions withMaxConnections(int connections) {
        return new ModbusServerOptions(connections, idleTimeout, shutdownTimeout);
    }

    public ModbusServerOptions withIdleTimeout(Duration timeout) {
        return new ModbusServerOptions(maxConnections, timeout, shutdownTimeout);
    }

    int idleTimeoutMillis() {
        return (int) idleTimeout.toMillis();
    }
}
