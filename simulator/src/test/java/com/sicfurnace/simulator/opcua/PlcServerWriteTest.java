package com.sicfurnace.simulator.opcua;

import static com.sicfurnace.simulator.opcua.ServerFixtures.nodeId;
import static com.sicfurnace.simulator.opcua.ServerFixtures.read;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoStackTracesLogged.class)
class PlcServerWriteTest {
    @TempDir
    Path pki;

    private SimulatedFurnace furnace;
    private PlcServer server;
    private OpcUaClient client;

    @AfterEach
    void stop() throws Exception {
        try {
            if (client != null) {
                client.disconnect();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everyOutputWrittenOverOpcUaArrivesInTheFurnace(String variant) throws Exception {
        start(variant);
        List<SignalSpec> outputs = ServerFixtures.opcUaSignals(variant).stream()
                .filter(s -> s.direction() == Direction.OUT).toList();
        List<StatusCode> results = client.writeValues(outputs.stream().map(ServerFixtures::nodeId).toList(),
                outputs.stream().map(s -> DataValue.valueOnly(wireValue(s))).toList());
        for (int i = 0; i < outputs.size(); i++) {
            SignalSpec spec = outputs.get(i);
            assertTrue(results.get(i).isGood(), spec.name() + ": " + results.get(i));
            assertEquals(furnaceValue(spec), read(furnace, spec.name()), spec.name());
            assertEquals(wireValue(spec).value(), readOverOpcUa(spec.name()).value().value(), spec.name());
        }
    }

    @Test
    void anOutOfRangeValueIsRefusedAndChangesNothing() throws Exception {
        start("6inch");
        assertEquals(StatusCode.GOOD, write("throttle_valve_sp_pct", Variant.ofDouble(30.0)));
        assertEquals(StatusCodes.Bad_OutOfRange, write("throttle_valve_sp_pct", Variant.ofDouble(150.0)).value());
        assertEquals(StatusCodes.Bad_OutOfRange, write("throttle_valve_sp_pct", Variant.ofDouble(Double.NaN)).value());
        assertEquals(30.0, read(furnace, "throttle_valve_sp_pct"));

        assertEquals(StatusCode.GOOD, write("controller_heartbeat", Variant.ofUInt32(uint(7))));
        assertEquals(StatusCodes.Bad_OutOfRange, write("controller_heartbeat", Variant.ofUInt32(uint(70_000))).value());
        assertEquals(7.0, read(furnace, "controller_heartbeat"));
    }

    @Test
    void writingAnInputIsDenied() throws Exception {
        start("6inch");
        double before = read(furnace, "pyro_top_c");
        assertEquals(StatusCodes.Bad_UserAccessDenied, write("pyro_top_c", Variant.ofDouble(2000.0)).value());
        assertEquals(StatusCodes.Bad_UserAccessDenied, write("lid_closed", Variant.ofBoolean(false)).value());
        assertEquals(before, read(furnace, "pyro_top_c"));
        assertEquals(1.0, read(furnace, "lid_closed"));
    }

    @Test
    void aValueOfTheWrongTypeIsATypeMismatch() throws Exception {
        start("6inch");
        assertEquals(StatusCodes.Bad_TypeMismatch, write("throttle_valve_sp_pct", Variant.ofFloat(40f)).value());
        assertEquals(StatusCodes.Bad_TypeMismatch,
                write("throttle_valve_sp_pct", Variant.ofDoubleArray(new double[] {40.0, 41.0})).value());
        assertEquals(StatusCodes.Bad_TypeMismatch, write("heater_enable", Variant.ofInt32(1)).value());
        assertEquals(StatusCodes.Bad_TypeMismatch, write("controller_heartbeat", Variant.ofDouble(5.0)).value());
        assertEquals(0.0, read(furnace, "throttle_valve_sp_pct"));
        assertEquals(0.0, read(furnace, "heater_enable"));
        assertEquals(0.0, read(furnace, "controller_heartbeat"));
    }

    private void start(String variant) throws Exception {
        furnace = ServerFixtures.furnace(variant);
        server = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki), furnace);
        client = TestClients.anonymous(server.endpointUrl());
    }

    private StatusCode write(String signal, Variant value) throws Exception {
        return client.writeValues(List.of(nodeId(signal)), List.of(DataValue.valueOnly(value))).get(0);
    }

    private DataValue readOverOpcUa(String signal) throws Exception {
        return client.readValue(0.0, TimestampsToReturn.Both, nodeId(signal));
    }

    /** A value inside the range and away from the outputs' initial zero, so that arrival is visible. */
    private static double furnaceValue(SignalSpec spec) {
        return switch (spec.dataType()) {
            case DOUBLE -> spec.minimum() + 0.75 * (spec.maximum() - spec.minimum());
            case BOOLEAN -> 1.0;
            case UINT32 -> 1234.0;
            default -> throw new AssertionError(spec.name() + " is not an OPC UA signal");
        };
    }

    private static Variant wireValue(SignalSpec spec) {
        return switch (spec.dataType()) {
            case DOUBLE -> Variant.ofDouble(furnaceValue(spec));
            case BOOLEAN -> Variant.ofBoolean(true);
            case UINT32 -> Variant.ofUInt32(UInteger.valueOf((long) furnaceValue(spec)));
            default -> throw new AssertionError(spec.name() + " is not an OPC UA signal");
        };
    }
}
