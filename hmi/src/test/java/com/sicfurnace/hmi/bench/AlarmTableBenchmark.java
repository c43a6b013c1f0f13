package com.sicfurnace.hmi.bench;

import com.sicfurnace.hmi.plant.LivePlant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alarm table with 10,000 journal entries and 500 alarms not normal (issue 10: ≤ 100 ms per action in the
 * browser). The simulator's, the controller's (speed 1, idle) and the HMI's jars each in its own process; headless
 * Chromium logged in as an operator on {@code /furnace/f01/alarms}. The synthetic alarms and events are made in the
 * page, with the page's own modules:
 * <ul>
 * <li>open: a new journal ingests the 10,000 events, the rows are joined, filtered and sorted, and the first page of
 * them (100 rows, as the page draws) is drawn into an empty table of the page's style (the page's functions; what the
 * page does once its journal has been read, without the reading over HTTP);</li>
 * <li>filter and sort: the page's live alarm board and journal are given the synthetic alarms and events, then the
 * page's own controls are changed as a click changes them (the checkbox clicked, a select's value set with its change
 * event), and the pager's buttons clicked, so that the page's listener and its draw run as for an operator; each timed from the change to the end of
 * the draw (the count's text set, after the rows), with a forced layout.</li>
 * </ul>
 * Actions are 300 ms apart, past the page's 250 ms limit between draws, so that none waits for it. Every action's
 * rows are checked (their number, and the order after a sort). performance.now() in the page; each action's time is
 * also split: open into the journal's ingest, the rows, their elements and the layout; a filter or sort into the
 * page's script (the change event to the drawn table) and the layout.
 * Usage: AlarmTableBenchmark [ROUNDS]   (default 30, after 5 not counted); run from {@code hmi/}.
 */
public final class AlarmTableBenchmark {
    private static final int WARM_UP = 5;

    private static final String MEASURE = """
            const [rounds, warmUp, done] = arguments;
            Promise.all([import('/static/js/alarmtable.js'), import('/static/js/journal.js'),
                import('/static/js/live.js')]).then(async ([table, journals, lives]) => {
              const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
              const priorities = ['urgent', 'high', 'medium', 'low'];
              const states = ['unack_active', 'ack_active', 'unack_rtn', 'shelved'];
              const events = [];
              for (let i = 1; i <= 10000; i++) {
                events.push({ seq: i, time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
                  kind: 'alarm', alarm: 'SYNTHETIC_' + (i % 500), priority: priorities[i % 4],
                  state: states[Math.floor(i / 4) % 4], text: 'synthetic alarm ' + (i % 500), detail: '' });
              }
              const notNormal = {};
              for (let k = 0; k < 500; k++) {
                notNormal['SYNTHETIC_' + k] = { state: states[Math.floor(k / 4) % 4], priority: priorities[k % 4],
                  active: k % 3 !== 0, chattering: false };
              }
              const times = { open: [] };
              for (let round = 0; round < warmUp + rounds; round++) {
                const scratch = document.createElement('table');
                scratch.className = 'alarm-table';
                document.querySelector('main').append(scratch);
                const start = performance.now();
                const journal = new journals.AlarmJournal('f01');
                journal.ingest(events);
                const ingested = performance.now();
                const rows = table.tableRows([{ furnace: 'f01', notNormal, journal, stale: false }],
                  { priorities: new Set(priorities), state: '', sort: 'priority' });
                const joined = performance.now();
                table.renderRows(scratch.createTBody(), table.pageOf(rows, 0).rows);
                const rendered = performance.now();
                document.body.offsetHeight; // layout included
                const took = [performance.now() - start, ingested - start, joined - ingested, rendered - joined,
                  performance.now() - rendered];
                if (rows.length !== 500 || scratch.querySelectorAll('tbody tr').length !== table.PAGE_ROWS) {
                  throw new Error('open drew ' + scratch.querySelectorAll('tbody tr').length + ' rows of '
                    + rows.length + ', not the first page of 500');
                }
                scratch.remove();
                if (round >= warmUp) {
                  times.open.push(took);
                }
                await sleep(50);
              }

              // the page's own table, from its live alarm board and its journal
              const live = lives.liveFor('f01');
              live.snapshot.alarms = { ...live.snapshot.alarms, not_normal: notNormal };
              journals.journalFor('f01').ingest(events);
              const tbody = document.querySelector('#alarm-table tbody');
              const count = document.getElementById('alarm-count');
              const page = (n) => Math.min(n, table.PAGE_ROWS);
              for (let wait = 0; !/500 shown/.test(count.textContent) && wait < 100; wait++) {
                await sleep(100); // the page draws them at its next live change
              }
              const form = document.getElementById('alarm-filters');
              const high = form.querySelector('input[name=priority][value=high]');
              const choose = (select, value) => {
                select.value = value;
                select.dispatchEvent(new Event('change', { bubbles: true }));
              };
              const second = () => tbody.children[1].dataset.alarm;
              const alarms = Object.values(notNormal);
              const withoutHigh = alarms.filter((a) => a.priority !== 'high').length;
              const unacknowledged = alarms.filter((a) => a.state.startsWith('unack')).length;
              const pager = (which) => document.querySelector('#alarm-pager button[data-page=' + which + ']').click();
              const actions = [
                ['priority filter: high off', () => high.click(), page(withoutHigh), null],
                ['priority filter: high on', () => high.click(), page(500), null],
                ['state filter: unacknowledged', () => choose(form.elements.state, 'unack'), page(unacknowledged),
                  null],
                ['state filter: every state', () => choose(form.elements.state, ''), page(500), null],
                ['sort: newest first', () => choose(form.elements.sort, 'time'), page(500), 'SYNTHETIC_499'],
                ['page: next 100', () => pager('next'), page(400), null],
                ['page: previous 100', () => pager('previous'), page(500), 'SYNTHETIC_499'],
                ['sort: priority, then newest', () => choose(form.elements.sort, 'priority'), page(500),
                  'SYNTHETIC_496'],
              ];
              const drawn = (action) => new Promise((resolve) => {
                const start = performance.now();
                new MutationObserver((records, observer) => {
                  observer.disconnect();
                  const scripted = performance.now();
                  document.body.offsetHeight; // layout included
                  resolve([performance.now() - start, scripted - start, performance.now() - scripted]);
                }).observe(count, { childList: true, characterData: true, subtree: true });
                action();
              });
              for (let round = 0; round < warmUp + rounds; round++) {
                for (const [name, action, rows, secondRow] of actions) {
                  await sleep(300);
                  const took = await drawn(action);
                  if (tbody.children.length !== rows || (secondRow !== null && second() !== secondRow)) {
                    throw new Error(name + ': ' + tbody.children.length + ' rows (not ' + rows + '), second '
                      + second() + '; ' + count.textContent);
                  }
                  if (round >= warmUp) {
                    (times[name] = times[name] || []).push(took);
                  }
                }
              }
              done({ times: Object.entries(times), count: count.textContent });
            }).catch((e) => done({ error: String(e) }));
            """;

    private AlarmTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Files.createTempDirectory("alarm-table-benchmark");
        System.out.printf("== %d rounds; java %s, %d cores%n", rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (LivePlant plant = new LivePlant("f01", work.resolve("f01"), 1.0)) {
            plant.startController();
            try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of(new HmiProcess.Controller(
                    plant.name, plant.apiUrl(), plant.tokenFile())))) {
                ChromeDriver driver = hmi.chromium(1600, 1000);
                try {
                    measure(driver, hmi, rounds);
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static void measure(ChromeDriver driver, HmiProcess hmi, int rounds) {
        driver.get(hmi.url + "/furnace/f01/alarms");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return /alarms? not normal/.test(document.getElementById('alarm-count').textContent);")));
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(MEASURE, rounds, WARM_UP);
        if (result.containsKey("error")) {
            throw new IllegalStateException("the benchmark failed in the page: " + result.get("error"));
        }
        System.out.println("page after the last action: " + result.get("count"));
        System.out.println("action median_ms p95_ms max_ms (rounds); medians of its parts");
        @SuppressWarnings("unchecked")
        List<List<Object>> times = (List<List<Object>>) result.get("times");
        for (List<Object> action : times) {
            @SuppressWarnings("unchecked")
            List<List<Number>> measured = (List<List<Number>>) action.get(1);
            Distribution whole = Distribution.of(measured.stream().map(parts -> parts.get(0)).toList());
            StringBuilder parts = new StringBuilder();
            String[] names = action.get(0).equals("open") ? new String[] {"ingest", "rows", "render", "layout"}
                    : new String[] {"click to drawn", "layout"};
            for (int i = 0; i < names.length; i++) {
                int part = i + 1;
                parts.append(String.format(Locale.ROOT, " %s %.1f", names[i],
                        Distribution.of(measured.stream().map(r -> r.get(part)).toList()).percentile(50)));
            }
            System.out.printf(Locale.ROOT, "%s: %.1f %.1f %.1f (%d);%s%n", action.get(0), whole.percentile(50),
                    whole.percentile(95), whole.max(), whole.count(), parts);
        }
    }
}
