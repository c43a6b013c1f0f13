package com.sicfurnace.controller.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** The activations within a sliding window of scan time, for flood and chatter detection. */
final class ActivationWindow {
    private final Duration window;
    private final ArrayDeque<Instant> times = new ArrayDeque<>();

    ActivationWindow(double windowS) {
        this.window = Duration.ofNanos(Math.round(windowS * 1e9));
    }

    void add(Instant time) {
        times.addLast(time);
    }

    /** How many activations lie within the window that ends at {@code now} (older ones are forgotten). */
    int count(Instant now) {
        if (!times.isEmpty()) {
            Instant oldestKept = now.minus(window);
            while (!times.isEmpty() && times.peekFirst().isBefore(oldestKept)) {
                times.removeFirst();
            }
        }
        return times.size();
    }
}
