package com.sicfurnace.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.ModbusTable;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator serves every signal of the I/O list to clients that share no code with its servers (Milo, j2mod):
 * node-opcua and modbus-serial, run by {@code src/test/node/conformance.mjs} against a running simulator. The
 * script reports per signal which checks it made; this test holds that report against the I/O list, so that a
 * signal the script skipped fails as surely as one the server got wrong. Besides the PLC's configured endpoint URL,
 * a second node-opcua client is given only the bare {@code opc.tcp://host:port}, as for a PLC that serves there, and
 * must be offered an endpoint at that URL and read every OPC UA signal on it.
 */
@ExtendWith(NoStackTracesLogged.class)
class IndependentClientConformanceTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final long RUN_TIMEOUT_S = 120;
    private static final long NODE_VERSION_TIMEOUT_S = 10;
    private static final long GAS_FLOW_TIMEOUT_S = 10;
    private static final String HOW_TO_INSTALL = "run scripts/test, which installs them on Debian, or by hand: "
            + "install Node.js 18 or later with npm (Debian: apt-get install nodejs npm), then "
            + "(cd simulator/src/test/node && npm ci --no-audit --no-fund --omit=optional)";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void independentClientsReadAndWriteEverySignalOfTheIoList(String variant) throws Exception {
        requireNodeAndModules();
        int[] ports = FreePort.pick(2);
        SimulatorOptions options = SimulatorOptions.local(variant, ports[0], ports[1], tmp.resolve("pki"));
        JsonNode report;
        try (SimulatorRuntime simulator = SimulatorRuntime.start(options)) {
            startGasFlow(simulator.furnace());
            report = runConformance(simulator.opcuaEndpoint(), simulator.opcuaBareUrl(), options.modbusPort(),
                    variant);
        }

        List<SignalSpec> signals = IoList.fromClasspath().forFurnace(variant).signals();
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> reported = byName(report.path("signals"));
        for (SignalSpec spec : signals) {
            JsonNode entry = reported.get(spec.name());
            if (entry == null) {
                problems.add(spec.name() + ": not in the report");
            } else {
                problems.addAll(signalProblems(spec, entry));
            }
        }
        Set<String> extra = new TreeSet<>(reported.keySet());
        signals.forEach(s -> extra.remove(s.name()));
        extra.forEach(name -> problems.add(name + ": reported, but not a signal of the " + variant));
        problems.addAll(failedChecks("OPC UA address space", report.path("opcuaAddressSpace")));
        problems.addAll(failedChecks("OPC UA at the bare URL", report.path("opcuaBareUrl").path("checks")));
        problems.addAll(deviceProblems(signals, report.path("modbusDevices")));
        problems.addAll(deadEncodings(signals, reported));

        assertTrue(problems.isEmpty(), problems.size() + " conformance problem(s) on the " + variant + ":\n"
                + String.join("\n", problems));
        assertTrue(report.path("passed").asBoolean(), "the script's verdict agrees");
        assertEquals(variant, report.path("furnace").asText());
    }

    /** The checks the script must have made on a signal: what the I/O list lets a client observe of it. */
    private static Set<String> requiredChecks(SignalSpec spec) {
        Set<String> checks = new LinkedHashSet<>();
        boolean output = spec.direction() == Direction.OUT;
        if (spec.protocol() == Protocol.OPCUA) {
            checks.addAll(List.of("browse", "read", "dataType", "access", "readAtBareUrl"));
            if (spec.dataType() == DataType.DOUBLE) {
                checks.addAll(List.of("euRange", "engineeringUnits"));
            }
            checks.addAll(output ? List.of("write", "wrongType") : List.of("writeDenied"));
            if (output && spec.dataType() != DataType.BOOLEAN) {
                checks.add("outOfRange");
            }
        } else {
            checks.add("read");
            if (output) {
                checks.add("write");
            }
            if (output && spec.modbus().orElseThrow().table() == ModbusTable.HOLDING_REGISTER) {
                checks.add("outOfRange");
            }
        }
        return checks;
    }

    /**
     * A reading of zero decodes alike in every word order and scale. So that decoding is proven on live values,
     * each register encoding of the list (float32 ABCD and CDAB, int16, uint16) must have been read non-zero at
     * least once.
     */
    private static List<String> deadEncodings(List<SignalSpec> signals, Map<String, JsonNode> reported) {
        Map<String, List<SignalSpec>> byEncoding = signals.stream()
                .filter(s -> s.protocol() == Protocol.MODBUS && s.direction() == Direction.IN && !s.isBoolean())
                .collect(Collectors.groupingBy(IndependentClientConformanceTest::encoding, TreeMap::new,
                        Collectors.toList()));
        List<String> problems = new ArrayList<>();
        byEncoding.forEach((encoding, inputs) -> {
            boolean live = inputs.stream().anyMatch(s -> readValue(reported.get(s.name())) != 0.0);
            if (!live) {
                problems.add(encoding + ": every input read 0 (" + inputs.stream().map(SignalSpec::name).toList()
                        + "): the decoding was not shown on a live value");
            }
        });
        return problems;
    }

    private static String encoding(SignalSpec spec) {
        ModbusAddress a = spec.modbus().orElseThrow();
        return a.dataType().name().toLowerCase() + (a.wordOrder() == null ? "" : " " + a.wordOrder());
    }

    private static double readValue(JsonNode entry) {
        if (entry != null) {
            for (JsonNode c : entry.path("checks")) {
                if (c.path("check").asText().equals("read") && c.path("value").isNumber()) {
                    return c.path("value").asDouble();
                }
            }
        }
        return 0.0;
    }

    private static List<String> signalProblems(SignalSpec spec, JsonNode entry) {
        List<String> problems = new ArrayList<>();
        String protocol = spec.protocol().name().toLowerCase();
        if (!protocol.equals(entry.path("protocol").asText())) {
            problems.add(spec.name() + ": checked over '" + entry.path("protocol").asText() + "', the list says "
                    + protocol);
        }
        Set<String> made = new TreeSet<>();
        entry.path("checks").forEach(c -> made.add(c.path("check").asText()));
        Set<String> missing = new TreeSet<>(requiredChecks(spec));
        missing.removeAll(made);
        if (!missing.isEmpty()) {
            problems.add(spec.name() + ": not checked: " + missing);
        }
        problems.addAll(failedChecks(spec.name(), entry.path("checks")));
        return problems;
    }

    private static List<String> deviceProblems(List<SignalSpec> signals, JsonNode devices) {
        Set<Integer> expected = signals.stream().filter(s -> s.protocol() == Protocol.MODBUS)
                .map(s -> s.modbus().orElseThrow().unitId()).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> reported = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode device : devices) {
            int unit = device.path("unitId").asInt();
            reported.add(unit);
            if (device.path("checks").size() != ModbusTable.values().length) {
                problems.add("unit " + unit + ": unoccupied addresses checked in " + device.path("checks").size()
                        + " tables, not all " + ModbusTable.values().length);
            }
            problems.addAll(failedChecks("unit " + unit, device.path("checks")));
        }
        if (!expected.equals(reported)) {
            problems.add("Modbus devices checked " + reported + ", the list has unit ids " + expected);
        }
        return problems;
    }

    private static List<String> failedChecks(String where, JsonNode checks) {
        List<String> problems = new ArrayList<>();
        if (checks.isEmpty()) {
            problems.add(where + ": no checks reported");
        }
        for (JsonNode c : checks) {
            if (!c.path("passed").asBoolean()) {
                problems.add(where + ": " + c.path("check").asText() + " failed: " + c.path("detail").asText());
            }
        }
        return problems;
    }

    private static Map<String, JsonNode> byName(JsonNode signals) {
        List<JsonNode> list = new ArrayList<>();
        signals.forEach(list::add);
        return list.stream().collect(Collectors.toMap(s -> s.path("name").asText(), Function.identity(),
                (a, b) -> fail("signal " + a.path("name").asText() + " is reported twice"),
                LinkedHashMap::new));
    }

    // ---- running the script ----

    /** Gas flowing, so that the argon (float32 CDAB) and nitrogen (uint16 x 0.001) readings are not zero. */
    private static void startGasFlow(SimulatedFurnace furnace) throws InterruptedException {
        synchronized (furnace) {
            furnace.write("gas_valve_open_cmd", 1.0);
            furnace.write("ar_flow_sp_sccm", 2500.0);
            furnace.write("n2_flow_sp_sccm", 5.0);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GAS_FLOW_TIMEOUT_S);
        while (true) {
            double argon;
            double nitrogen;
            synchronized (furnace) {
                argon = furnace.read("ar_flow_sccm");
                nitrogen = furnace.read("n2_flow_sccm");
            }
            if (argon > 1000.0 && nitrogen > 2.0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the gas did not flow within " + GAS_FLOW_TIMEOUT_S + " s: argon " + argon + " sccm, nitrogen "
                        + nitrogen + " sccm");
            }
            Thread.sleep(50);
        }
    }

    private JsonNode runConformance(String opcuaEndpoint, String opcuaBareUrl, int modbusPort, String variant)
            throws Exception {
        Path stdout = tmp.resolve("report-" + variant + ".json");
        Path stderr = tmp.resolve("stderr-" + variant + ".txt");
        Process process = new ProcessBuilder("node", "conformance.mjs", "--opcua", opcuaEndpoint,
                "--opcua-bare", opcuaBareUrl, "--modbus-host", "127.0.0.1",
                "--modbus-port", String.valueOf(modbusPort), "--io-list", ioListFile().toString(), "--furnace", variant)
                .directory(NODE_DIR.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("conformance.mjs did not finish within " + RUN_TIMEOUT_S + " s; its stderr:\n"
                    + Files.readString(stderr));
        }
        int exit = process.exitValue();
        // 0: all passed, 1: some check failed (the report says which); anything else: the script itself failed.
        if (exit != 0 && exit != 1) {
            fail("conformance.mjs exited with " + exit + "; its stderr:\n" + Files.readString(stderr));
        }
        try {
            return new ObjectMapper().readTree(stdout.toFile());
        } catch (IOException e) {
            throw new AssertionError("conformance.mjs (exit " + exit + ") printed no JSON report: " + e.getMessage()
                    + "\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr), e);
        }
    }

    /** The build's copy of docs/io-list.csv: the list the simulator serves. */
    private static Path ioListFile() throws URISyntaxException {
        return Path.of(IoList.class.getResource(IoList.RESOURCE).toURI());
    }

    private static void requireNodeAndModules() throws InterruptedException {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!node.waitFor(NODE_VERSION_TIMEOUT_S, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("'node --version' did not answer within " + NODE_VERSION_TIMEOUT_S + " s");
            }
            version = new String(node.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            throw new AssertionError("Node.js ('node') is not on the PATH: " + e.getMessage() + ". The conformance "
                    + "test needs it and the npm packages of " + NODE_DIR + ": " + HOW_TO_INSTALL, e);
        }
        for (String module : List.of("node-opcua-client", "node-opcua-certificate-manager", "modbus-serial")) {
            if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve(module))) {
                fail("the npm package " + module + " is not installed in " + NODE_DIR + " (node " + version + "): "
                        + HOW_TO_INSTALL);
            }
        }
    }
}
