package com.sicfurnace.hmi.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.app.HmiConfig;
import com.sicfurnace.hmi.app.HmiServer;
import com.sicfurnace.hmi.plant.LivePlant;
import com.sicfurnace.hmi.user.InitialAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Tuning screen in a real headless Chromium, against a real plant (simulator and controller at 60 times real
 * speed) behind a real HMI: an engineer finds the furnace under Tuning, sees the seed loop's gains against the
 * profile's and the range allowed, changes them through the confirmation dialog, sees the screen follow, and finds the
 * change in the controller's audit trail with the values before and after, attributed to them; the relay test's
 * refusal outside a soak is the controller's own words. An operator is refused (403) the screen, the loops and the
 * engineering commands, and nothing of theirs reaches the controller's trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TuningBrowserTest {
    private static final double SPEED = 60;
    private static final String ENGINEER = "erin";
    private static final String OPERATOR = "olga";
    private static final String PASSWORD = "long-enough-password";

    private Path root;
    private LivePlant f01;
    private HmiServer hmi;
    private ScreenDriver screen;
    private ChromeDriver driver;
    private String base;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("tuning");
        f01 = new LivePlant("f01", root.resolve("f01"), SPEED).startController();
        Path hmiDir = Files.createDirectories(root.resolve("hmi"));
        Path config = hmiDir.resolve("hmi.yaml");
        Files.writeString(config, "port: 0\ndata_dir: data\ncontrollers:\n  - {name: f01, url: '" + f01.apiUrl()
                + "', token_file: '" + f01.tokenFile() + "'}\n");
        hmi = HmiServer.start(HmiConfig.load(config), new HmiServer.Options(Clock.systemUTC(), new SecureRandom(),
                new PrintStream(OutputStream.nullOutputStream())));
        base = hmi.url().toString();
        Browser admin = new Browser(hmi.url());
        String adminPassword = Files.readString(hmi.dataDir().resolve(InitialAdmin.PASSWORD_FILE)).strip();
        assertEquals(303, admin.login(InitialAdmin.NAME, adminPassword).status());
        for (String[] user : new String[][] {{ENGINEER, "engineer"}, {OPERATOR, "operator"}}) {
            Browser.Response created = admin.jsonWithCsrf("POST", "/api/v1/users", "{\"name\":\"" + user[0]
                    + "\",\"role\":\"" + user[1] + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(201, created.status(), created.toString());
        }
        screen = new ScreenDriver(base, Path.of(System.getProperty("hmi.screenshots", "target/screenshots")), 1600,
                1300, this::logs);
        driver = screen.driver;
        screen.login(ENGINEER, PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (screen != null) {
            screen.close();
        }
        if (hmi != null) {
            hmi.close();
        }
        if (f01 != null) {
            f01.close();
        }
    }

    @Test
    @Order(1)
    void anEngineerChangesAGainAndTheChangeIsAuditedWithBeforeAndAfter() throws Exception {
        driver.findElement(By.linkText("Tuning")).click();
        await(() -> driver.getCurrentUrl().equals(base + "/tuning"), 10, "the Tuning screen from the session page");
        click("#tuning-furnaces a[href='/furnace/f01/tuning']");
        await(() -> driver.getCurrentUrl().equals(base + "/furnace/f01/tuning"), 10, "f01's tuning");
        await(() -> text("#loops tr[data-loop=seed] td[data-field=kp]").equals("0.3"), 30, "the seed loop's gains");
        assertEquals("0.3 / 400 / 0", text("#loops tr[data-loop=seed] td[data-field=profile]"));
        assertEquals("0.03 – 3", text("#loops tr[data-loop=seed] td[data-field=kp_allowed]"));
        assertEquals("40 – 4000", text("#loops tr[data-loop=seed] td[data-field=ti_allowed]"));
        assertEquals("1 (not scheduled)", text("#loops tr[data-loop=pressure] td[data-field=gain_scale]"));
        assertTrue(text("#schedule").contains("reference 2350 °C"), text("#schedule"));
        await(() -> Integer.parseInt(attributeOr("#response-chart", "data-drawn", "0")) >= 2, 20,
                "the live response drawn");

        click("#loops tr[data-loop=seed] button");
        assertEquals("seed", driver.findElement(By.id("gains-loop")).getAttribute("value"));
        type("#gains-kp", "0.36");
        type("#gains-ti", "450");
        click("#gains-send");
        await(() -> driver.findElement(By.id("command-dialog")).isDisplayed(), 5, "the confirmation dialog");
        assertEquals("Change the gains on furnace f01?", text("#command-title"));
        assertEquals("seed loop: kp 0.3 → 0.36, ti 400 → 450 s, td 0 → 0 s", text("#command-summary"));
        click("#command-send");
        await(() -> dialogResult().equals("A reason is required to change the gains. Nothing was sent."), 5,
                "no change without a reason");
        type("#command-reason", "faster recovery after the pressure step");
        click("#command-send");
        await(() -> dialogResult().startsWith("Applied"), 20, "the controller's answer");
        assertEquals("Applied: retuned", dialogResult());
        click("#command-cancel");
        await(() -> text("#loops tr[data-loop=seed] td[data-field=kp]").equals("0.36"), 10, "the screen follows");
        assertEquals("450", text("#loops tr[data-loop=seed] td[data-field=ti_s]"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("tuning");

        AuditEntry change = awaitAudit(e -> e.action().equals("tuning_change") && e.user().equals(ENGINEER));
        assertEquals("engineer", change.role());
        assertEquals("faster recovery after the pressure step", change.reason());
        assertEquals("seed", change.before().get("loop"));
        assertEquals("0.300000", change.before().get("kp"));
        assertEquals("400.000", change.before().get("ti_s"));
        assertEquals("0.360000", change.after().get("kp"));
        assertEquals("450.000", change.after().get("ti_s"));

        // the relay test is the controller's to allow: before the run, no soak holds the seed steady
        click("#autotune-start");
        await(() -> text("#command-title").equals("Start the relay auto-tune on furnace f01?"), 5, "its dialog");
        type("#command-reason", "commissioning");
        click("#command-send");
        await(() -> dialogResult().startsWith("Refused"), 20, "the controller's refusal");
        assertTrue(dialogResult().contains("the run must be running in a soak; it is ready"), dialogResult());
        click("#command-cancel");
        assertEquals("idle", text("#autotune-state"));
    }

    @Test
    @Order(2)
    void anOperatorIsRefusedTheTuningScreenTheLoopsAndTheEngineeringCommands() throws Exception {
        Browser operator = new Browser(hmi.url());
        assertEquals(303, operator.login(OPERATOR, PASSWORD).status());
        assertEquals(403, operator.get("/tuning").status());
        assertEquals(403, operator.get("/furnace/f01/tuning").status());
        assertEquals(403, operator.get("/api/v1/furnaces/f01/loops").status());
        for (String body : List.of(
                "{\"command\":\"tune\",\"loop\":\"seed\",\"kp\":0.5,\"ti_s\":400,\"td_s\":0,\"reason\":\"r\"}",
                "{\"command\":\"start_auto_tune\",\"loop\":\"seed\",\"amplitude_kw\":1,\"band_k\":5,\"reason\":\"r\"}",
                "{\"command\":\"accept_tuning\",\"loop\":\"seed\",\"reason\":\"r\"}")) {
            Browser.Response refused = operator.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", body);
            assertEquals(403, refused.status(), body + " -> " + refused);
            assertTrue(refused.body().contains("is for engineers and admins"), refused.body());
        }
        // an operator may still stop a relay test: the controller answers (none runs), it is not refused here
        Browser.Response abort = operator.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                "{\"command\":\"abort_auto_tune\",\"loop\":\"seed\"}");
        assertEquals(409, abort.status(), abort.toString());
        assertTrue(abort.body().contains("no relay test of the seed loop is running"), abort.body());
        List<AuditRecord> trail = TrailRecords.read(f01.dir.resolve("audit"));
        assertFalse(trail.stream().anyMatch(r -> r.entry().user().equals(OPERATOR)
                && r.entry().action().startsWith("tuning")), "no operator's tuning reached the controller");
    }

    private AuditEntry awaitAudit(java.util.function.Predicate<AuditEntry> match) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (AuditRecord record : TrailRecords.read(f01.dir.resolve("audit"))) {
                if (match.test(record.entry())) {
                    return record.entry();
                }
            }
            sleep(200);
        }
        throw new AssertionError("no such record in f01's audit trail: "
                + TrailRecords.actions(TrailRecords.read(f01.dir.resolve("audit"))));
    }

    private void type(String css, String value) {
        screen.type(css, value);
    }

    private String dialogResult() {
        WebElement result = driver.findElement(By.id("command-result"));
        return result.isDisplayed() ? result.getText() : "";
    }

    private void click(String css) {
        screen.click(css);
    }

    private String text(String css) {
        return screen.text(css);
    }

    private String attributeOr(String css, String name, String otherwise) {
        String value = screen.attribute(css, name);
        return value == null ? otherwise : value;
    }

    private void await(Supplier<Boolean> condition, int seconds, String what) {
        screen.await(condition, seconds, what);
    }

    private String shot(String name) {
        return screen.screenshot(name);
    }

    /** The plant's logs, for a wait that failed. */
    private String logs() {
        try {
            return f01.logs();
        } catch (IOException e) {
            return "(logs not read: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        ScreenDriver.pause(millis);
    }
}
