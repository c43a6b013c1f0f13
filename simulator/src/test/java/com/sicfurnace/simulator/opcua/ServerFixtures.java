package com.sicfurnace.simulator.opcua;

import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/** Furnaces, servers and I/O-list look-ups shared by the PLC server tests. */
final class ServerFixtures {
    private ServerFixtures() {
    }

    static SimulatedFurnace furnace(String variant) {
        return new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1);
    }

    static PlcServer start(PlcServerConfig config, SimulatedFurnace furnace) throws PlcServerException {
        PlcServer server = new PlcServer(config, furnace);
        server.start();
        return server;
    }

    /** The OPC UA signals of a variant, read from the I/O list itself rather than from the furnace. */
    static List<SignalSpec> opcUaSignals(String variant) {
        return IoList.fromClasspath().forFurnace(variant).filter(s -> s.protocol() == Protocol.OPCUA).signals();
    }

    static NodeId nodeId(SignalSpec spec) {
        return NodeId.parse(spec.nodeId().orElseThrow());
    }

    static NodeId nodeId(String signal) {
        return nodeId(IoList.fromClasspath().get(signal));
    }

    static double read(SimulatedFurnace furnace, String signal) {
        synchronized (furnace) {
            return furnace.read(signal);
        }
    }

    /** A furnace value as the PLC puts it on the wire: the OPC UA type the I/O list gives the signal. */
    static Object wireValue(SignalSpec spec, double furnaceValue) {
        return switch (spec.dataType()) {
            case DOUBLE -> furnaceValue;
            case BOOLEAN -> furnaceValue != 0.0;
            case UINT32 -> UInteger.valueOf(Math.round(furnaceValue));
            default -> throw new AssertionError(spec.name() + " is not an OPC UA signal");
        };
    }

    static Object decode(OpcUaClient client, Variant value) {
        return value.value() instanceof ExtensionObject xo
                ? xo.decode(client.getStaticEncodingContext()) : value.value();
    }
}
