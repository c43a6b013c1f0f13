package com.sicfurnace.hmi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The recipe editor's validation round trip while typing (issue 11): the HMI's jar in its own process, headless
 * Chromium logged in as an engineer, the 6-inch reference recipe (124 lines) open in the editor. Each round types one
 * key through chromedriver into the seed setpoint of the growth step, alternately a digit that puts it above the
 * furnace's limit and a backspace that takes it back, and reads the page's own measure: from the input event's
 * timestamp (the key press) to the validator's messages drawn beside the lines ({@code data-round-trip-ms}), after
 * checking that the message appeared or went. Baseline in the same run: the same check ({@code POST
 * /api/v1/recipes/{name}/check} with the same texts) from this JVM's HTTP client, which is the server's validation and
 * the loopback alone.
 * Usage: RecipeEditorBenchmark [ROUNDS]   (default 200, after 20 not counted); run from {@code hmi/}.
 */
public final class RecipeEditorBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 20;
    private static final String RECIPE = "pvt-6inch";

    private RecipeEditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path work = Files.createTempDirectory("recipe-editor-benchmark");
        String yaml = Files.readString(Path.of("..", "docs", "recipes", RECIPE + ".yaml"));
        System.out.printf("== %d rounds; java %s, %d cores%n", rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of())) {
            Browser engineer = hmi.engineer();
            Browser.Response saved = engineer.jsonWithCsrf("POST", "/api/v1/recipes/" + RECIPE + "/versions",
                    JSON.writeValueAsString(Map.of("yaml", yaml, "comment", "reference")));
            if (saved.status() != 201) {
                throw new IllegalStateException("not saved: " + saved);
            }
            ChromeDriver driver = hmi.chromium(1600, 1000, HmiProcess.ENGINEER);
            try {
                Distribution typed = typing(driver, hmi, yaml, rounds);
                Distribution bare = bareChecks(engineer, yaml, rounds);
                System.out.println("validation round trip: median_ms p95_ms p99_ms max_ms (rounds)");
                print("key press to messages drawn (browser)", typed);
                print("POST check from the JVM (baseline)", bare);
                System.out.printf(Locale.ROOT, "ratio browser / baseline: median %.2f×, p95 %.2f×%n",
                        typed.percentile(50) / bare.percentile(50), typed.percentile(95) / bare.percentile(95));
            } finally {
                driver.quit();
            }
        }
    }

    private static Distribution typing(ChromeDriver driver, HmiProcess hmi, String yaml, int rounds) {
        driver.get(hmi.url + "/recipes/" + RECIPE + "/edit?from=1");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> text(driver, "#editor-status").startsWith("The controller's validator accepts"));
        int line = yaml.lines().toList().indexOf("    seed_c: 2350") + 1;
        if (line == 0) {
            throw new IllegalStateException(RECIPE + " has no line '    seed_c: 2350'");
        }
        driver.executeScript("const t = document.getElementById('editor-text'); const lines = t.value.split('\\n');"
                + "let at = 0; for (let i = 0; i < arguments[0]; i++) { at += lines[i].length + 1; }"
                + "t.focus(); t.setSelectionRange(at - 1, at - 1);", line);
        WebElement text = driver.findElement(By.id("editor-text"));
        List<Double> measured = new ArrayList<>();
        for (int round = 0; round < WARM_UP + rounds; round++) {
            boolean breaking = round % 2 == 0;
            long checks = checks(driver);
            text.sendKeys(breaking ? "0" : "\b");
            wait.until(d -> checks(driver) > checks);
            boolean noted = !driver.findElements(By.cssSelector(".note[data-line='" + line + "']")).isEmpty();
            if (noted != breaking) {
                throw new IllegalStateException("round " + round + ": the message beside line " + line + " is "
                        + (noted ? "shown" : "missing") + "; status " + text(driver, "#editor-status"));
            }
            if (round >= WARM_UP) {
                measured.add(Double.parseDouble(driver.findElement(By.id("editor"))
                        .getAttribute("data-round-trip-ms")));
            }
        }
        return Distribution.of(measured);
    }

    private static Distribution bareChecks(Browser engineer, String yaml, int rounds) throws Exception {
        String broken = JSON.writeValueAsString(Map.of("yaml", yaml.replace("    seed_c: 2350",
                "    seed_c: 23500")));
        String valid = JSON.writeValueAsString(Map.of("yaml", yaml));
        List<Double> measured = new ArrayList<>();
        for (int round = 0; round < WARM_UP + rounds; round++) {
            long start = System.nanoTime();
            Browser.Response answer = engineer.jsonWithCsrf("POST", "/api/v1/recipes/" + RECIPE + "/check",
                    round % 2 == 0 ? broken : valid);
            double ms = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200 || answer.body().contains("\"valid\":true") == (round % 2 == 0)) {
                throw new IllegalStateException("check " + round + ": " + answer);
            }
            if (round >= WARM_UP) {
                measured.add(ms);
            }
        }
        return Distribution.of(measured);
    }

    private static long checks(ChromeDriver driver) {
        String checks = driver.findElement(By.id("editor")).getAttribute("data-checks");
        return checks == null ? 0 : Long.parseLong(checks);
    }

    private static String text(ChromeDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void print(String what, Distribution d) {
        System.out.printf(Locale.ROOT, "%s: %.1f %.1f %.1f %.1f (%d)%n", what, d.percentile(50), d.percentile(95),
                d.percentile(99), d.max(), d.count());
    }
}
