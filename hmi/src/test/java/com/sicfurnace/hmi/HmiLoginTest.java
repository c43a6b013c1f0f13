package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.web.Cookies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiLoginTest {
    @TempDir
    Path dir;
    private TestHmi hmi;

    @BeforeEach
    void start() throws Exception {
        hmi = TestHmi.start(dir);
    }

    @AfterEach
    void stop() {
        hmi.close();
    }

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookieForTheWholeSite() throws Exception {
        Browser browser = hmi.browser();
        Browser.Response response = browser.login("admin", hmi.adminPassword());
        assertEquals(303, response.status(), response.toString());
        assertEquals("/", response.header("Location").orElseThrow());
        String cookie = response.setCookies().stream().filter(c -> c.startsWith(Cookies.SESSION + "="))
                .findFirst().orElseThrow();
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertTrue(attributes.contains("HttpOnly"), cookie);
        assertTrue(attributes.contains("SameSite=Strict"), cookie);
        assertTrue(attributes.contains("Path=/"), cookie);
        assertFalse(attributes.contains("Secure"), "plain HTTP on loopback: " + cookie);
        String id = cookie.substring(Cookies.SESSION.length() + 1, cookie.indexOf(';'));
        assertTrue(id.matches("[A-Za-z0-9_-]{43}"), "256 bits in Base64url: " + id);

        Browser.Response session = browser.get("/api/v1/session");
        assertEquals(200, session.status());
        assertTrue(session.body().contains("\"user\":\"admin\"") && session.body().contains("\"role\":\"admin\""),
                session.body());
        Browser.Response page = browser.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<dd id=\"user\">admin</dd>"), page.body());
    }

    @Test
    void aWrongPasswordFailsAndIsAuditedWithTheClientAndTheReason() throws Exception {
        Browser browser = hmi.browser();
        Browser.Response response = browser.login("admin", "not-the-password");
        assertEquals(401, response.status());
        assertTrue(response.body().contains("Wrong user name or password."), response.body());
        assertTrue(browser.cookie(Cookies.SESSION).isEmpty(), "no session after a failed login");
        assertEquals(401, browser.get("/api/v1/session").status());

        assertEquals(401, browser.login("mallory", "whatever-it-is").status());

        List<AuditRecord> failed = hmi.auditRecords().stream()
                .filter(r -> r.entry().action().equals("login_failed")).toList();
        assertEquals(2, failed.size(), failed.toString());
        AuditRecord wrong = failed.get(0);
        assertEquals("admin", wrong.entry().user());
        assertEquals(Outcome.REFUSED, wrong.entry().outcome());
        assertEquals(Map.of("client", "127.0.0.1", "cause", "wrong_password"), wrong.entry().before());
        assertTrue(wrong.entry().detail().contains("wrong password from 127.0.0.1"), wrong.entry().detail());
        assertEquals("mallory", failed.get(1).entry().user());
        assertEquals("unknown_user", failed.get(1).entry().before().get("cause"));
    }

    @Test
    void theSessionIdIsNewAtEveryLoginAndABroughtOneIsEnded() throws Exception {
        Browser browser = hmi.browser();
        browser.plantCookie(Cookies.SESSION, "chosen-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaa");
        assertEquals(303, browser.login("admin", hmi.adminPassword()).status());
        String first = browser.cookie(Cookies.SESSION).orElseThrow().value();
        assertNotEquals("chosen-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaa", first);

        Browser other = hmi.browser();
        other.plantCookie(Cookies.SESSION, first);
        assertEquals(200, other.get("/api/v1/session").status(), "the first session works");
        assertEquals(303, browser.login("admin", hmi.adminPassword()).status());
        String second = browser.cookie(Cookies.SESSION).orElseThrow().value();
        assertNotEquals(first, second, "rotated at login");
        assertEquals(401, other.get("/api/v1/session").status(), "the session brought to the login is ended");
    }

    @Test
    void logoutEndsTheSessionOnTheServerAndIsAudited() throws Exception {
        Browser browser = hmi.admin();
        String id = browser.cookie(Cookies.SESSION).orElseThrow().value();
        String csrf = browser.csrf();
        Browser.Response out = browser.form("/logout", Map.of("_csrf", csrf));
        assertEquals(303, out.status(), out.toString());
        assertEquals("/login", out.header("Location").orElseThrow());
        assertTrue(browser.cookie(Cookies.SESSION).isEmpty(), "cookie cleared");
        Browser replay = hmi.browser();
        replay.plantCookie(Cookies.SESSION, id);
        assertEquals(401, replay.get("/api/v1/session").status(), "the old id is dead on the server");
        List<String> actions = hmi.auditRecords().stream().map(r -> r.entry().action()).toList();
        assertEquals(List.of("user_create", "login", "logout"), actions);
    }

    @Test
    void theLoginFormNeedsItsOwnToken() throws Exception {
        Browser browser = hmi.browser();
        Browser.Response bare = browser.form("/login", Map.of("username", "admin", "password",
                hmi.adminPassword()));
        assertEquals(403, bare.status());
        assertTrue(bare.body().contains("\"error\":\"csrf\""), bare.body());
        assertTrue(bare.body().contains("missing CSRF token of the login form"), bare.body());

        browser.get("/login"); // the cookie, but a forged token
        Browser.Response forged = browser.form("/login", Map.of("username", "admin", "password",
                hmi.adminPassword(), "_csrf", "1772438400.forged"));
        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("wrong CSRF token of the login form"), forged.body());
        assertTrue(hmi.auditRecords().stream().noneMatch(r -> r.entry().action().startsWith("login")),
                "no password was checked");
    }

    @Test
    void theLoginFormExpires() throws Exception {
        // login() would load a fresh form: keep this one's token for 11 minutes instead
        Browser stale = hmi.browser();
        Browser.Response page = stale.get("/login");
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        hmi.clock.advance(java.time.Duration.ofMinutes(11));
        Browser.Response late = stale.form("/login", Map.of("username", "admin", "password", hmi.adminPassword(),
                "_csrf", token));
        assertEquals(403, late.status());
        assertTrue(late.body().contains("expired"), late.body());
    }

    @Test
    void afterLoginOnlyLocalPathsAreFollowed() throws Exception {
        Browser browser = hmi.browser();
        Browser.Response page = browser.get("/login?next=/admin/users");
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertTrue(page.body().contains("name=\"next\" value=\"/admin/users\""), page.body());
        Browser.Response in = browser.form("/login", Map.of("username", "admin", "password", hmi.adminPassword(),
                "_csrf", token, "next", "/admin/users"));
        assertEquals("/admin/users", in.header("Location").orElseThrow());

        Browser other = hmi.browser();
        Browser.Response page2 = other.get("/login");
        String token2 = page2.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Browser.Response away = other.form("/login", Map.of("username", "admin", "password", hmi.adminPassword(),
                "_csrf", token2, "next", "//evil.example/x"));
        assertEquals("/", away.header("Location").orElseThrow(), "no open redirect");
    }
}
