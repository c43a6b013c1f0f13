package com.sicfurnace.hmi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A dry run of the 6-inch reference recipe (142 furnace hours) from the recipe's page (issue 11): the HMI's jar in its
 * own process, headless Chromium logged in as an engineer; each round clicks *Dry run* on the version and waits for its
 * run report drawn ({@code #run-report[data-rendered=true]}) on the page the click leads to; timed from the click. Also
 * the dry run's own seconds (the child JVM's start to its report, {@code wall_s}). Baseline in the same run: the same
 * {@code virtual-run} started directly from this JVM as the HMI starts it (a JVM of the HMI jar's classpath), to its
 * exit.
 * Usage: DryRunBenchmark [ROUNDS]   (default 5); run from {@code hmi/} after {@code ./mvnw package}.
 */
public final class DryRunBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECIPE = "pvt-6inch";
    private static final Path YAML = Path.of("..", "docs", "recipes", RECIPE + ".yaml").toAbsolutePath().normalize();

    private DryRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("dry-run-benchmark");
        System.out.printf("== %d rounds; java %s, %d cores%n", rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<Double> clicks = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of())) {
            Browser engineer = hmi.engineer();
            Browser.Response saved = engineer.jsonWithCsrf("POST", "/api/v1/recipes/" + RECIPE + "/versions",
                    JSON.writeValueAsString(Map.of("yaml", Files.readString(YAML), "comment", "reference")));
            if (saved.status() != 201) {
                throw new IllegalStateException("not saved: " + saved);
            }
            ChromeDriver driver = hmi.chromium(1600, 1000, HmiProcess.ENGINEER);
            try {
                for (int round = 1; round <= rounds; round++) {
                    clicks.add(fromClick(driver, hmi, round));
                    JsonNode run = JSON.readTree(engineer.get("/api/v1/dry-runs/" + RECIPE + "-v1-"
                            + String.format(Locale.ROOT, "%03d", round)).body());
                    walls.add(run.path("wall_s").asDouble());
                    direct.add(directRun(work.resolve("direct-" + round)));
                }
            } finally {
                driver.quit();
            }
        }
        Distribution click = Distribution.of(clicks);
        Distribution wall = Distribution.of(walls);
        Distribution baseline = Distribution.of(direct);
        System.out.println("dry run of " + RECIPE + ": median_s max_s (rounds)");
        print("click to report drawn", click);
        print("the dry run's own seconds (wall_s)", wall);
        print("virtual-run started directly (baseline)", baseline);
        System.out.printf(Locale.ROOT, "ratio click-to-report / baseline: median %.2f×%n",
                click.percentile(50) / baseline.percentile(50));
    }

    private static double fromClick(ChromeDriver driver, HmiProcess hmi, int round) {
        driver.get(hmi.url + "/recipes/" + RECIPE);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(5));
        wait.until(d -> !d.findElements(By.cssSelector("button[data-dry-run='1']")).isEmpty());
        long start = System.nanoTime();
        driver.findElement(By.cssSelector("button[data-dry-run='1']")).click();
        String id = RECIPE + "-v1-" + String.format(Locale.ROOT, "%03d", round);
        wait.until(d -> d.getCurrentUrl().endsWith("/dry-runs/" + id) && !d.findElements(
                By.cssSelector("#run-report[data-rendered=true]")).isEmpty());
        double seconds = (System.nanoTime() - start) / 1e9;
        String steps = Integer.toString(driver.findElements(By.cssSelector("#step-table tbody tr")).size());
        if (!steps.equals("17")) {
            throw new IllegalStateException(id + ": the report has " + steps + " steps, not the recipe's 17");
        }
        return seconds;
    }

    /** The virtual run as the HMI starts it, from this JVM: the HMI jar's classpath, the same main and arguments. */
    private static double directRun(Path out) throws Exception {
        Path jar = Path.of("target", "hmi.jar").toAbsolutePath();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(HmiProcess.java(), "-Xmx512m", "-cp", jar.toString(),
                "com.sicfurnace.controller.virtual.VirtualMain", "virtual-run", YAML.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(Files.createDirectories(out).resolve("run.log").toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the direct virtual run failed: "
                    + Files.readString(out.resolve("run.log")));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String what, Distribution d) {
        System.out.printf(Locale.ROOT, "%s: %.1f %.1f (%d)%n", what, d.percentile(50), d.max(), d.count());
    }
}
