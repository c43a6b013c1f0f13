package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiUserAdminTest {
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
    void createListAndRefuseBadUsers() throws Exception {
        Browser.Response created = admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"olga\",\"role\":\"operator\",\"password\":\"olga's password\"}");
        assertEquals(201, created.status());
        assertTrue(created.body().startsWith("{\"name\":\"olga\",\"role\":\"operator\",\"enabled\":true,"),
                created.body());
        Browser.Response list = admin.get("/api/v1/users");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("\"name\":\"admin\"") && list.body().contains("\"name\":\"olga\""));
        assertFalse(list.body().contains("argon2") || list.body().contains("hash")
                || list.body().contains("password\""), "no hash leaves the server: " + list.body());

        assertRefused(409, "exists", admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"olga\",\"role\":\"operator\",\"password\":\"another password\"}"));
        assertRefused(400, "invalid", admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"bob\",\"role\":\"operator\",\"password\":\"short\"}"));
        assertRefused(400, "invalid", admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"bob\",\"role\":\"superuser\",\"password\":\"long enough password\"}"));
        assertRefused(400, "invalid", admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"Bob Smith\",\"role\":\"operator\",\"password\":\"long enough password\"}"));
        assertRefused(400, "invalid", admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"bob\",\"role\":\"operator\",\"password\":\"long enough password\",\"admin\":true}"));
        assertRefused(404, "unknown_user", admin.jsonWithCsrf("PUT", "/api/v1/users/nobody", "{\"role\":\"admin\"}"));
    }

    @Test
    void thereIsAlwaysAnEnabledAdministrator() throws Exception {
        assertRefused(409, "last_admin", admin.jsonWithCsrf("PUT", "/api/v1/users/admin", "{\"role\":\"engineer\"}"));
        assertRefused(409, "last_admin", admin.jsonWithCsrf("PUT", "/api/v1/users/admin", "{\"enabled\":false}"));
        assertEquals(201, admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"anne\",\"role\":\"admin\",\"password\":\"second admin password\"}").status());
        assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/admin", "{\"role\":\"engineer\"}").status(),
                "with a second administrator the first may step down");
    }

    @Test
    void passwordResetsAndOwnChanges() throws Exception {
        Browser olga = hmi.userWithRole("olga", "operator");
        Browser olgaElsewhere = hmi.browser();
        assertEquals(303, olgaElsewhere.login("olga", "olga-password-long").status());

        assertRefused(403, "forbidden", olga.jsonWithCsrf("POST", "/api/v1/users/admin/password",
                "{\"new_password\":\"taking over admin\"}"));
        assertRefused(403, "wrong_password", olga.jsonWithCsrf("POST", "/api/v1/users/olga/password",
                "{\"current_password\":\"a guess at it\",\"new_password\":\"olga's new password\"}"));
        assertEquals(204, olga.jsonWithCsrf("POST", "/api/v1/users/olga/password",
                "{\"current_password\":\"olga-password-long\",\"new_password\":\"olga's new password\"}").status());
        assertEquals(200, olga.get("/api/v1/session").status(), "the session that changed it goes on");
        assertEquals(401, olgaElsewhere.get("/api/v1/session").status(), "her other sessions end");
        assertEquals(401, hmi.browser().login("olga", "olga-password-long").status());

        assertEquals(204, admin.jsonWithCsrf("POST", "/api/v1/users/olga/password",
                "{\"new_password\":\"reset by the admin\",\"reason\":\"forgotten\"}").status());
        assertEquals(401, olga.get("/api/v1/session").status(), "a reset ends every session of the user");
        assertEquals(303, hmi.browser().login("olga", "reset by the admin").status());
    }

    @Test
    void theUsersPageIsServedToAdministratorsWithItsModule() throws Exception {
        Browser.Response page = admin.get("/admin/users");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script type=\"module\" src=\"/static/js/users.js\"></script>"));
        Browser.Response module = admin.get("/static/js/users.js");
        assertEquals(200, module.status());
        assertTrue(module.header("Content-Type").orElseThrow().contains("javascript"), module.headers().toString());
        assertTrue(admin.get("/static/js/api.js").body().contains("'X-CSRF-Token': csrf"), "the module sends it");
        assertTrue(admin.get("/static/hmi.css").body().contains("--ground: #d9d9d9"), "ISA-101 grey ground");

        Browser.Response home = admin.get("/");
        assertTrue(home.body().contains("<a href=\"/admin/users\">Users</a>"), home.body());
        assertTrue(home.body().contains("<a href=\"/recipes\">Recipes</a>"), home.body());
        Browser operator = hmi.userWithRole("olga", "operator");
        String own = operator.get("/").body();
        assertTrue(own.contains("<a href=\"/fleet\">Fleet</a>") && own.contains("<a href=\"/alarms\">Alarms</a>"), own);
        assertFalse(own.contains("Recipes") || own.contains("Tuning") || own.contains("Users"), own);
    }

    private static void assertRefused(int status, String code, Browser.Response response) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.body().startsWith("{\"error\":\"" + code + "\""), response.body());
    }
}
