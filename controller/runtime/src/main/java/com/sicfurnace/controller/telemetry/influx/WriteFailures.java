package com.sicfurnace.controller.telemetry.influx;

import com.influxdb.exceptions.InfluxException;
import com.sicfurnace.controller.telemetry.Delivery;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns what influxdb-client-java throws for a failed write into a {@link Delivery}. The client's blocking write
 * throws an {@link InfluxException} with the HTTP status for any non-2xx answer (a subclass per status, the
 * response headers in {@code headers()}, the JSON body in {@code errorBody()}), and one with status 0 wrapping
 * the {@link IOException} when no answer came.
 */
final class WriteFailures {
    private final Clock clock;
    private final Duration defaultRetryAfter;

    WriteFailures(Clock clock, Duration defaultRetryAfter) {
        this.clock = clock;
        this.defaultRetryAfter = defaultRetryAfter;
    }

    Delivery toDelivery(InfluxException e) {
        int status = e.status();
        if (status == 0) {
            return new Delivery.RetryLater(defaultRetryAfter, networkReason(e));
        }
        String message = serverMessage(e);
        if (status == 429 || status == 503) {
            return retryAfterHeader(e, "HTTP " + status + ": " + message);
        }
        if (status >= 500 || status == 408 || status < 400) {
            return new Delivery.RetryLater(defaultRetryAfter, "HTTP " + status + ": " + message);
        }
        if (status == 401 || status == 403 || status == 404) {
            return new Delivery.Unauthorized(status, message);
        }
        return new Delivery.Rejected(status, message);
    }

    private Delivery.RetryLater retryAfterHeader(InfluxException e, String reason) {
        String header = e.headers().get("Retry-After");
        Optional<Duration> asked = RetryAfter.parse(header, clock.instant());
        if (asked.isPresent()) {
            return new Delivery.RetryLater(asked.get(), reason);
        }
        String note = header == null ? "" : " (unreadable Retry-After '" + header + "')";
        return new Delivery.RetryLater(defaultRetryAfter, reason + note);
    }

    /** The server's own words: the {@code message} of an InfluxDB-style JSON error, else what the client made. */
    private static String serverMessage(InfluxException e) {
        Object json = e.errorBody().get("message");
        if (json != null) {
            return json.toString();
        }
        return e.getMessage() != null ? e.getMessage() : "(no error message in the response)";
    }

    private static String networkReason(InfluxException e) {
        Throwable cause = e.getCause();
        String kind;
        if (cause instanceof InterruptedIOException) {
            kind = "timeout"; // SocketTimeoutException, and OkHttp's call timeout
        } else if (cause instanceof ConnectException) {
            kind = "connection refused";
        } else if (cause instanceof UnknownHostException) {
            kind = "unknown host";
        } else {
            kind = "network error"; // reset, closed mid-response, TLS failure
        }
        return cause == null ? kind + ": " + e.getMessage()
                : kind + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
