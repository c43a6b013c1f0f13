package com.sicfurnace.controller.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Furnace time for runs against a simulator that runs {@code speed} times faster than real time: starts at the
 * given instant and advances {@code speed} seconds per second of the monotonic wall clock. At speed 1 use
 * {@link Clock#systemUTC()} instead.
 */
public final class ScaledClock extends Clock {
    private final Instant start;
    private final long startNanos;
    private final double speed;

    public ScaledClock(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, not " + speed);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(Math.round((System.nanoTime() - startNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("furnace time is kept in UTC");
    }
}
