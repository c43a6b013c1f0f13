package com.sicfurnace.controller;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition of the system under test until it holds, failing with what was awaited. */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
