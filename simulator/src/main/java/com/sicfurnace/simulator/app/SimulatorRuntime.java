package com.sicfurnace.simulator.app;

import com.sicfurnace.simulator.fault.FaultApi;
import com.sicfurnace.simulator.fault.FaultCommand;
import com.sicfurnace.simulator.fault.FaultInjector;
import com.sicfurnace.simulator.fault.FaultScript;
import com.sicfurnace.simulator.fault.ProtocolFaults;
import com.sicfurnace.simulator.modbus.ModbusDeviceServer;
import com.sicfurnace.simulator.modbus.UnitMode;
import com.sicfurnace.simulator.model.FurnaceConfig;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.opcua.PlcServer;
import com.sicfurnace.simulator.opcua.PlcServerConfig;
import com.sicfurnace.simulator.opcua.PlcServerException;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulator: the furnace model stepped in real time (times the speed), the PLC's OPC UA server, the
 * field devices' Modbus server, and fault injection by HTTP and by script. Used by the simulator's command line
 * and, in-process, by tests that drive the controller over real sockets.
 */
public final class SimulatorRuntime implements AutoCloseable, ProtocolFaults {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRuntime.class);

    private final SimulatorOptions options;
    private final SimulatedFurnace furnace;
    private final FaultInjector injector;
    private final ModbusDeviceServer modbus;
    private final FaultApi faultApi;
    private final FaultScript script;
    private final RealTimeDriver driver;
    private PlcServer plc;

    private SimulatorRuntime(SimulatorOptions options) throws IOException {
        this.options = options;
        this.furnace = new SimulatedFurnace(plcWatchdog(FurnaceConfigs.shipped(options.furnace()), options),
                options.seed(), options.stepS());
        this.injector = new FaultInjector(furnace.faults(), this);
        this.script = options.faultScript().isPresent() ? FaultScript.load(options.faultScript().get()) : null;
        InetAddress bind = InetAddress.getByName(options.bindAddress());
        this.plc = startPlc();
        this.modbus = ModbusDeviceServer.start(furnace, bind, options.modbusPort());
        this.faultApi = options.faultPort() > 0
                ? new FaultApi(new InetSocketAddress(bind, options.faultPort()), injector) : null;
        this.driver = new RealTimeDriver(furnace, options.stepS(), options.speed(), this::fireScript).start();
        LOG.info("simulator furnace={} speed={} opcua={} (also {}) modbus={}:{} faults={}", options.furnace(),
                options.speed(), plc.endpointUrl(), plc.bareUrl(), options.bindAddress(), options.modbusPort(),
                faultApi == null ? "off" : "http://" + options.bindAddress() + ":" + faultApi.port() + "/faults");
    }

    /**
     * A PLC's watchdog counts wall time; the model counts furnace time, which runs {@code speed} times faster. So
     * that a sped-up simulator does not trip on ordinary network latency, its timeout is stretched by the speed;
     * the hold and ramp-down, which protect the crystal, stay in furnace time. The hold is the options' where given.
     */
    private static FurnaceConfig plcWatchdog(FurnaceConfig c, SimulatorOptions options) {
        FurnaceConfig.Plc plc = new FurnaceConfig.Plc(c.plc().watchdogTimeoutS() * Math.max(1.0, options.speed()),
                options.watchdogHoldS().orElse(c.plc().watchdogHoldS()), c.plc().watchdogRampDownS());
        return new FurnaceConfig(c.furnace(), c.description(), c.ambientC(), c.thermal(), c.heating(), c.sensors(),
                c.vacuum(), c.gas(), c.gauges(), c.cooling(), c.growth(), plc);
    }

    public static SimulatorRuntime start(SimulatorOptions options) throws IOException {
        return new SimulatorRuntime(options);
    }

    private PlcServer startPlc() {
        PlcServerConfig config = PlcServerConfig.localDevelopment(options.opcuaPort(), options.pkiDir())
                .withBindAddress(options.bindAddress()).withUsers(options.users())
                .withAnonymous(options.allowAnonymous());
        PlcServer server = new PlcServer(config, furnace);
        try {
            server.start();
        } catch (PlcServerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return server;
    }

    private void fireScript(double furnaceTimeS) {
        if (script == null) {
            return;
        }
        for (FaultCommand command : script.due(furnaceTimeS)) {
            try {
                injector.apply(command);
            } catch (IllegalArgumentException e) {
                LOG.error("fault script entry at {} s refused: {}", furnaceTimeS, e.getMessage());
            }
        }
    }

    /** Applies a fault command as the fault API would. */
    public void inject(FaultCommand command) {
        injector.apply(command);
    }

    @Override
    public synchronized void opcua(String action) {
        switch (action) {
            case "stop" -> stopPlc();
            case "start" -> {
                if (plc == null) {
                    plc = startPlc();
                }
            }
            case "restart" -> {
                stopPlc();
                plc = startPlc();
            }
            default -> throw new IllegalArgumentException("opcua action must be stop, start or restart, not '"
                    + action + "'");
        }
    }

    private void stopPlc() {
        if (plc != null) {
            try {
                plc.close();
            } catch (PlcServerException e) {
                LOG.error("stopping the PLC server: {}", e.getMessage(), e);
            }
            plc = null;
        }
    }

    @Override
    public void modbusUnit(int unitId, String mode) {
        modbus.setUnitMode(unitId, UnitMode.parse(mode));
    }

    @Override
    public void modbusDropConnections() {
        modbus.dropConnections();
    }

    public SimulatedFurnace furnace() {
        return furnace;
    }

    public String opcuaEndpoint() {
        return opcuaBareUrl() + PlcServerConfig.DEFAULT_PATH;
    }

    /** The PLC without a path, as many real PLCs serve it; discovery and sessions work there too. */
    public String opcuaBareUrl() {
        return "opc.tcp://" + options.bindAddress() + ":" + options.opcuaPort();
    }

    public int faultPort() {
        return faultApi == null ? 0 : faultApi.port();
    }

    public synchronized PlcServer plc() {
        return plc;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable part : List.<AutoCloseable>of(driver, modbus)) {
            closeQuietlyLogged(part);
        }
        if (faultApi != null) {
            faultApi.close();
        }
        stopPlc();
    }

    private static void closeQuietlyLogged(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.error("closing {}: {}", part.getClass().getSimpleName(), e.toString(), e);
        }
    }
}
