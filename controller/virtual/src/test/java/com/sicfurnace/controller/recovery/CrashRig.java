package com.sicfurnace.controller.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.run.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The production controller and the simulator, each in its own JVM from its built jar, talking OPC UA and Modbus TCP
 * over loopback: the controller can be killed with SIGKILL and started again on the same configuration, journal and
 * audit trail, as on a plant.
 */
final class CrashRig implements AutoCloseable {
    static final Path CONTROLLER_JAR = Path.of("..", "runtime", "target", "controller.jar");
    static final Path SIMULATOR_JAR = Path.of("..", "..", "simulator", "target", "simulator.jar");
    static final Path RECIPE = Path.of("src", "test", "resources", "recipes", "journal-soak.yaml").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final double speed;
    final int opcuaPort = FreePort.pick();
    final int modbusPort = FreePort.pick();
    private final JarProcess simulator;
    private final Path config;
    private JarProcess controller;
    private int starts;

    /**
     * @param watchdogHoldS the simulated PLC's hold of the heater's power after its watchdog trips, furnace seconds
     */
    CrashRig(Path dir, double speed, double maxOutageS, double watchdogHoldS) throws IOException {
        this.dir = dir;
        this.speed = speed;
        this.simulator = JarProcess.start(SIMULATOR_JAR, dir.resolve("simulator.log"), List.of("--furnace", "6inch",
                "--opcua-port", Integer.toString(opcuaPort), "--modbus-port", Integer.toString(modbusPort),
                "--fault-port", "0", "--speed", Double.toString(speed), "--pki-dir", dir.resolve("plc").toString(),
                "--watchdog-hold-s", Double.toString(watchdogHoldS)));
        this.config = dir.resolve("run.yaml");
        Files.writeString(config, String.join("\n",
                "recipe: " + RECIPE,
                "report_dir: report",
                "audit_dir: var/audit",
                "journal_dir: var/journal",
                "speed: " + speed,
                "recovery: {max_outage_s: " + maxOutageS + "}",
                "opcua: {endpoint: '" + endpoint() + "', pki_dir: var/controller-pki}",
                "modbus: {host: 127.0.0.1, port: " + modbusPort + ", timeout_ms: 200}",
                "metrics: {port: 0}",
                "telemetry: {enabled: false}", ""));
    }

    String endpoint() {
        return "opc.tcp://127.0.0.1:" + opcuaPort + "/plc";
    }

    /** Starts the controller's {@code run} on the rig's configuration (again, after a kill). */
    JarProcess startController(String... more) throws IOException {
        starts++;
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--status-every", "600"));
        args.addAll(List.of(more));
        controller = JarProcess.start(CONTROLLER_JAR, dir.resolve("controller-" + starts + ".log"), args);
        return controller;
    }

    JarProcess controller() {
        return controller;
    }

    Path journalDir() {
        return dir.resolve("var/journal");
    }

    Optional<RunJournal.Journaled> journal() throws RunJournal.Unreadable {
        return RunJournal.read(journalDir());
    }

    /** Every record of the audit trail so far, in order. */
    List<JsonNode> auditRecords() throws IOException {
        Path audit = dir.resolve("var/audit");
        List<JsonNode> records = new ArrayList<>();
        if (!Files.isDirectory(audit)) {
            return records;
        }
        for (Path file : AuditFiles.list(audit)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    records.add(JSON.readTree(line));
                }
            }
        }
        return records;
    }

    Optional<JsonNode> auditRecord(Predicate<JsonNode> which) throws IOException {
        return auditRecords().stream().filter(which).findFirst();
    }

    /** What both processes printed, for a failure's message. */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("---- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())))
                        .append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (controller != null) {
            controller.close();
        }
        simulator.close();
    }
}
