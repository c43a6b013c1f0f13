package com.sicfurnace.hmi.plant;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One simulated furnace with its production controller, each in its own JVM from its built jar, as
 * {@code scripts/start} runs them: the simulator serves OPC UA and Modbus on free loopback ports (and its fault API),
 * the controller drives it and serves its northbound API. The controller can be stopped and started again.
 */
public final class LivePlant implements AutoCloseable {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path CONTROLLER_JAR = ROOT.resolve("controller/runtime/target/controller.jar");
    static final Path SIMULATOR_JAR = ROOT.resolve("simulator/target/simulator.jar");
    public static final Path SMOKE = ROOT.resolve("docs/recipes/smoke.yaml");
    /** An 8-inch recipe whose first step is timed: the screens' test watches its time left count down. */
    public static final Path TIMED_8INCH = ROOT.resolve("hmi/src/test/resources/recipes/timed-8inch.yaml");

    public final String name;
    public final Path dir;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    public final int opcuaPort = freePort();
    public final int modbusPort = freePort();
    public final int faultPort = freePort();
    public final int apiPort = freePort();
    private final double speed;
    private final Process simulator;
    private Process controller;
    private int starts;

    /** A 6-inch furnace with the smoke recipe; {@link #startController} starts the controller. */
    public LivePlant(String name, Path dir, double speed) throws IOException {
        this(name, dir, speed, "6inch", SMOKE);
    }

    /**
     * Starts the simulator of a furnace type ({@code 6inch}, {@code 8inch}), for a controller that loads a recipe of
     * that type; {@link #startController} starts the controller.
     */
    public LivePlant(String name, Path dir, double speed, String furnaceType, Path recipe) throws IOException {
        this.name = name;
        this.dir = Files.createDirectories(dir);
        this.speed = speed;
        this.simulator = launch(SIMULATOR_JAR, dir.resolve("simulator.log"), List.of("--furnace", furnaceType,
                "--opcua-port", Integer.toString(opcuaPort), "--modbus-port", Integer.toString(modbusPort),
                "--fault-port", Integer.toString(faultPort), "--speed", Double.toString(speed), "--pki-dir",
                dir.resolve("plc").toString()));
        Files.writeString(config(), String.join("\n",
                "recipe: " + recipe,
                "report_dir: report",
                "audit_dir: audit",
                "journal_dir: journal",
                "speed: " + speed,
                "opcua: {endpoint: 'opc.tcp://127.0.0.1:" + opcuaPort + "/plc', pki_dir: controller-pki}",
                "modbus: {host: 127.0.0.1, port: " + modbusPort + ", timeout_ms: 200}",
                "metrics: {port: 0, furnace: " + name + "}",
                "telemetry: {enabled: false}",
                "api: {port: " + apiPort + ", dir: api}", ""));
        try {
            // the fault API binds last: once it listens, the simulator has every port it needs
            awaitPort(opcuaPort, simulator, "simulator");
            awaitPort(faultPort, simulator, "simulator's fault API");
        } catch (RuntimeException e) {
            simulator.destroyForcibly(); // no process outlives a plant that failed to start
            throw e;
        }
    }

    private Path config() {
        return dir.resolve("run.yaml");
    }

    /** Starts the controller, which waits for an operator's start; returns once its API listens. */
    public LivePlant startController() throws IOException {
        starts++;
        controller = launch(CONTROLLER_JAR, dir.resolve("controller-" + starts + ".log"), List.of("run", "--config",
                config().toString(), "--wait-for-start", "--discard-journal", "a test starts a new run"));
        try {
            awaitPort(apiPort, controller, "controller");
        } catch (RuntimeException e) {
            controller.destroyForcibly();
            throw e;
        }
        return this;
    }

    /** Stops the controller as Ctrl-C would (its journal stays for a restart). */
    public void stopController() throws InterruptedException {
        controller.destroy();
        if (!controller.waitFor(20, TimeUnit.SECONDS)) {
            controller.destroyForcibly();
        }
    }

    /**
     * Waits for the controller to end by itself (it does when its recipe ends, after writing the run's report);
     * returns its exit code.
     */
    public int awaitControllerEnd(Duration timeout) throws InterruptedException, IOException {
        if (!controller.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the controller did not end within " + timeout.toSeconds() + " s: "
                    + logs());
        }
        return controller.exitValue();
    }

    /** Whether the controller's process is running. */
    public boolean controllerRunning() {
        return controller != null && controller.isAlive();
    }

    /** The controller's report directory: its run history. */
    public Path reportDir() {
        return dir.resolve("report");
    }

    /** The running controller's process id. */
    public long controllerPid() {
        return controller.pid();
    }

    /** The log of the controller's latest start. */
    public Path controllerLog() {
        return dir.resolve("controller-" + starts + ".log");
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public Path tokenFile() {
        return dir.resolve("api").resolve("token");
    }

    public String faultUrl() {
        return "http://127.0.0.1:" + faultPort + "/faults";
    }

    private static Process launch(Path jar, Path log, List<String> args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: the HMI's tests run after the other modules' "
                    + "package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private void awaitPort(int port, Process process, String what) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + what + " ended: " + logs());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("the " + what + " did not listen on " + port + " within 60 s: " + logs());
    }

    /** The last lines of both processes' logs, for a failure's message. */
    public String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("---- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())))
                        .append('\n');
            }
        }
        return text.toString();
    }

    /**
     * A free port no other plant of this JVM was given: plants started side by side would otherwise be handed the
     * same just-closed port by the system, and one simulator would fail to bind it.
     */
    private static synchronized int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port not given out already after 100 attempts");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (controller != null) {
            stopController();
        }
        simulator.destroy();
        if (!simulator.waitFor(20, TimeUnit.SECONDS)) {
            simulator.destroyForcibly();
        }
    }
}
