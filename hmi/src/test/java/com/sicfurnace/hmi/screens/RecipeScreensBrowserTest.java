package com.sicfurnace.hmi.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.TestHmi;
import com.sicfurnace.hmi.plant.LivePlant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The engineer's recipe screens in headless Chromium, against a real HMI in front of a real controller and simulator:
 * an engineer writes a recipe in the editor and sees the controller's validator answer beside the line she mistyped,
 * saves versions and compares them; she cannot approve her own version, a second engineer can; an operator is offered
 * the approved version only and loads it into the furnace; a YAML file is imported into the editor and saved. In
 * order, on one plant, as a day of work would go.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecipeScreensBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECIPES = Path.of("..", "docs", "recipes");
    private static final Path SHOTS = Path.of(System.getProperty("hmi.screenshots", "target/screenshots"));

    private Path root;
    private LivePlant f01;
    private TestHmi hmi;
    private Browser erikaApi;
    private ScreenDriver screen;
    private String smoke;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("recipe-screens");
        f01 = new LivePlant("f01", root.resolve("f01"), 10).startController();
        hmi = TestHmi.start(Files.createDirectories(root.resolve("hmi")), "controllers:\n  - {name: f01, url: '"
                + f01.apiUrl() + "', token_file: '" + f01.tokenFile() + "'}\n");
        erikaApi = hmi.userWithRole("erika", "engineer");
        hmi.userWithRole("jonas", "engineer");
        hmi.userWithRole("olga", "operator");
        smoke = Files.readString(RECIPES.resolve("smoke.yaml"));
        screen = new ScreenDriver(hmi.server.url().toString().replaceAll("/$", ""), SHOTS);
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
    void anInvalidValueShowsTheValidatorsMessageBesideItsLineAndAValidTextIsSaved() {
        screen.login("erika", "erika-password-long");
        screen.open("/recipes");
        screen.await(() -> screen.text("#recipe-table tbody").contains("no recipe yet"), 10, "an empty store");
        screen.type("#new-name", "smoke");
        screen.click("#new-recipe button[type=submit]");
        screen.await(() -> screen.text("#editor-status").contains("problem"), 10, "the new recipe's skeleton checked");

        replaceText(smoke);
        screen.await(() -> screen.text("#editor-status").startsWith("The controller's validator accepts"), 10,
                "the shipped smoke recipe accepted");
        int line = lineOf(smoke, "    seed_c: 1600");
        retype(line, "1600", "9600");
        screen.await(() -> screen.count(".note[data-line='" + line + "']") == 1, 10, "a message beside line " + line);
        String note = screen.text(".note[data-line='" + line + "']");
        assertTrue(note.startsWith("line " + line + ", step 3, seed_c: "), note);
        assertTrue(screen.attribute("#editor-gutter .line:nth-child(" + line + ")", "class").contains("problem"),
                "the line's number marked");
        assertTrue(screen.text("#editor-status").startsWith("1 problem the controller would refuse"),
                screen.text("#editor-status"));
        assertTrue(Double.parseDouble(screen.attribute("#editor", "data-round-trip-ms")) > 0, "a round trip measured");
        screen.screenshot("recipe-editor");

        retype(line, "9600", "1650");
        screen.await(() -> screen.count(".note") == 0
                && screen.text("#editor-status").startsWith("The controller's validator accepts"), 10,
                "the message gone once the value is within the furnace's limits");
        screen.click("#save");
        screen.await(() -> screen.text("#save-result").startsWith("A version needs a comment"), 5,
                "no save without a comment");
        screen.type("#save-comment", "seed 50 K hotter in the heat-up");
        screen.click("#save");
        screen.await(() -> screen.driver.getCurrentUrl().endsWith("/recipes/smoke?saved=1"), 10, "saved as v1");
        screen.await(() -> screen.count("#version-table tbody tr") == 1, 10, "one version");
        assertEquals("v1", screen.text("#version-table tr[data-version='1'] td:nth-child(2)"));
        assertEquals("erika", screen.text("#version-table tr[data-version='1'] td:nth-child(4)"));
        assertEquals("runs", screen.text("#version-table tr[data-version='1'] td:nth-child(6)"));
    }

    @Test
    @Order(2)
    void aNewVersionFromTheFirstShowsItsChangeInTheDiff() {
        screen.click("#version-table tr[data-version='1'] a.button[href$='edit?from=1']");
        screen.await(() -> screen.text("#editor-status").startsWith("The controller's validator accepts"), 10,
                "v1 opened in the editor");
        assertTrue(screen.text("#editor-source").startsWith("Editing from version 1"), screen.text("#editor-source"));
        int line = lineOf(smoke, "holdback: {type: low, limit_k: 10}");
        retype(line, "limit_k: 10", "limit_k: 8");
        screen.await(() -> screen.text("#editor-status").startsWith("The controller's validator accepts"), 10,
                "the tighter holdback accepted");
        screen.type("#save-comment", "holdback 8 K: the 10 K band let the seed lag");
        screen.click("#save");
        screen.await(() -> screen.count("#version-table tbody tr") == 2, 10, "two versions");

        screen.click("#version-table tr[data-version='1'] input[name=compare]");
        screen.click("#version-table tr[data-version='2'] input[name=compare]");
        screen.click("#compare");
        screen.await(() -> screen.text("#diff-summary").startsWith("From v1 to v2: 1 line(s) changed, 0 added, 0 "
                + "removed."), 10, "the diff's summary");
        List<WebElement> changed = screen.driver.findElements(By.cssSelector("#diff-table tr.diff-changed td"));
        assertEquals(List.of(Integer.toString(line), "holdback: {type: low, limit_k: 10}", Integer.toString(line),
                "holdback: {type: low, limit_k: 8}"), changed.stream().map(WebElement::getText).toList());
        assertTrue(screen.text("#diff-b").startsWith("v2 – erika"), screen.text("#diff-b"));
        screen.screenshot("recipe-diff");
    }

    @Test
    @Order(3)
    void theAuthorCannotApproveASecondEngineerCan() throws Exception {
        screen.open("/recipes/smoke");
        screen.await(() -> screen.count("button[data-approve='2']") == 1, 10, "v2's approve button");
        WebElement own = screen.driver.findElement(By.cssSelector("button[data-approve='2']"));
        assertFalse(own.isEnabled(), "the author's own version");
        assertEquals("you saved this version: another engineer or an admin approves it", own.getAttribute("title"));
        Browser.Response forced = erikaApi.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/2/approval",
                "{\"comment\":\"mine\"}");
        assertEquals(403, forced.status(), "the HMI refuses it whatever the page does: " + forced.body());

        screen.logout();
        screen.login("jonas", "jonas-password-long");
        screen.open("/recipes/smoke");
        screen.await(() -> screen.count("button[data-approve='2']") == 1, 10, "v2's approve button for jonas");
        screen.click("button[data-approve='2']");
        screen.await(() -> screen.text("#approve-title").equals("Approve version 2 of smoke for production?"), 5,
                "the approval dialog");
        screen.click("#approve-send");
        screen.await(() -> screen.text("#approve-result").equals("An approval needs a comment. Nothing was sent."),
                5, "no approval without a comment");
        screen.type("#approve-comment", "checked against the shipped smoke run");
        screen.click("#approve-send");
        screen.await(() -> screen.text("#approve-result").equals("Approved by jonas."), 10, "approved");
        screen.click("#approve-cancel");
        screen.await(() -> screen.text("#version-table tr[data-version='2'] td.approval")
                .startsWith("approved by jonas"), 10, "v2 approved in the table");
        assertEquals("not approved", screen.text("#version-table tr[data-version='1'] td.approval"));
        AuditEntry record = hmi.auditRecords().stream().map(AuditRecord::entry)
                .filter(e -> e.action().equals("recipe_approve")).reduce((a, b) -> b).orElseThrow();
        assertEquals("jonas", record.user(), record.toString());
        assertEquals(2, ((Number) record.after().get("version")).intValue(), record.toString());
    }

    @Test
    @Order(4)
    void anOperatorIsOfferedTheApprovedVersionOnlyAndLoadsIt() throws Exception {
        screen.logout();
        screen.login("olga", "olga-password-long");
        screen.open("/recipes");
        assertTrue(screen.text("main").contains("not permitted") || screen.text("h1").equals("Not permitted"),
                "the recipe screens are the engineers': " + screen.text("main"));
        screen.open("/furnace/f01");
        screen.await(() -> !screen.text("[data-v=recipe]").isEmpty(), 30, "f01's screen live");
        screen.click("#run-control button[data-command=load_recipe]");
        screen.await(() -> screen.count("#command-recipe option[value='store:smoke:2']") == 1, 10,
                "the approved version offered");
        assertEquals(1, screen.count("#command-recipe option"), "v1 (not approved) and the controller's files: not");
        assertEquals("smoke v2 – approved by jonas", screen.text("#command-recipe option"));
        screen.type("#command-reason", "next boule");
        screen.click("#command-send");
        screen.await(() -> screen.text("#command-result").startsWith("Applied: loaded 'smoke' from "), 20,
                "loaded");
        JsonNode loaded = JSON.readTree(erikaApi.get("/api/v1/furnaces/f01/recipes").body()).path("loaded");
        JsonNode v2 = JSON.readTree(erikaApi.get("/api/v1/recipes/smoke/versions/2").body());
        assertEquals(v2.path("sha256").asText(), loaded.path("sha256").asText(), "the controller runs v2's bytes");
        screen.click("#command-cancel");
    }

    @Test
    @Order(5)
    void aYamlFileIsImportedIntoTheEditorAndSaved() {
        screen.logout();
        screen.login("erika", "erika-password-long");
        screen.open("/recipes");
        screen.await(() -> screen.count("#recipe-table tr[data-recipe=smoke]") == 1, 10, "the list");
        assertEquals("v2", screen.text("#recipe-table tr[data-recipe=smoke] td:nth-child(6)"));
        screen.driver.findElement(By.id("import-file")).sendKeys(RECIPES.resolve("pvt-6inch.yaml").toAbsolutePath()
                .normalize().toString());
        screen.await(() -> screen.driver.getCurrentUrl().endsWith("/recipes/pvt-6inch/edit?import=1"), 10,
                "the editor opened on the file");
        assertEquals("Imported from the file pvt-6inch.yaml: check it, then save it as a new version.",
                screen.text("#editor-source"));
        screen.await(() -> screen.text("#editor-status").startsWith("The controller's validator accepts"), 10,
                "the imported file accepted");
        screen.type("#save-comment", "imported from docs/recipes");
        screen.click("#save");
        screen.await(() -> screen.driver.getCurrentUrl().endsWith("/recipes/pvt-6inch?saved=1"), 10, "saved");
        assertEquals("/api/v1/recipes/pvt-6inch/versions/1/yaml", screen.attribute(
                "#version-table tr[data-version='1'] a[download]", "href").replaceAll("^https?://[^/]+", ""));
    }

    @Test
    @Order(6)
    void aDryRunShowsItsRunReportAndComparesWithAnotherVersionsRun() {
        screen.open("/recipes/smoke");
        screen.await(() -> screen.count("button[data-dry-run='2']") == 1, 10, "v2's dry run button");
        screen.click("button[data-dry-run='2']");
        screen.await(() -> screen.driver.getCurrentUrl().endsWith("/recipes/smoke/dry-runs/smoke-v2-001"), 10,
                "the dry run's page");
        awaitReport("smoke-v2-001");
        assertTrue(screen.text("#dry-run-state").startsWith("Dry run of version 2 (SHA-256 "),
                screen.text("#dry-run-state"));
        assertTrue(screen.text("#dry-run-state").contains("asked by erika"), screen.text("#dry-run-state"));
        assertTrue(screen.text("#dry-run-state").contains("ran to the recipe's end"), screen.text("#dry-run-state"));
        assertEquals(9, screen.count("#step-table tbody tr"), "the smoke recipe's steps");
        assertTrue(screen.count("#charts .uplot") >= 3, "charts of setpoints against values");
        screen.screenshot("dry-run");

        screen.open("/recipes/smoke");
        screen.await(() -> screen.count("button[data-dry-run='1']") == 1, 10, "v1's dry run button");
        screen.click("button[data-dry-run='1']");
        awaitReport("smoke-v1-001");
        new org.openqa.selenium.support.ui.Select(screen.driver.findElement(By.id("reference")))
                .selectByValue("smoke-v2-001");
        screen.click("#dry-run-compare button[type=submit]");
        screen.await(() -> screen.driver.getCurrentUrl().endsWith("?reference=smoke-v2-001"), 10, "compared");
        awaitReport("smoke-v1-001");
        assertTrue(screen.text("#report-status").startsWith("Compared with smoke-v2-001 (v2)."),
                screen.text("#report-status"));
        screen.open("/recipes/smoke");
        screen.await(() -> screen.text("#dry-run-table tr[data-dry-run='smoke-v1-001'] td:nth-child(6)")
                .startsWith("ran to the recipe's end in "), 10, "the dry runs listed on the recipe's page");
    }

    private void awaitReport(String id) {
        screen.await(() -> screen.driver.getCurrentUrl().contains("/dry-runs/" + id)
                && "true".equals(screen.attribute("#run-report", "data-rendered")), 180, id + "'s report drawn");
    }

    // ---- typing in the editor ----

    /** Replaces the editor's whole text as a paste would (one input event). */
    private void replaceText(String text) {
        screen.script("const t = document.getElementById('editor-text'); t.value = arguments[0];"
                + "t.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));", text);
    }

    /** Selects {@code old} on a line of the editor and types {@code replacement} over it, key by key. */
    private void retype(int line, String old, String replacement) {
        screen.script("const t = document.getElementById('editor-text'); const lines = t.value.split('\\n');"
                + "let start = 0; for (let i = 0; i < arguments[0] - 1; i++) { start += lines[i].length + 1; }"
                + "const at = start + lines[arguments[0] - 1].indexOf(arguments[1]);"
                + "t.focus(); t.setSelectionRange(at, at + arguments[1].length);", line, old);
        screen.driver.findElement(By.id("editor-text")).sendKeys(replacement);
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        int index = lines.indexOf(line);
        assertTrue(index >= 0, "the text has the line '" + line + "'");
        return index + 1;
    }
}
