package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.user.InitialAdmin;
import com.sicfurnace.hmi.user.UserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmiFirstStartTest {
    private static final Pattern FIRST_START = Pattern.compile(
            "HMI on http://127\\.0\\.0\\.1:(\\d+) — first start: user admin, password (\\S+) \\(change it\\)\n");

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAdminWithARandomPasswordAndASecondDoesNot() throws Exception {
        String password;
        Path passwordFile;
        try (TestHmi first = TestHmi.start(dir)) {
            Matcher m = FIRST_START.matcher(first.out);
            assertTrue(m.matches(), "stdout: " + first.out);
            assertEquals(first.server.port(), Integer.parseInt(m.group(1)));
            password = m.group(2);
            assertTrue(password.length() >= 20, password);
            passwordFile = first.dataDir().resolve(InitialAdmin.PASSWORD_FILE);
            assertEquals(password + "\n", Files.readString(passwordFile));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertEquals(303, first.browser().login("admin", password).status());
        }
        try (TestHmi second = TestHmi.start(dir)) {
            assertEquals("HMI on http://127.0.0.1:" + second.server.port() + "\n", second.out, "no password again");
            assertEquals(password + "\n", Files.readString(passwordFile), "the file is left until it is changed");
            assertEquals(303, second.browser().login("admin", password).status(), "the same admin");
        }
        try (TestHmi third = TestHmi.start(Files.createDirectory(dir.resolve("other")))) {
            Matcher m = FIRST_START.matcher(third.out);
            assertTrue(m.matches(), third.out);
            assertFalse(m.group(2).equals(password), "every first start makes its own password");
        }
    }

    @Test
    void changingTheAdminPasswordDeletesTheInitialPasswordFile() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            Path file = hmi.dataDir().resolve(InitialAdmin.PASSWORD_FILE);
            Browser admin = hmi.admin();
            Browser.Response tooShort = admin.jsonWithCsrf("POST", "/api/v1/users/admin/password",
                    "{\"current_password\":\"" + hmi.adminPassword() + "\",\"new_password\":\"short\"}");
            assertEquals(400, tooShort.status());
            assertTrue(Files.exists(file), "not changed: the file stays");
            Browser.Response changed = admin.jsonWithCsrf("POST", "/api/v1/users/admin/password",
                    "{\"current_password\":\"" + hmi.adminPassword() + "\",\"new_password\":\"a new admin password\"}");
            assertEquals(204, changed.status(), changed.toString());
            assertFalse(Files.exists(file));
            assertEquals(303, hmi.browser().login("admin", "a new admin password").status());
        }
    }

    @Test
    void theUsersFileIsOwnerOnlyAndHoldsArgon2idHashesNotPasswords() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            hmi.userWithRole("olga", "operator");
            Path users = hmi.dataDir().resolve(UserStore.FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hmi.dataDir())));
            String text = Files.readString(users);
            assertFalse(text.contains(hmi.adminPassword()), "no password in the users file");
            assertFalse(text.contains("olga-password-long"));
            Matcher hashes = Pattern.compile("\"password_hash\" : \"(\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[^\"]+)\"")
                    .matcher(text);
            int count = 0;
            while (hashes.find()) {
                count++;
            }
            assertEquals(2, count, text);
            assertTrue(Files.list(hmi.dataDir()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "no temporary file left by the atomic write");
        }
    }
}
