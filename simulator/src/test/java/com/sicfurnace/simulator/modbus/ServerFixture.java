package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** A furnace, a server on a free loopback port, and masters that follow the j2mod rules from the cheat sheet. */
final class ServerFixture implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final ModbusServerOptions OPTIONS = ModbusServerOptions.defaults()
            .withIdleTimeout(Duration.ofSeconds(10));

    final SimulatedFurnace furnace;
    final int port;
    final ModbusDeviceServer server;

    ServerFixture(String variant) throws IOException {
        this(new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1));
    }

    ServerFixture(SimulatedFurnace furnace) throws IOException {
        this.furnace = furnace;
        this.port = FreePort.pick();
        this.server = ModbusDeviceServer.start(furnace, LOOPBACK, port, OPTIONS);
    }

    /** A connected master: one attempt per request, so a silent unit fails after {@code timeoutMs}. */
    ModbusTCPMaster master(int timeoutMs) throws Exception {
        return connect(new ModbusTCPMaster(LOOPBACK.getHostAddress(), port, timeoutMs, false, false));
    }

    /** j2mod's rule: retries are set after connect (before it they are a silent no-op). */
    static ModbusTCPMaster connect(ModbusTCPMaster master) throws Exception {
        master.connect();
        master.setRetries(1);
        return master;
    }

    /** j2mod's rule: after a ModbusIOException, reconnect before the next request (a late answer may be queued). */
    static void reconnect(ModbusTCPMaster master) throws Exception {
        master.disconnect();
        connect(master);
    }

    double read(String name) {
        synchronized (furnace) {
            return furnace.read(name);
        }
    }

    void write(String name, double value) {
        synchronized (furnace) {
            furnace.write(name, value);
        }
    }

    List<SignalSpec> modbusSignals() {
        return furnace.signals().stream().filter(s -> s.protocol() == Protocol.MODBUS).toList();
    }

    static ModbusAddress modbus(SignalSpec spec) {
        return spec.modbus().orElseThrow();
    }

    @Override
    public void close() {
        server.close();
    }
}
