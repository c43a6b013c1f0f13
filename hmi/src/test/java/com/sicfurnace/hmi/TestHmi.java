package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.hmi.app.HmiConfig;
import com.sicfurnace.hmi.app.HmiServer;
import com.sicfurnace.hmi.user.InitialAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An HMI started for a test on 127.0.0.1, port 0, in a temporary directory, with a {@link MutableClock}; its standard
 * output captured. The configuration file holds {@code port: 0} and whatever the test adds.
 */
public final class TestHmi implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    public final Path dir;
    public final MutableClock clock;
    public final HmiServer server;
    public final String out;

    private TestHmi(Path dir, MutableClock clock, HmiServer server, String out) {
        this.dir = dir;
        this.clock = clock;
        this.server = server;
        this.out = out;
    }

    public static TestHmi start(Path dir) throws Exception {
        return start(dir, "", new MutableClock(START));
    }

    public static TestHmi start(Path dir, String moreYaml) throws Exception {
        return start(dir, moreYaml, new MutableClock(START));
    }

    public static TestHmi start(Path dir, String moreYaml, MutableClock clock) throws Exception {
        Path config = dir.resolve("hmi.yaml");
        Files.writeString(config, "port: 0\n" + moreYaml);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HmiServer server = HmiServer.start(HmiConfig.load(config), new HmiServer.Options(clock, new SecureRandom(),
                out));
        return new TestHmi(dir, clock, server, bytes.toString(StandardCharsets.UTF_8));
    }

    public Path dataDir() {
        return server.dataDir();
    }

    public String adminPassword() throws IOException {
        return Files.readString(dataDir().resolve(InitialAdmin.PASSWORD_FILE)).strip();
    }

    public Browser browser() {
        return new Browser(server.url());
    }

    /** A logged-in browser of the first administrator. */
    public Browser admin() throws Exception {
        Browser browser = browser();
        Browser.Response response = browser.login(InitialAdmin.NAME, adminPassword());
        assertTrue(response.status() == 303, "admin login: " + response);
        return browser;
    }

    /** Creates a user through the API as the first administrator and returns a browser logged in as them. */
    public Browser userWithRole(String name, String role) throws Exception {
        String password = name + "-password-long";
        Browser admin = admin();
        Browser.Response created = admin.jsonWithCsrf("POST", "/api/v1/users",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\"" + password + "\"}");
        assertTrue(created.status() == 201, "create " + name + ": " + created);
        Browser user = browser();
        Browser.Response login = user.login(name, password);
        assertTrue(login.status() == 303, "login " + name + ": " + login);
        return user;
    }

    public Path auditDir() {
        return dataDir().resolve(HmiServer.AUDIT_DIR);
    }

    /** Every record of the trail, once what was submitted is on disk. */
    public List<AuditRecord> auditRecords() throws Exception {
        assertTrue(server.audit().flush(Duration.ofSeconds(10)), "audit records on disk within 10 s");
        List<AuditRecord> records = new ArrayList<>();
        for (Path file : AuditFiles.list(auditDir())) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(AuditRecord.parse(line));
            }
        }
        return records;
    }

    @Override
    public void close() {
        server.close();
    }
}
