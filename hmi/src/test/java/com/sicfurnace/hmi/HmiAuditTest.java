package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditVerifier;
import com.sicfurnace.controller.audit.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiAuditTest {
    @TempDir
    Path dir;

    @Test
    void aSessionsLoginsAndUserAdministrationFormAnIntactTrailWithoutSecrets() throws Exception {
        List<String> secrets;
        Path trail;
        try (TestHmi hmi = TestHmi.start(dir)) {
            Browser admin = hmi.admin();
            assertEquals(401, hmi.browser().login("admin", "not my password").status());
            assertEquals(201, admin.jsonWithCsrf("POST", "/api/v1/users", "{\"name\":\"olga\",\"role\":\"operator\","
                    + "\"password\":\"olga first password\",\"reason\":\"new shift operator\"}").status());
            assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/olga",
                    "{\"role\":\"engineer\",\"reason\":\"promoted to process engineering\"}").status());
            assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/olga",
                    "{\"enabled\":false,\"reason\":\"on leave\"}").status());
            assertEquals(200, admin.jsonWithCsrf("PUT", "/api/v1/users/olga",
                    "{\"enabled\":true,\"reason\":\"back\"}").status());
            assertEquals(204, admin.jsonWithCsrf("POST", "/api/v1/users/olga/password",
                    "{\"new_password\":\"olga second password\",\"reason\":\"forgotten\"}").status());
            assertEquals(409, admin.jsonWithCsrf("PUT", "/api/v1/users/admin",
                    "{\"role\":\"operator\",\"reason\":\"oops\"}").status());
            Browser olga = hmi.browser();
            assertEquals(303, olga.login("olga", "olga second password").status());
            assertEquals(204, olga.jsonWithCsrf("POST", "/api/v1/users/olga/password",
                    "{\"current_password\":\"olga second password\",\"new_password\":\"olga third password\"}")
                    .status());
            assertEquals(303, olga.form("/logout", Map.of("_csrf", olga.csrf())).status());

            List<AuditRecord> records = hmi.auditRecords();
            assertEquals(List.of("user_create", "login", "login_failed", "user_create", "user_role_change",
                    "user_disable", "user_enable", "user_password_reset", "user_role_change", "login",
                    "password_change", "logout"), records.stream().map(r -> r.entry().action()).toList());
            AuditRecord role = records.get(4);
            assertEquals("admin", role.entry().user(), "the acting user");
            assertEquals("admin", role.entry().role());
            assertEquals("promoted to process engineering", role.entry().reason());
            assertEquals(Map.of("user", "olga", "role", "operator", "enabled", true), role.entry().before());
            assertEquals(Map.of("user", "olga", "role", "engineer", "enabled", true), role.entry().after());
            AuditRecord refused = records.get(8);
            assertEquals(Outcome.REFUSED, refused.entry().outcome());
            assertEquals("refused: it would leave no enabled administrator", refused.entry().detail());
            assertEquals("olga", records.get(10).entry().user(), "own password change by olga");
            assertEquals("engineer", records.get(10).entry().role());
            secrets = List.of(hmi.adminPassword(), "not my password", "olga first password", "olga second password",
                    "olga third password", "$argon2id");
            trail = hmi.auditDir();
        }
        AuditVerifier.Result result = AuditVerifier.verify(trail);
        assertTrue(result.intact(), result.problem().map(Object::toString).orElse("") + result.missingHeads());
        assertEquals(12, result.records());
        for (Path file : AuditFiles.list(trail)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "the trail holds no password or hash: " + secret);
            }
        }

        // the same check sees an altered record: this test's verdict can fail
        Path file = AuditFiles.list(trail).get(0);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"promoted to process engineering\"", "\"promoted\""),
                StandardCharsets.UTF_8);
        AuditVerifier.Result altered = AuditVerifier.verify(trail);
        assertFalse(altered.intact());
        assertEquals(5L, altered.problem().orElseThrow().seq());
    }

    @Test
    void theTrailGoesOnAcrossRestarts() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            hmi.admin();
        }
        try (TestHmi again = TestHmi.start(dir)) {
            again.admin();
            assertEquals(List.of("user_create", "login", "login"), again.auditRecords().stream()
                    .map(r -> r.entry().action()).toList());
            assertTrue(AuditVerifier.verify(again.auditDir()).intact());
        }
    }
}
