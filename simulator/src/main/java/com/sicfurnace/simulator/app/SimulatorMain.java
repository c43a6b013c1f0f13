package com.sicfurnace.simulator.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The simulator's command line: serves a simulated furnace over OPC UA and Modbus TCP until stopped. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Simulated SiC PVT furnace: the PLC over OPC UA, the field devices over Modbus TCP, "
                + "fault injection over HTTP. Ctrl-C stops it cleanly.")
public final class SimulatorMain implements Callable<Integer> {
    @Option(names = "--furnace", description = "furnace variant: 6inch or 8inch (default ${DEFAULT-VALUE})")
    String furnace = "6inch";

    @Option(names = "--opcua-port", description = "OPC UA port (default ${DEFAULT-VALUE}); the PLC answers at "
            + "path /plc and at the bare URL without a path")
    int opcuaPort = 4840;

    @Option(names = "--modbus-port", description = "Modbus TCP port (default ${DEFAULT-VALUE})")
    int modbusPort = 5020;

    @Option(names = "--fault-port", description = "fault-injection HTTP port, 0 for none (default ${DEFAULT-VALUE})")
    int faultPort = 8081;

    @Option(names = "--bind", description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String bind = "127.0.0.1";

    @Option(names = "--speed", description = "furnace seconds per wall second (default ${DEFAULT-VALUE})")
    double speed = 1.0;

    @Option(names = "--seed", description = "random seed of the model (default ${DEFAULT-VALUE})")
    long seed = 1L;

    @Option(names = "--step-s", description = "model step, seconds (default ${DEFAULT-VALUE})")
    double stepS = 0.1;

    @Option(names = "--pki-dir", description = "OPC UA server certificate and trust lists (default ${DEFAULT-VALUE})")
    Path pkiDir = Path.of("var", "simulator-pki");

    @Option(names = "--user", description = "OPC UA login as name:password (repeatable)")
    List<String> users = List.of();

    @Option(names = "--no-anonymous", description = "refuse anonymous OPC UA sessions")
    boolean noAnonymous;

    @Option(names = "--watchdog-hold-s", description = "furnace seconds the PLC holds the heater's power after its "
            + "watchdog trips, before it ramps it down (default: the furnace profile's plc.watchdog_hold_s)")
    Double watchdogHoldS;

    @Option(names = "--fault-script", description = "YAML list of faults to inject at furnace times")
    Path faultScript;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // the controller embeds this module and brings its own logback.xml: the simulator's goes by another name
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            System.setProperty(LOGBACK_PROPERTY, "simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    private static final String LOGBACK_PROPERTY = "logback.configurationFile";

    @Override
    public Integer call() throws Exception {
        SimulatorOptions options;
        try {
            options = new SimulatorOptions(furnace, seed, stepS, speed, bind, opcuaPort, modbusPort, faultPort,
                    pkiDir, users(), !noAnonymous, Optional.ofNullable(faultScript),
                    watchdogHoldS == null ? OptionalDouble.empty() : OptionalDouble.of(watchdogHoldS));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SimulatorRuntime runtime = SimulatorRuntime.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, String> users() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String user : users) {
            int colon = user.indexOf(':');
            if (colon < 1 || colon == user.length() - 1) {
                throw new IllegalArgumentException("--user must be name:password, not '" + user + "'");
            }
            parsed.put(user.substring(0, colon), user.substring(colon + 1));
        }
        return parsed;
    }
}
