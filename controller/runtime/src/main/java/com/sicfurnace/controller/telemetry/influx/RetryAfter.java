package com.sicfurnace.controller.telemetry.influx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The HTTP Retry-After header (RFC 9110 §10.2.3): delay in seconds, or an HTTP date. */
final class RetryAfter {
    /** A proxy's or a misconfigured server's day-long delay must not hold the whole backlog back that long. */
    static final Duration LONGEST = Duration.ofMinutes(5);

    private RetryAfter() {
    }

    /**
     * The delay the header asks for, counted from {@code now}, at most {@link #LONGEST}; a date in the past means
     * at once. Empty when the header is absent or neither form parses.
     */
    static Optional<Duration> parse(String header, Instant now) {
        return asked(header, now).map(d -> d.compareTo(LONGEST) > 0 ? LONGEST : d);
    }

    private static Optional<Duration> asked(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return seconds(value);
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String digits) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds: not a delay anyone meant
        }
    }
}
