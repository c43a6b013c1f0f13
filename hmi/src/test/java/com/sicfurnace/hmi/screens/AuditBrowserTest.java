package com.sicfurnace.hmi.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.TestHmi;
import com.sicfurnace.hmi.plant.LivePlant;
import com.sicfurnace.hmi.web.Cookies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The Audit screen in a real headless Chromium, against a real plant (simulator and controller jars) behind a real
 * HMI: an operator starts and holds the run through the HMI's API; an engineer filters the furnace's trail by user
 * and action and finds the hold with its reason and what it changed, the chain verified; the screen's CSV export,
 * fetched with the engineer's session, holds exactly that record and is itself in the HMI's trail; and a record of the
 * controller's trail altered on disk shows the chain broken there, in alarm colour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditBrowserTest {
    private static final Path SHOTS = Path.of(System.getProperty("hmi.screenshots", "target/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "check the view port";

    private Path root;
    private LivePlant f01;
    private TestHmi hmi;
    private Browser olga;
    private ScreenDriver screen;
    private ChromeDriver driver;
    private String base;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("audit-screen");
        f01 = new LivePlant("f01", root.resolve("f01"), 60).startController();
        hmi = TestHmi.start(Files.createDirectories(root.resolve("hmi")), "controllers:\n  - {name: f01, url: '"
                + f01.apiUrl() + "', token_file: '" + f01.tokenFile() + "'}\n");
        base = hmi.server.url().toString();
        olga = hmi.userWithRole("olga", "operator");
        hmi.userWithRole("erin", "engineer");
        screen = new ScreenDriver(base.replaceAll("/$", ""), SHOTS, 1500, 1000,
                () -> "count: " + text("#audit-count") + "; chains: " + text("#audit-chains"));
        driver = screen.driver;
        screen.login("erin", "erin-password-long");
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
    void anEngineerFindsAnOperatorsHoldWithWhatItChangedVerifiedAndExportsIt() throws Exception {
        await(() -> connected(), 60, "the HMI connected to f01");
        startAndHold();

        driver.get(base + "/audit");
        awaitLoaded();
        assertTrue(driver.findElements(By.cssSelector("#audit-table tbody tr")).size() >= 3, "every source's");
        new Select(driver.findElement(By.name("source"))).selectByValue("f01");
        new Select(driver.findElement(By.name("user"))).selectByValue("olga");
        new Select(driver.findElement(By.name("action"))).selectByValue("hold");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        await(() -> text("#audit-count").startsWith("1 record matches"), 10, "olga's one hold");
        WebElement row = driver.findElement(By.cssSelector("#audit-table tbody tr"));
        assertEquals("f01", cell(row, "source"));
        assertEquals("olga", cell(row, "user"));
        assertEquals("operator", cell(row, "role"));
        assertEquals("hold", cell(row, "action"));
        assertEquals(REASON, cell(row, "reason"));
        assertEquals("hold_reason: none → operator\nrun_state: running → held", cell(row, "changes"));
        assertTrue(cell(row, "outcome").startsWith("done"), cell(row, "outcome"));
        assertTrue(cell(row, "time").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"), cell(row, "time"));
        String chain = text("#audit-chains li[data-source=f01]");
        assertTrue(chain.matches("furnace f01: verified: \\d+ records, head [0-9a-f]{12} \\(seq \\d+\\)"), chain);
        assertFalse(attribute("#audit-chains li[data-source=f01]", "class").contains("broken"));
        screenshot("audit");

        String href = attribute("#audit-export", "href");
        Browser session = new Browser(URI.create(base));
        session.plantCookie(Cookies.SESSION, driver.manage().getCookieNamed(Cookies.SESSION).getValue());
        Browser.Response csv = session.get(URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery());
        assertEquals(200, csv.status(), csv.toString());
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length, "the header and the one record shown: " + csv.body());
        assertTrue(lines[1].startsWith("f01,"), lines[1]);
        assertTrue(lines[1].contains(",olga,operator,hold," + REASON + ","), lines[1]);
        assertTrue(lines[1].contains(",\"{\"\"hold_reason\"\":\"\"none\"\",\"\"run_state\"\":\"\"running\"\"}\","
                + "\"{\"\"hold_reason\"\":\"\"operator\"\",\"\"run_state\"\":\"\"held\"\"}\",done,"),
                "before and after as JSON: " + lines[1]);

        hmi.auditRecords(); // the export's record on disk
        new Select(driver.findElement(By.name("source"))).selectByValue("hmi");
        new Select(driver.findElement(By.name("user"))).selectByValue("");
        new Select(driver.findElement(By.name("action"))).selectByValue("");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        awaitOption("action", "audit_export");
        new Select(driver.findElement(By.name("action"))).selectByValue("audit_export");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        await(() -> text("#audit-count").startsWith("1 record matches"), 10, "the export, in the HMI's trail");
        WebElement export = driver.findElement(By.cssSelector("#audit-table tbody tr"));
        assertEquals("erin", cell(export, "user"));
        assertTrue(cell(export, "changes").contains("records: – → 1"), cell(export, "changes"));
        assertTrue(text("#audit-chains li[data-source=hmi]").startsWith("the HMI: verified: "));
    }

    @Test
    @Order(2)
    void aRecordAlteredOnDiskShowsTheChainBrokenThereInAlarmColour() throws Exception {
        Path file = null;
        for (Path candidate : AuditFiles.list(f01.dir.resolve("audit"))) {
            if (Files.readString(candidate, StandardCharsets.UTF_8).contains("\"reason\":\"" + REASON + "\"")) {
                file = candidate;
            }
        }
        assertTrue(file != null, "the hold's file");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long seq = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"reason\":\"" + REASON + "\"")) {
                seq = JSON.readTree(lines.get(i)).path("seq").asLong();
                lines.set(i, lines.get(i).replace(REASON, "check the view pert"));
            }
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        driver.get(base + "/audit");
        awaitLoaded();
        WebElement broken = driver.findElement(By.cssSelector("#audit-chains li[data-source=f01]"));
        assertTrue(broken.getText().startsWith("furnace f01: BROKEN at record " + seq
                + ": hash mismatch: record altered (" + file.getFileName() + " line "), broken.getText());
        assertTrue(broken.getAttribute("class").contains("broken"));
        assertEquals("rgba(209, 0, 0, 1)", broken.getCssValue("background-color"), "the alarm colour");
        WebElement altered = driver.findElement(By.cssSelector("#audit-table tbody tr[data-source=f01][data-seq='"
                + seq + "']"));
        assertTrue(altered.getAttribute("class").contains("unverified"), "the altered record is not verified");
        assertEquals("check the view pert", cell(altered, "reason"), "and is shown as it now reads");
        screenshot("audit-broken");
    }

    private void startAndHold() throws Exception {
        Browser.Response start = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            start = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                    "{\"command\":\"start\",\"reason\":\"audit viewer test\"}");
            if (start.status() == 200) {
                break;
            }
            olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                    "{\"command\":\"reset_interlocks\",\"reason\":\"trips seen before the start\"}");
            Thread.sleep(2000);
        }
        assertEquals(200, start.status(), start.toString());
        Browser.Response hold = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                "{\"command\":\"hold\",\"reason\":\"" + REASON + "\"}");
        assertEquals(200, hold.status(), hold.toString());
    }

    private boolean connected() {
        try {
            JsonNode fleet = JSON.readTree(olga.get("/api/v1/furnaces").body());
            return fleet.get(0).path("connected").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    private void awaitLoaded() {
        await(() -> text("#audit-count").matches("\\d+ records? match.*"), 15, "the trails read");
    }

    private void awaitOption(String select, String value) {
        await(() -> !driver.findElements(By.cssSelector("select[name=" + select + "] option[value=" + value + "]"))
                .isEmpty(), 10, "the option " + value);
    }

    private String screenshot(String name) {
        return screen.screenshot(name);
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText();
    }

    private String text(String css) {
        return screen.text(css);
    }

    private String attribute(String css, String name) {
        String value = screen.attribute(css, name);
        return value == null ? "" : value;
    }

    private void await(Supplier<Boolean> condition, int seconds, String what) {
        screen.await(condition, seconds, what);
    }
}
