package com.sicfurnace.hmi.bench;

import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.plant.LivePlant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does feeding browsers disturb the furnace's scan? The simulator's jar, the controller's jar (speed 1, 10 Hz scan) and
 * the HMI's jar each in its own process; the controller's scan loop runs alone, then with N live-stream clients of the
 * HMI (WebSocket {@code /live/f01}, each with an operator's session, as a browser's page holds it), alternately, for
 * the given seconds per phase. Each phase is one controller start: its start-time jitter (median, p99, max over every
 * scan, from the controller's own HdrHistogram, logged at its stop) and the CPU the controller and the HMI used in
 * the phase, and the messages each client received.
 * Usage: HmiStreamBenchmark [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]   (defaults 60, 2, 50); run from {@code hmi/}.
 */
public final class HmiStreamBenchmark {
    private static final Pattern JITTER = Pattern.compile("scan loop: (\\d+) scans, start jitter median (\\d+) µs, "
            + "p99 (\\d+) µs, max (\\d+) µs");

    private HmiStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path work = Files.createTempDirectory("hmi-stream-benchmark");
        System.out.printf("== %d s per phase, %d rounds, %d clients; java %s, %d cores%n", seconds, rounds, clients,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        try (LivePlant plant = new LivePlant("f01", work.resolve("f01"), 1.0)) {
            plant.startController();
            try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of(new HmiProcess.Controller(
                    plant.name, plant.apiUrl(), plant.tokenFile())))) {
                Browser operator = hmi.operator();
                String cookie = "hmi_session=" + operator.cookie("hmi_session").orElseThrow().value();
                plant.stopController();
                System.out.println("round clients scans jitter_median_us jitter_p99_us jitter_max_us "
                        + "controller_cpu_pct hmi_cpu_pct messages_per_client_per_s");
                for (int round = 1; round <= rounds; round++) {
                    for (int n : new int[] {0, clients}) {
                        phase(round, n, seconds, plant, hmi.process, hmi.url.getPort(), cookie);
                    }
                }
            }
        }
    }

    private static void phase(int round, int n, int seconds, LivePlant plant, Process hmi, int port, String cookie)
            throws Exception {
        plant.startController();
        Thread.sleep(3000); // the HMI's link reconnects within its backoff
        List<WebSocket> sockets = new ArrayList<>();
        AtomicLong messages = new AtomicLong();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < n; i++) {
            sockets.add(http.newWebSocketBuilder().header("Cookie", cookie).buildAsync(URI.create("ws://127.0.0.1:"
                    + port + "/live/f01"), new Counting(messages)).get(10, TimeUnit.SECONDS));
        }
        long controllerCpu0 = cpuNanos(plant.controllerPid());
        long hmiCpu0 = cpuNanos(hmi.pid());
        long wall0 = System.nanoTime();
        messages.set(0);
        Thread.sleep(seconds * 1000L);
        double wallS = (System.nanoTime() - wall0) / 1e9;
        long controllerCpu = cpuNanos(plant.controllerPid()) - controllerCpu0;
        long hmiCpu = cpuNanos(hmi.pid()) - hmiCpu0;
        long received = messages.get();
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        plant.stopController();
        Matcher m = JITTER.matcher(Files.readString(plant.controllerLog()));
        if (!m.find()) {
            throw new IllegalStateException("the controller logged no scan timing: " + plant.logs());
        }
        System.out.printf(Locale.ROOT, "%d %d %s %s %s %s %.1f %.1f %.1f%n", round, n, m.group(1), m.group(2),
                m.group(3), m.group(4), 100.0 * controllerCpu / 1e9 / wallS, 100.0 * hmiCpu / 1e9 / wallS,
                n == 0 ? 0.0 : received / (double) n / wallS);
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /** A client that only counts what it receives, as fast as it comes. */
    private record Counting(AtomicLong messages) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) {
                messages.incrementAndGet();
            }
            ws.request(1);
            return null;
        }
    }
}
