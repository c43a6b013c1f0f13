package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.web.Access;
import com.sicfurnace.hmi.web.Route;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiAccessTest {
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
    void anOperatorIsRefusedEngineerPagesAndAdminApis() throws Exception {
        Browser operator = hmi.userWithRole("olga", "operator");
        Browser.Response page = operator.get("/recipes");
        assertEquals(403, page.status(), page.toString());
        assertTrue(page.body().contains("needs role engineer; olga is operator"), page.body());
        assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"));

        Browser.Response api = operator.get("/api/v1/users");
        assertEquals(403, api.status());
        assertEquals("{\"error\":\"forbidden\",\"reason\":\"needs role admin; olga is operator\"}", api.body());
        assertEquals(403, operator.get("/admin/users").status());
        assertEquals(403, operator.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"eve\",\"role\":\"admin\",\"password\":\"twelve chars!\"}").status());

        assertEquals(200, operator.get("/").status(), "an operator's own pages");
        assertEquals(200, operator.get("/fleet").status(), "an operator screen");
        assertEquals(404, operator.get("/furnace/f01").status(), "a furnace this HMI does not know");
    }

    @Test
    void anEngineerMayOpenEngineerPagesButNotAdministration() throws Exception {
        Browser engineer = hmi.userWithRole("emil", "engineer");
        Browser.Response recipes = engineer.get("/recipes");
        assertEquals(200, recipes.status(), "an engineer's screen");
        assertTrue(recipes.body().contains("id=\"recipe-table\""), recipes.body());
        assertEquals(200, engineer.get("/alarms").status(), "an engineer may do what an operator may");
        assertEquals(403, engineer.get("/admin/users").status());
        assertEquals(403, engineer.get("/api/v1/users").status());
    }

    @Test
    void withoutASessionApisAnswer401AndPagesRedirectToLogin() throws Exception {
        Browser anonymous = hmi.browser();
        Browser.Response api = anonymous.get("/api/v1/session");
        assertEquals(401, api.status());
        assertEquals("{\"error\":\"unauthenticated\",\"reason\":\"no valid session; log in at /login\"}", api.body());
        Browser.Response page = anonymous.get("/admin/users");
        assertEquals(302, page.status());
        assertEquals("/login?next=%2Fadmin%2Fusers", page.header("Location").orElseThrow());

        // every route of the table that needs a role, whatever its method
        for (Route route : hmi.server.routes().all()) {
            if (route.access() == Access.PUBLIC) {
                continue;
            }
            String path = route.path().replace("{name}", "admin").replaceAll("\\{[a-z]+}", "f01");
            Browser.Response r = route.method() == HandlerType.GET ? anonymous.get(path)
                    : anonymous.json(route.method().name(), path, "{}");
            if (route.api() || route.method() != HandlerType.GET) {
                assertEquals(401, r.status(), route.key());
            } else {
                assertEquals(302, r.status(), route.key());
                assertTrue(r.header("Location").orElseThrow().startsWith("/login?next="), route.key());
            }
        }
        assertEquals(200, anonymous.get("/health").status());
        assertEquals("{\"status\":\"ok\"}", anonymous.get("/health").body(), "health tells nothing more");
        assertEquals(200, anonymous.get("/login").status());
        assertEquals(200, anonymous.get("/static/hmi.css").status());
    }

    @Test
    void roleChangesAndDisablingApplyAtTheNextRequest() throws Exception {
        Browser engineer = hmi.userWithRole("emil", "engineer");
        Browser admin = hmi.admin();
        assertEquals(200, engineer.get("/recipes").status());
        assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/emil", "{\"role\":\"operator\"}").status());
        assertEquals(403, engineer.get("/recipes").status(), "demoted: the role is read at each request");
        assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/emil", "{\"enabled\":false}").status());
        assertEquals(401, engineer.get("/api/v1/session").status(), "disabled: the session is over");
        Browser.Response again = hmi.browser().login("emil", "emil-password-long");
        assertEquals(401, again.status());
        assertTrue(again.body().contains("This user is disabled"), again.body());
        assertFalse(hmi.auditRecords().stream().noneMatch(r -> r.entry().before() != null
                && "disabled".equals(r.entry().before().get("cause"))), "a disabled user's login is audited");
    }

    @Test
    void headRequestsNeedWhatTheirGetNeeds() throws Exception {
        Browser anonymous = hmi.browser();
        assertEquals(200, anonymous.head("/health").status());
        assertEquals(200, anonymous.head("/login").status());
        assertEquals(302, anonymous.head("/admin/users").status());
        assertEquals(401, anonymous.head("/api/v1/users").status());
        Browser operator = hmi.userWithRole("olga", "operator");
        assertEquals(403, operator.head("/admin/users").status());
        assertEquals(200, operator.head("/").status());
        assertEquals(200, hmi.admin().head("/admin/users").status());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/health", "/static/hmi.css", "/no-such-page", "/"}) {
            Browser.Response r = hmi.browser().get(path);
            assertTrue(r.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""), path);
        }
    }
}
