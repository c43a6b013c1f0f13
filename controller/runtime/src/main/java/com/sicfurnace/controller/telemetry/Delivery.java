package com.sicfurnace.controller.telemetry;

import java.time.Duration;
import java.util.Objects;

/** What became of one batch handed to a {@link TelemetrySink}, and so what the forwarder does next. */
public sealed interface Delivery {

    /** The database stored the batch: the forwarder may delete it. */
    record Accepted() implements Delivery {
    }

    /**
     * The database or the network cannot take the batch now (overload, 5xx, timeout, refused or reset
     * connection): the forwarder keeps the batch and tries again, no sooner than {@code after} (the server's
     * Retry-After where it gave one), backing off further as it sees fit.
     */
    record RetryLater(Duration after, String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
            if (after.isNegative()) {
                throw new IllegalArgumentException("retry delay must not be negative, not " + after);
            }
        }
    }

    /**
     * The database refused the data itself (400 and the other 4xx that mean bad data, e.g. a malformed line, a
     * field type conflict, a point outside retention, a body too large): retrying cannot help, so the forwarder
     * quarantines the batch with the server's message.
     */
    record Rejected(int status, String serverMessage) implements Delivery {
        public Rejected {
            requireClientError(status, serverMessage, "a rejection");
        }
    }

    /**
     * The database refused this client, not the data (401, 403; also 404: no such bucket or organisation, or no
     * v2 write endpoint at that URL): the forwarder raises an alarm and keeps buffering until someone fixes the
     * token or the settings.
     */
    record Unauthorized(int status, String serverMessage) implements Delivery {
        public Unauthorized {
            requireClientError(status, serverMessage, "an authorisation failure");
        }
    }

    private static void requireClientError(int status, String serverMessage, String what) {
        Objects.requireNonNull(serverMessage, "serverMessage");
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException(what + " is a 4xx status, not " + status);
        }
    }
}
