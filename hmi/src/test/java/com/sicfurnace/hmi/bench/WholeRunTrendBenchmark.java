package com.sicfurnace.hmi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A trend of the whole 6-inch run in the browser (issue 10: loaded and drawn in ≤ 1 s). The controller's API with the
 * whole reference run in its history ({@code RunHistoryServer} of controller/virtual, in its own JVM: the run in
 * virtual time, then scanning on at real speed), the HMI's jar linked to it, headless Chromium (1600 × 1000) logged in
 * as an operator on {@code /furnace/f01/trends}. Each load starts from the last hour (the 1 h button, loaded), then
 * the "whole run" button is clicked and timed until uPlot has drawn the run (the chart's {@code data-drawn} after a
 * draw in the run's mode), and until the next animation frame after it. The baseline is the click on 1 h before it,
 * timed the same way (served from the history's seconds rather than its minutes). The page's
 * requests on the way (the run's first events, to find its start, and the history) are read from the browser's
 * resource timing. performance.now() in the page.
 * Usage: WholeRunTrendBenchmark [LOADS]   (default 20, after 3 not counted), with {@code -Dvirtual.classpath=} the
 * test classpath of controller/virtual; run from {@code hmi/}.
 */
public final class WholeRunTrendBenchmark {
    private static final int WARM_UP = 3;
    private static final Pattern SERVING = Pattern.compile("serving (\\S+) token (\\S+) run (\\S+) (\\S+)");

    private static final String MEASURE = """
            const [loads, warmUp, done] = arguments;
            const chart = document.getElementById('chart');
            const status = document.getElementById('trend-status');
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            const click = (range) => document.querySelector('#ranges button[data-range="' + range + '"]').click();
            const drawnIn = (mode) => new Promise((resolve) => {
              const observer = new MutationObserver(() => {
                if (chart.dataset.mode === mode) {
                  observer.disconnect();
                  resolve(performance.now());
                }
              });
              observer.observe(chart, { attributes: true, attributeFilter: ['data-drawn'] });
            });
            const requests = (since, part) => performance.getEntriesByType('resource')
              .filter((e) => e.startTime >= since && e.name.includes(part));
            const results = [];
            (async () => {
              for (let i = 0; i < warmUp + loads; i++) {
                // from the whole run (or, at first, the page's own last hour) to the last hour: a baseline
                const hourStart = performance.now();
                const hour = drawnIn('live');
                click('3600');
                const hourDrawn = await hour;
                while (status.textContent === 'Loading…') {
                  await sleep(20);
                }
                await sleep(500);
                performance.clearResourceTimings();
                const start = performance.now();
                const run = drawnIn('run');
                click('run');
                const drawn = await run;
                const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
                const history = requests(start, '/history?');
                const events = requests(start, '/events?');
                if (history.length !== 1) {
                  throw new Error(history.length + ' history requests for the whole run');
                }
                if (i >= warmUp) {
                  results.push({ hour: hourDrawn - hourStart, drawn: drawn - start, frame: frame - start, history: history[0].duration,
                    historyBytes: history[0].encodedBodySize, historyJsonBytes: history[0].decodedBodySize,
                    events: events.map((e) => e.duration),
                    points: Number(chart.dataset.drawn), url: history[0].name, from: chart.dataset.from,
                    to: chart.dataset.to });
                }
              }
              done({ results });
            })().catch((e) => done({ error: String(e) }));
            """;

    private WholeRunTrendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String virtualClasspath = System.getProperty("virtual.classpath");
        if (virtualClasspath == null) {
            throw new IllegalArgumentException("give -Dvirtual.classpath= the test classpath of controller/virtual");
        }
        Path work = Files.createTempDirectory("trend-benchmark");
        System.out.printf("== %d loads; java %s, %d cores%n", loads, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Process controller = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", virtualClasspath, "com.sicfurnace.controller.bench.RunHistoryServer",
                work.resolve("controller").toString()).directory(Path.of("..", "controller", "virtual").toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("controller.log").toFile()).start();
        try {
            Matcher serving = awaitServing(controller, work.resolve("controller.log"));
            System.out.printf("controller: whole run %s to %s in its history%n", serving.group(3), serving.group(4));
            try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of(new HmiProcess.Controller("f01",
                    serving.group(1), Path.of(serving.group(2)))))) {
                ChromeDriver driver = hmi.chromium(1600, 1000);
                try {
                    measure(driver, hmi, loads);
                } finally {
                    driver.quit();
                }
            }
        } finally {
            controller.destroy();
            if (!controller.waitFor(20, TimeUnit.SECONDS)) {
                controller.destroyForcibly();
            }
        }
    }

    private static Matcher awaitServing(Process controller, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && controller.isAlive()) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                return m;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the controller's API did not serve a whole run within 5 min: "
                + Files.readString(log));
    }

    private static void measure(ChromeDriver driver, HmiProcess hmi, int loads) {
        driver.get(hmi.url + "/furnace/f01/trends");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "const c = document.getElementById('chart');"
                        + "return c.dataset.mode === 'live' && Number(c.dataset.drawn) > 0;")));
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(MEASURE, loads, WARM_UP);
        if (result.containsKey("error")) {
            throw new IllegalStateException("the benchmark failed in the page: " + result.get("error"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) result.get("results");
        Map<String, Object> last = results.get(results.size() - 1);
        System.out.printf("chart: %s to %s, %s points; history answer %s bytes (%s bytes of JSON): %s%n",
                last.get("from"), last.get("to"), last.get("points"), last.get("historyBytes"),
                last.get("historyJsonBytes"), last.get("url"));
        List<Number> events = new ArrayList<>();
        results.forEach(r -> events.addAll(number(r.get("events"))));
        System.out.println("part median_ms p95_ms max_ms");
        print("click -> drawn", results.stream().map(r -> (Number) r.get("drawn")).toList());
        print("baseline: the last hour, click -> drawn", results.stream().map(r -> (Number) r.get("hour")).toList());
        print("click -> next frame", results.stream().map(r -> (Number) r.get("frame")).toList());
        print("history request (HMI and controller)", results.stream().map(r -> (Number) r.get("history")).toList());
        print("events request (the run's start)", events);
    }

    @SuppressWarnings("unchecked")
    private static List<Number> number(Object list) {
        return (List<Number>) list;
    }

    private static void print(String part, List<Number> ms) {
        Distribution d = Distribution.of(ms);
        System.out.printf(Locale.ROOT, "%s: %.1f %.1f %.1f (%d)%n", part, d.percentile(50), d.percentile(95), d.max(),
                d.count());
    }
}
