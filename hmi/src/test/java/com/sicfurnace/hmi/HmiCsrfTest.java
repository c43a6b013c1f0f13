package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiCsrfTest {
    private static final String NEW_USER = "{\"name\":\"%s\",\"role\":\"operator\",\"password\":\"a long password\"}";

    @TempDir
    Path dir;
    private TestHmi hmi;
    private Browser admin;

    @BeforeEach
    void start() throws Exception {
        hmi = TestHmi.start(dir);
        admin = hmi.admin();
    }

    @AfterEach
    void stop() {
        hmi.close();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndWithItPasses() throws Exception {
        Browser.Response without = admin.json("POST", "/api/v1/users", NEW_USER.formatted("olga"));
        assertEquals(403, without.status());
        assertEquals("{\"error\":\"csrf\",\"reason\":\"missing CSRF token (header X-CSRF-Token)\"}", without.body());

        Browser.Response wrong = admin.json("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "X-CSRF-Token", "x".repeat(43));
        assertEquals(403, wrong.status());
        assertEquals("{\"error\":\"csrf\",\"reason\":\"wrong CSRF token (header X-CSRF-Token)\"}", wrong.body());

        Browser other = hmi.admin();
        Browser.Response othersToken = admin.json("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "X-CSRF-Token", other.csrf());
        assertEquals(403, othersToken.status(), "the token is the session's own");

        assertEquals(200, admin.get("/api/v1/users").status(), "reading needs no token");
        assertEquals(1, hmi.server.routes().all().stream().filter(r -> r.path().equals("/api/v1/users")
                && r.method().name().equals("POST")).count());
        Browser.Response with = admin.jsonWithCsrf("POST", "/api/v1/users", NEW_USER.formatted("olga"));
        assertEquals(201, with.status(), with.toString());

        assertEquals(403, admin.json("PUT", "/api/v1/users/olga", "{\"role\":\"engineer\"}").status());
        assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/olga", "{\"role\":\"engineer\"}").status());
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() throws Exception {
        Browser.Response foreign = admin.jsonWithCsrf("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "Origin", "http://evil.example");
        assertEquals(403, foreign.status());
        assertTrue(foreign.body().startsWith("{\"error\":\"csrf\",\"reason\":\"foreign origin 'http://evil.example'"),
                foreign.body());
        Browser.Response nullOrigin = admin.jsonWithCsrf("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "Origin", "null");
        assertEquals(403, nullOrigin.status());
        Browser.Response crossSite = admin.jsonWithCsrf("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.status());

        Browser.Response foreignLogin = hmi.browser().form("/login", Map.of("username", "admin"),
                "Origin", "http://evil.example");
        assertEquals(403, foreignLogin.status(), "the login form too");

        String own = "http://127.0.0.1:" + hmi.server.port();
        Browser.Response ownOrigin = admin.jsonWithCsrf("POST", "/api/v1/users", NEW_USER.formatted("olga"),
                "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertEquals(201, ownOrigin.status(), ownOrigin.toString());
    }

    @Test
    void anHtmlFormMayCarryTheTokenInAHiddenField() throws Exception {
        assertEquals(403, admin.form("/logout", Map.of()).status(), "logout without the token");
        assertEquals(200, admin.get("/api/v1/session").status(), "and the session goes on");
        assertEquals(303, admin.form("/logout", Map.of("_csrf", admin.csrf())).status());
    }
}
