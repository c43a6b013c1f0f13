package com.sicfurnace.hmi.bench;

import com.sicfurnace.hmi.plant.LivePlant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run report of a 141-hour run (issue 11: time to open and render). The 6-inch reference recipe runs to its end
 * in virtual time ({@code controller-virtual.jar virtual-run docs/recipes/pvt-6inch.yaml}, seed 1: 142 furnace
 * hours, about 8500 trend rows), and its report is put twice into the run history of a real controller (a
 * {@link LivePlant} at real speed): once as the run, once as its reference. The HMI's jar links to it; headless
 * Chromium (1600 × 1000) logged in as an operator opens {@code /furnace/f01/runs/<id>}, and the time from the
 * navigation's start to the report drawn (runreport.js's {@code data-rendered-ms}: every section filled and the
 * charts drawn, at the next animation frame) is read from the page, with the requests on the way from the browser's
 * resource timing. Then the same with the reference overlaid ({@code ?reference=}). Each open is a fresh navigation.
 * Usage: RunReportBenchmark [OPENS]   (default 20 of each, after 3 not counted); run from {@code hmi/}, after the
 * package phase; {@code -Drun.dir=DIR} takes a virtual run's report already made instead of running one.
 */
public final class RunReportBenchmark {
    private static final int WARM_UP = 3;
    private static final String RUN = "pvt-6inch-seed-1";
    private static final String REFERENCE = "pvt-6inch-seed-1-reference";
    private static final Path VIRTUAL_JAR = Path.of("..", "controller", "virtual", "target",
            "controller-virtual.jar");

    private RunReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int opens = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("run-report-benchmark");
        System.out.printf("== %d opens; java %s, %d cores%n", opens, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Path run = System.getProperty("run.dir") == null ? virtualRun(work.resolve("virtual"))
                : Path.of(System.getProperty("run.dir"));
        try (LivePlant plant = new LivePlant("f01", work.resolve("f01"), 1.0)) {
            for (String id : List.of(RUN, REFERENCE)) {
                Path dir = Files.createDirectories(plant.reportDir().resolve(id));
                for (String file : List.of("summary.json", "trend.csv")) {
                    Files.copy(run.resolve(file), dir.resolve(file));
                }
            }
            System.out.printf("run: %d trend rows, summary %d bytes%n",
                    Files.readAllLines(run.resolve("trend.csv")).size() - 1, Files.size(run.resolve("summary.json")));
            plant.startController();
            try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of(new HmiProcess.Controller(
                    plant.name, plant.apiUrl(), plant.tokenFile())))) {
                ChromeDriver driver = hmi.chromium(1600, 1000);
                try {
                    System.out.println("open median_ms p95_ms max_ms (opens)");
                    measure(driver, hmi.url + "/furnace/f01/runs/" + RUN, opens, "the report");
                    measure(driver, hmi.url + "/furnace/f01/runs/" + RUN + "?reference=" + REFERENCE, opens,
                            "the report with its reference");
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /** The reference recipe's run in virtual time, into {@code dir}. */
    private static Path virtualRun(Path dir) throws Exception {
        if (!Files.isRegularFile(VIRTUAL_JAR)) {
            throw new IllegalStateException(VIRTUAL_JAR + " is not built: run the package phase first");
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                VIRTUAL_JAR.toString(), "virtual-run", Path.of("..", "docs", "recipes", "pvt-6inch.yaml").toString(),
                dir.toString(), "--seed", "1").redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(dir).resolve("virtual-run.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the virtual run failed: " + Files.readString(dir.resolve(
                    "virtual-run.log")));
        }
        System.out.printf(Locale.ROOT, "virtual run of pvt-6inch: %.0f s%n", (System.nanoTime() - start) / 1e9);
        return dir;
    }

    private static void measure(ChromeDriver driver, String url, int opens, String what) {
        List<Number> rendered = new ArrayList<>();
        List<Number> html = new ArrayList<>();
        List<Number> summary = new ArrayList<>();
        List<Number> trend = new ArrayList<>();
        Map<String, Object> last = Map.of();
        for (int i = 0; i < WARM_UP + opens; i++) {
            driver.get(url);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(driver.executeScript(
                    "return document.getElementById('run-report').dataset.rendered;")));
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) driver.executeScript("""
                    const report = document.getElementById('run-report');
                    const one = (match) => performance.getEntriesByType('resource').filter(match)
                      .map((e) => ({ ms: e.duration, bytes: e.encodedBodySize, json: e.decodedBodySize }))[0];
                    const nav = performance.getEntriesByType('navigation')[0];
                    return { rendered: Number(report.dataset.renderedMs), html: nav.responseEnd,
                      summary: one((e) => e.name.endsWith('/runs/' + report.dataset.label)),
                      trend: one((e) => e.name.includes('/runs/' + report.dataset.label + '/trend?')),
                      points: document.querySelector('figure.report-chart').dataset.points };
                    """);
            if (i >= WARM_UP) {
                rendered.add((Number) timing.get("rendered"));
                html.add((Number) timing.get("html"));
                summary.add(ms(timing.get("summary")));
                trend.add(ms(timing.get("trend")));
                last = timing;
            }
        }
        print(what + ": navigation -> drawn", rendered);
        print("  page's HTML received", html);
        print("  summary request (HMI and controller)", summary);
        print("  trend request (HMI and controller)", trend);
        System.out.println("  last: " + last);
    }

    @SuppressWarnings("unchecked")
    private static Number ms(Object entry) {
        return (Number) ((Map<String, Object>) entry).get("ms");
    }

    private static void print(String part, List<Number> ms) {
        Distribution d = Distribution.of(ms);
        System.out.printf(Locale.ROOT, "%s: %.1f %.1f %.1f (%d)%n", part, d.percentile(50), d.percentile(95),
                d.max(), d.count());
    }
}
