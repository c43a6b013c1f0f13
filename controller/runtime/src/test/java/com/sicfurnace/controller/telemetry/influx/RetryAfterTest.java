package com.sicfurnace.controller.telemetry.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two forms of Retry-After, and what is not one. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void secondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
        assertEquals(Optional.of(Duration.ofMinutes(2)), RetryAfter.parse("Tue, 24 Nov 2026 12:02:00 GMT", NOW));
    }

    @Test
    void aDelayLongerThanFiveMinutesIsCutToFive() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), RetryAfter.parse("86400", NOW));
        assertEquals(Optional.of(RetryAfter.LONGEST), RetryAfter.parse("Wed, 25 Nov 2026 12:00:00 GMT", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(300)), RetryAfter.parse("300", NOW));
    }

    @Test
    void aDateInThePastMeansAtOnce() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Tue, 24 Nov 2026 11:59:00 GMT", NOW));
    }

    @Test
    void anythingElseIsNoDelay() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("1.5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("2026-11-24T12:02:00Z", NOW));
    }
}
