package com.sicfurnace.controller.telemetry.metrics;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the Prometheus endpoint listens: {@code GET http://<bind>:<port>/metrics}; port 0 switches it off. Every
 * meter carries the tag {@code furnace}: this furnace's name, or the furnace variant when no name is given.
 */
public record MetricsSettings(String bind, int port, Optional<String> furnace) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9470;
    /** The endpoint switched off. */
    public static final MetricsSettings OFF = new MetricsSettings(DEFAULT_BIND, 0, Optional.empty());

    public MetricsSettings {
        Objects.requireNonNull(furnace, "furnace");
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("metrics: bind must be a host name or address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics: port must be 0..65535 (0 switches the endpoint off), not "
                    + port);
        }
        if (furnace.isPresent() && furnace.get().isBlank()) {
            throw new IllegalArgumentException("metrics: furnace must not be empty");
        }
    }

    public boolean enabled() {
        return port != 0;
    }
}
