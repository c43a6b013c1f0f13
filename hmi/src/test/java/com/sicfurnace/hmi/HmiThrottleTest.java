package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.hmi.login.LoginThrottle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiThrottleTest {
    @TempDir
    Path dir;

    @Test
    void theSixthAttemptAfterFiveWrongPasswordsIsThrottledEvenWithTheRightOne() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            Browser browser = hmi.browser();
            for (int i = 1; i <= 5; i++) {
                assertEquals(401, browser.login("admin", "wrong-password-" + i).status(), "attempt " + i);
            }
            Browser.Response sixth = browser.login("admin", hmi.adminPassword());
            assertEquals(429, sixth.status(), sixth.toString());
            assertEquals("30", sixth.header("Retry-After").orElseThrow());
            assertTrue(sixth.body().contains("Too many failed logins"), sixth.body());
            assertTrue(browser.cookie("hmi_session").isEmpty());

            // another client is throttled for this user too: the count is the user's
            assertEquals(429, hmi.browser().login("admin", hmi.adminPassword()).status());

            hmi.clock.advance(Duration.ofSeconds(29));
            Browser.Response still = browser.login("admin", hmi.adminPassword());
            assertEquals(429, still.status());
            assertEquals("1", still.header("Retry-After").orElseThrow());

            hmi.clock.advance(Duration.ofSeconds(1));
            assertEquals(401, browser.login("admin", "wrong-password-6").status(), "checked again after 30 s");
            Browser.Response doubled = browser.login("admin", hmi.adminPassword());
            assertEquals(429, doubled.status());
            assertEquals("60", doubled.header("Retry-After").orElseThrow(), "the backoff doubles");

            hmi.clock.advance(Duration.ofSeconds(60));
            assertEquals(303, browser.login("admin", hmi.adminPassword()).status(), "the right password, in time");
            Browser fresh = hmi.browser();
            for (int i = 1; i <= 4; i++) {
                assertEquals(401, fresh.login("admin", "wrong-again-" + i).status());
            }
            assertEquals(303, fresh.login("admin", hmi.adminPassword()).status(), "a success reset the count");

            List<AuditRecord> throttled = hmi.auditRecords().stream()
                    .filter(r -> "throttled".equals(r.entry().before() == null ? null
                            : r.entry().before().get("cause"))).toList();
            assertEquals(4, throttled.size(), "every throttled attempt is audited");
            assertTrue(throttled.get(0).entry().detail().contains("retry after 30 s"),
                    throttled.get(0).entry().detail());
        }
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToFifteenMinutes() {
        assertEquals(Duration.ofSeconds(30), LoginThrottle.backoff(0));
        assertEquals(Duration.ofSeconds(60), LoginThrottle.backoff(1));
        assertEquals(Duration.ofSeconds(480), LoginThrottle.backoff(4));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.backoff(5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.backoff(40));
    }

    @Test
    void twentyFailuresFromOneAddressWithinFifteenMinutesThrottleThatAddress() {
        MutableClock clock = new MutableClock(TestHmi.START);
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(40)); // 20 failures in 13 min 20 s: all within the window
            LoginThrottle.Decision d = throttle.begin("user" + i, "10.0.0.9");
            assertFalse(d.refused(), "failure " + i);
            d.attempt().orElseThrow().failed();
        }
        LoginThrottle.Decision refused = throttle.begin("somebody-else", "10.0.0.9");
        assertTrue(refused.refused());
        assertEquals(Duration.ofSeconds(30), refused.retryAfter(), "30 s after the 20th failure");
        assertFalse(throttle.begin("somebody-else", "10.0.0.10").refused(), "other addresses are not affected");

        // a success for one name does not clear the address
        clock.advance(Duration.ofSeconds(31));
        LoginThrottle.Decision next = throttle.begin("anna", "10.0.0.9");
        assertFalse(next.refused(), "the backoff has passed");
        next.attempt().orElseThrow().succeeded();
        LoginThrottle.Decision again = throttle.begin("bob", "10.0.0.9");
        assertFalse(again.refused());
        again.attempt().orElseThrow().failed();
        assertEquals(Duration.ofSeconds(60), throttle.begin("carl", "10.0.0.9").retryAfter(), "21 failures: 60 s");

        // failures leave the 15-minute window
        clock.advance(Duration.ofMinutes(16));
        assertFalse(throttle.begin("dora", "10.0.0.9").refused());
    }

    @Test
    void attemptsUnderWayCountSoThatParallelGuessesCannotPassTheLimit() {
        LoginThrottle throttle = new LoginThrottle(new MutableClock(TestHmi.START));
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            assertFalse(throttle.begin("admin", "10.0.0." + i).refused(), "attempt " + i + " under way");
        }
        assertTrue(throttle.begin("admin", "10.0.0.99").refused(), "a sixth at the same time is refused");
    }
}
