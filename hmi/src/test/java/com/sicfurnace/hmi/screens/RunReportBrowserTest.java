package com.sicfurnace.hmi.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.app.HmiConfig;
import com.sicfurnace.hmi.app.HmiServer;
import com.sicfurnace.hmi.plant.LivePlant;
import com.sicfurnace.hmi.user.InitialAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The run history and the run report in a real headless Chromium, behind a real HMI, of a real finished run: the
 * smoke recipe on a 6-inch plant (simulator and controller jars at 200 times real speed, about three minutes), started
 * by an operator through the HMI. The controller ends with the recipe and writes the run's report; started again, it
 * serves its run history. A reference run beside it is the smoke recipe's virtual reference run (controller/virtual's
 * reference-runs/smoke, seed 1), as a dry run would leave one. The report shows its steps and charts, prints to an A4
 * PDF without the screens' navigation, and overlays the reference run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunReportBrowserTest {
    private static final double SPEED = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OPERATOR = "olga";
    private static final String PASSWORD = "olga-password-long";
    private static final String REFERENCE = "smoke-virtual-seed-1";
    private static final Path VIRTUAL_SMOKE = Path.of("..", "controller", "virtual", "src", "test", "resources",
            "reference-runs", "smoke");
    private static final List<String> SMOKE_STEPS = List.of("pump-down", "backfill", "heat-up", "pressure-down",
            "settle", "soak", "cool-down", "power-off", "end");

    private Path root;
    private LivePlant f01;
    private HmiServer hmi;
    private ScreenDriver screen;
    private ChromeDriver driver;
    private String base;
    private String runId;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("run-report");
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
        Browser.Response created = admin.jsonWithCsrf("POST", "/api/v1/users", "{\"name\":\"" + OPERATOR
                + "\",\"role\":\"operator\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, created.status(), created.toString());
        Browser api = new Browser(hmi.url());
        assertEquals(303, api.login(OPERATOR, PASSWORD).status());

        runTheSmokeRecipeToItsEnd(api);
        Path reference = Files.createDirectories(f01.reportDir().resolve(REFERENCE));
        for (String file : List.of("summary.json", "trend.csv")) {
            Files.copy(VIRTUAL_SMOKE.resolve(file), reference.resolve(file));
        }
        f01.startController(); // a controller serves the run history of its report directory

        screen = new ScreenDriver(base, Path.of("target/screenshots"), 1400, 1100, this::logs);
        driver = screen.driver;
        screen.login(OPERATOR, PASSWORD);
    }

    /** Olga starts the smoke recipe through the HMI; the controller ends with it and leaves the run's report. */
    private void runTheSmokeRecipeToItsEnd(Browser api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Browser.Response started;
        do {
            Thread.sleep(200); // until the HMI's link to the controller is up and the controller scans
            started = api.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":\"start\"}");
        } while (started.status() != 200 && System.nanoTime() < deadline);
        assertEquals(200, started.status(), started.toString());
        deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (f01.controllerRunning()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the smoke recipe did not end within 8 min: " + f01.logs());
            }
            actAsOperatorOnATrip(api);
            Thread.sleep(1000);
        }
        assertEquals(0, f01.awaitControllerEnd(Duration.ofSeconds(30)), "the smoke recipe completes: "
                + f01.logs());
        try (Stream<Path> runs = Files.list(f01.reportDir())) {
            List<Path> kept = runs.toList();
            assertEquals(1, kept.size(), kept.toString());
            runId = kept.get(0).getFileName().toString();
        }
    }

    /**
     * On a loaded machine a simulator at 200 times real speed can miss a Modbus answer's deadline (200 ms of wall
     * time, a furnace minute): a device counts as lost, and a trip may latch and hold the run for an operator. Olga
     * then does what an operator does, resets the trips and resumes, with a reason; the report shows it.
     */
    private void actAsOperatorOnATrip(Browser api) throws Exception {
        HttpResponse<String> snapshot;
        try {
            snapshot = HTTP.send(HttpRequest.newBuilder(URI.create(f01.apiUrl() + "/api/v1/snapshot"))
                    .header("Authorization", "Bearer " + Files.readString(f01.tokenFile()).strip())
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException endedMeanwhile) {
            return;
        }
        JsonNode values = JSON.readTree(snapshot.body()).path("values");
        if ("held".equals(values.path("state").asText()) && "interlock".equals(values.path("hold_reason").asText())) {
            String reason = ",\"reason\":\"a trip after a device's answer came late on a loaded test machine\"}";
            api.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":\"reset_interlocks\"" + reason);
            api.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":\"resume\"" + reason);
        }
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
    void theRunHistoryListsTheFinishedRunWithItsOperatorAndRecipe() {
        driver.get(base + "/furnace/f01");
        driver.findElement(By.cssSelector("nav.trail a[href='/furnace/f01/runs']")).click();
        await(() -> "true".equals(driver.findElement(By.id("runs")).getAttribute("data-loaded")), 20,
                "the run history loaded");
        WebElement row = driver.findElement(By.cssSelector("#run-table tr[data-run='" + runId + "']"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals("smoke", cells.get(2), cells.toString());
        assertEquals("—", cells.get(3), "a library file, no store version: " + cells);
        assertTrue(cells.get(4).matches("[0-9a-f]{12}"), "the recipe's hash prefix: " + cells);
        assertEquals(OPERATOR, cells.get(5), cells.toString());
        assertEquals("complete", cells.get(6), cells.toString());
        assertEquals(2, driver.findElements(By.cssSelector("#run-table tbody tr")).size(), "and the reference run");
    }

    @Test
    @Order(2)
    void theReportOfTheFinishedSmokeRunShowsItsStepsAndCharts() {
        openReport("");
        assertEquals(SMOKE_STEPS, driver.findElements(By.cssSelector("#step-table tbody tr td:nth-child(2)"))
                .stream().map(WebElement::getText).toList());
        assertEquals(OPERATOR + " (operator)", fact("Operator"));
        assertEquals("complete (completed)", fact("Final state"));
        assertTrue(fact("SHA-256").matches("[0-9a-f]{64}"), fact("SHA-256"));
        assertTrue(fact("Audit head at the end").matches("seq \\d+, [0-9a-f]{64}"), fact("Audit head at the end"));
        List<WebElement> charts = driver.findElements(By.cssSelector("#charts figure.report-chart"));
        assertEquals(List.of("seed_c", "source_c", "pressure_mbar", "ps1_power_kw"),
                charts.stream().map(c -> c.getAttribute("data-chart")).toList());
        for (WebElement chart : charts) {
            assertEquals("Setpoint|" + runId, chart.getAttribute("data-series"));
            assertTrue(Integer.parseInt(chart.getAttribute("data-points")) > 100, "the whole run drawn: "
                    + chart.getAttribute("data-points"));
            assertEquals(1, chart.findElements(By.tagName("canvas")).size());
        }
        screenshot("run-report");
        List<String> actions = driver.findElements(By.cssSelector("#intervention-table tbody tr td:nth-child(4)"))
                .stream().map(WebElement::getText).toList();
        assertTrue(actions.contains("start"), "olga's start is among the interventions: " + actions);
        assertTrue(text("#audit-state").startsWith("The audit trail verifies."), text("#audit-state"));
    }

    @Test
    @Order(3)
    void theReportPrintsToAnA4PdfWithoutTheScreensNavigation() {
        openReport("");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of("nav.trail", "header.bar", "#print-report", "#alarm-banner")) {
                assertFalse(driver.findElement(By.cssSelector(hidden)).isDisplayed(), hidden + " is not printed");
            }
            assertTrue(driver.findElement(By.id("step-table")).isDisplayed(), "the report is");
            screenshot("run-report-print-media");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF");
        int pages = count(Pattern.compile("/Type\\s*/Page[^s]"), text);
        assertTrue(pages >= 3, "the report's big sections start on pages of their own: " + pages + " pages");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]").matcher(text);
        assertTrue(box.find(), "pages with a media box");
        // A4 is 595.3 × 841.9 points; Chromium rounds the page to its own units
        assertEquals(595.3, Double.parseDouble(box.group(1)), 2.0, "A4 wide: " + box.group());
        assertEquals(841.9, Double.parseDouble(box.group(2)), 2.0, "A4 high: " + box.group());
        assertTrue(title(text).contains("smoke") && title(text).contains(runId), "the PDF's title names the run "
                + "and its recipe: " + title(text));
    }

    @Test
    @Order(4)
    void aReferenceRunChosenInTheHistoryIsOverlaidDashedWithItsStepDurations() {
        driver.get(base + "/furnace/f01/runs");
        await(() -> "true".equals(driver.findElement(By.id("runs")).getAttribute("data-loaded")), 20,
                "the run history loaded");
        new Select(driver.findElement(By.id("reference"))).selectByValue(REFERENCE);
        driver.findElement(By.cssSelector("#run-table tr[data-run='" + runId + "'] a.report-link")).click();
        await(() -> driver.getCurrentUrl().endsWith("/furnace/f01/runs/" + runId + "?reference=" + REFERENCE), 10,
                "the report with the reference");
        awaitRendered();
        screenshot("run-report-reference");
        WebElement seed = driver.findElement(By.cssSelector("figure[data-chart=seed_c]"));
        assertEquals("Setpoint|" + runId + "|" + REFERENCE, seed.getAttribute("data-series"));
        assertEquals(List.of("Setpoint", runId, REFERENCE), seed.findElements(By.cssSelector(".u-legend .u-label"))
                .stream().map(WebElement::getText).toList(), "uPlot drew the setpoint, this run and the reference");
        List<String> header = driver.findElements(By.cssSelector("#step-table thead th")).stream()
                .map(WebElement::getText).toList();
        assertEquals("Reference", header.get(4), header.toString());
        assertEquals(SMOKE_STEPS.size(), driver.findElements(By.cssSelector("#step-table tbody tr td:nth-child(5)"))
                .stream().filter(c -> c.getText().matches("\\d+:\\d\\d:\\d\\d")).count(),
                "the reference's duration beside each step");
        WebElement parted = driver.findElement(By.id("parted"));
        assertTrue(parted.isDisplayed(), "where the runs part is said");
        assertTrue(parted.getText().startsWith("The runs part at ")
                || parted.getText().startsWith("The runs do not part"), parted.getText());
        assertTrue(fact("Reference run").startsWith(REFERENCE + ": smoke"), fact("Reference run"));
    }

    /** The whole page, beyond the window, for a person to look at: target/screenshots (or -Dhmi.screenshots). */
    private void screenshot(String name) {
        try {
            Path shots = Files.createDirectories(Path.of(System.getProperty("hmi.screenshots", "target/screenshots")));
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                    "scale", 1)));
            Files.write(shots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the screenshot " + name + " cannot be written", e);
        }
    }

    private void openReport(String query) {
        driver.get(base + "/furnace/f01/runs/" + runId + query);
        awaitRendered();
    }

    private void awaitRendered() {
        await(() -> "true".equals(driver.findElement(By.id("run-report")).getAttribute("data-rendered")), 30,
                "the report rendered (" + text("#report-status") + ")");
    }

    private String fact(String term) {
        return driver.findElement(By.cssSelector("#run-facts dd[data-fact='" + term + "']")).getText();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The document's title in the PDF's information dictionary, a literal or a UTF-16 hex string. */
    private static String title(String pdf) {
        Matcher literal = Pattern.compile("/Title\\s*\\(([^)]*)\\)").matcher(pdf);
        if (literal.find()) {
            return literal.group(1);
        }
        Matcher hex = Pattern.compile("/Title\\s*<([0-9A-Fa-f]+)>").matcher(pdf);
        if (!hex.find()) {
            return "";
        }
        byte[] bytes = java.util.HexFormat.of().parseHex(hex.group(1));
        return new String(bytes, StandardCharsets.UTF_16);
    }

    private void await(Supplier<Boolean> condition, int seconds, String what) {
        screen.await(condition, seconds, what);
    }

    /** The plant's logs, for a wait that failed. */
    private String logs() {
        try {
            return f01.logs();
        } catch (IOException e) {
            return "(logs not readable: " + e + ")";
        }
    }
}
