package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.session.Session;
import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.session.Tokens;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiSessionTest {
    @TempDir
    Path dir;

    @Test
    void aSessionExpiresAfterTheIdleTimeoutCountedFromItsLastRequest() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir, "session: {idle_timeout_min: 15, max_age_h: 12}\n")) {
            Browser browser = hmi.admin();
            hmi.clock.advance(Duration.ofMinutes(14));
            assertEquals(200, browser.get("/api/v1/session").status(), "14 min idle: alive");
            hmi.clock.advance(Duration.ofMinutes(14));
            assertEquals(200, browser.get("/api/v1/session").status(), "idle time counts from the last request");
            hmi.clock.advance(Duration.ofMinutes(15));
            Browser.Response expired = browser.get("/api/v1/session");
            assertEquals(401, expired.status(), "15 min idle: ended");
            Browser.Response page = browser.get("/");
            assertEquals(302, page.status());
            assertEquals("/login?next=%2F&ended=1", page.header("Location").orElseThrow());
        }
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusy() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir, "session: {idle_timeout_min: 15, max_age_h: 1}\n")) {
            Browser browser = hmi.admin();
            for (int i = 0; i < 5; i++) {
                hmi.clock.advance(Duration.ofMinutes(10));
                assertEquals(200, browser.get("/api/v1/session").status(), "after " + (i + 1) * 10 + " min");
            }
            hmi.clock.advance(Duration.ofMinutes(10));
            assertEquals(401, browser.get("/api/v1/session").status(), "60 min after login: ended");
        }
    }

    @Test
    void theStoreEndsSessionsAndNeverHandsOutTheSameIdTwice() {
        MutableClock clock = new MutableClock(TestHmi.START);
        SessionStore store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(12),
                new Tokens(new SecureRandom()));
        Session a = store.create("anna");
        Session b = store.create("anna");
        Session c = store.create("bob");
        assertTrue(!a.id().equals(b.id()) && !a.csrfToken().equals(b.csrfToken()) && !a.id().equals(a.csrfToken()));
        assertEquals(1, store.invalidateUser("anna", b.id()), "anna's other session ends");
        assertTrue(store.use(a.id()).isEmpty());
        assertTrue(store.use(b.id()).isPresent());
        store.invalidate(c.id());
        assertTrue(store.use(c.id()).isEmpty());
        assertTrue(store.use(null).isEmpty());
        clock.advance(Duration.ofMinutes(15));
        assertTrue(store.use(b.id()).isEmpty(), "exactly 15 min idle is expired");
    }

    @Test
    void concurrentRequestsOfOneSessionAllFindIt() throws Exception {
        // a running clock: each use sees its own instant, as the requests of a screen's page do
        SessionStore store = new SessionStore(Clock.systemUTC(), Duration.ofMinutes(15),
                Duration.ofHours(12), new Tokens(new SecureRandom()));
        Session session = store.create("anna");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                found.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 2000; i++) {
                        n += store.use(session.id()).isPresent() ? 1 : 0;
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : found) {
                assertEquals(2000, f.get(), "a page's parallel requests are never logged out");
            }
        } finally {
            pool.shutdownNow();
        }
        store.invalidate(session.id());
        assertTrue(store.use(session.id()).isEmpty(), "a logout still ends it");
    }
}
