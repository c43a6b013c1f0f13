package com.sicfurnace.controller.telemetry.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused with a message naming the setting and the value. */
class QueueSettingsTest {

    private static String refused(long segmentBytes, long budgetBytes, FullPolicy policy) {
        return assertThrows(RuntimeException.class, () -> new QueueSettings(segmentBytes, budgetBytes, policy))
                .getMessage();
    }

    @Test
    void segmentsMustBeBetween4KiBAnd1GiB() {
        assertEquals("telemetry queue: segmentBytes must be 4096..1073741824, not 4095",
                refused(4095, 1 << 20, FullPolicy.DROP_OLDEST));
        assertEquals("telemetry queue: segmentBytes must be 4096..1073741824, not 2147483648",
                refused(1L << 31, 1L << 40, FullPolicy.DROP_OLDEST));
    }

    @Test
    void theBudgetMustHoldTwoSegments() {
        assertEquals("telemetry queue: budgetBytes (8191) must be at least twice segmentBytes (4096)",
                refused(4096, 8191, FullPolicy.REJECT_NEW));
    }

    @Test
    void aPolicyIsRequired() {
        assertEquals("telemetry queue: policy (DROP_OLDEST or REJECT_NEW) is required", refused(4096, 8192, null));
    }

    @Test
    void theSmallestWorkableSettingsAreAccepted() {
        assertEquals(8192, new QueueSettings(4096, 8192, FullPolicy.REJECT_NEW).budgetBytes());
    }
}
