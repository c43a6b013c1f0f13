package com.sicfurnace.hmi.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.plant.LivePlant;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
 * the phase, and the messages each client received. The clients run in a process of their own; with NICE above 0 it
 * and the HMI run at that niceness, below the controller, as screens should on a machine that also controls.
 * Usage: HmiStreamBenchmark [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS] [NICE]   (defaults 60, 2, 50, 0); run from
 * {@code hmi/}.
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
        int nice = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path work = Files.createTempDirectory("hmi-stream-benchmark");
        System.out.printf("== %d s per phase, %d rounds, %d clients, HMI and clients at niceness %d; java %s, %d cores%n",
                seconds, rounds, clients, nice, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (LivePlant plant = new LivePlant("f01", work.resolve("f01"), 1.0)) {
            plant.startController();
            try (HmiProcess hmi = HmiProcess.start(work.resolve("hmi"), List.of(new HmiProcess.Controller(
                    plant.name, plant.apiUrl(), plant.tokenFile())), nice)) {
                Browser operator = hmi.operator();
                String cookie = "hmi_session=" + operator.cookie("hmi_session").orElseThrow().value();
                plant.stopController();
                System.out.println("round clients scans jitter_median_us jitter_p99_us jitter_max_us "
                        + "controller_cpu_pct hmi_cpu_pct messages_per_client_per_s");
                for (int round = 1; round <= rounds; round++) {
                    for (int n : new int[] {0, clients}) {
                        phase(round, n, seconds, plant, hmi.process, new Clients(hmi.url.getPort(), cookie, nice));
                    }
                }
            }
        }
    }

    /** Where the clients connect, as whom, and at which niceness their process runs. */
    private record Clients(int port, String cookie, int nice) {
    }

    private static void phase(int round, int n, int seconds, LivePlant plant, Process hmi, Clients clients)
            throws Exception {
        plant.startController();
        Thread.sleep(3000); // the HMI's link reconnects within its backoff
        Running browsers = n == 0 ? null : startClients(clients, n, seconds);
        long controllerCpu0 = cpuNanos(plant.controllerPid());
        long hmiCpu0 = cpuNanos(hmi.pid());
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wallS = (System.nanoTime() - wall0) / 1e9;
        long controllerCpu = cpuNanos(plant.controllerPid()) - controllerCpu0;
        long hmiCpu = cpuNanos(hmi.pid()) - hmiCpu0;
        long received = browsers == null ? 0 : received(browsers);
        plant.stopController();
        Matcher m = JITTER.matcher(Files.readString(plant.controllerLog()));
        if (!m.find()) {
            throw new IllegalStateException("the controller logged no scan timing: " + plant.logs());
        }
        System.out.printf(Locale.ROOT, "%d %d %s %s %s %s %.1f %.1f %.1f%n", round, n, m.group(1), m.group(2),
                m.group(3), m.group(4), 100.0 * controllerCpu / 1e9 / wallS, 100.0 * hmiCpu / 1e9 / wallS,
                n == 0 ? 0.0 : received / (double) n / seconds);
    }

    /** The clients' process and what it says. */
    private record Running(Process process, BufferedReader out) {
    }

    /** The clients' process, once every client is connected; it receives for {@code seconds}, then reports. */
    private static Running startClients(Clients clients, int n, int seconds) throws Exception {
        List<String> command = new ArrayList<>(HmiProcess.niced(clients.nice()));
        command.addAll(List.of(HmiProcess.java(), "-cp", System.getProperty("java.class.path"),
                StreamClients.class.getName(), Integer.toString(clients.port()), clients.cookie(),
                Integer.toString(n), Integer.toString(seconds)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        String first = out.readLine();
        if (!"connected".equals(first)) {
            process.destroyForcibly();
            throw new IllegalStateException("the clients did not connect: " + first);
        }
        return new Running(process, out);
    }

    private static long received(Running clients) throws Exception {
        if (!clients.process().waitFor(60, TimeUnit.SECONDS)) {
            clients.process().destroyForcibly();
            throw new IllegalStateException("the clients did not report");
        }
        return Long.parseLong(clients.out().readLine().strip());
    }

    /**
     * The browsers' stand-in, in a process of its own: N live-stream clients of one session that only count what they
     * receive. Prints "connected" once all are, then after the seconds the messages all of them received.
     * Usage: StreamClients PORT COOKIE N SECONDS
     */
    public static final class StreamClients {
        private StreamClients() {
        }

        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            int n = Integer.parseInt(args[2]);
            List<WebSocket> sockets = new ArrayList<>();
            AtomicLong messages = new AtomicLong();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < n; i++) {
                sockets.add(http.newWebSocketBuilder().header("Cookie", args[1]).buildAsync(URI.create(
                        "ws://127.0.0.1:" + port + "/live/f01"), new Counting(messages)).get(10, TimeUnit.SECONDS));
            }
            messages.set(0);
            System.out.println("connected");
            System.out.flush();
            Thread.sleep(Integer.parseInt(args[3]) * 1000L);
            long received = messages.get();
            for (WebSocket socket : sockets) {
                socket.abort();
            }
            System.out.println(received);
            System.exit(0);
        }
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
