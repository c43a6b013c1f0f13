package com.sicfurnace.simulator.opcua;

import static com.sicfurnace.simulator.opcua.ServerFixtures.decode;
import static com.sicfurnace.simulator.opcua.ServerFixtures.nodeId;
import static com.sicfurnace.simulator.opcua.ServerFixtures.opcUaSignals;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.fault.Faults;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoStackTracesLogged.class)
class PlcServerReadTest {
    @TempDir
    Path pki;

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void browsingFromObjectsFindsEveryOpcUaSignalAtItsFolderPath(String variant) throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace(variant);
        try (PlcServer server = start(furnace); Session session = new Session(server)) {
            Map<NodeId, String> browsed = session.variablesUnder(NodeIds.ObjectsFolder, "");
            Map<NodeId, String> expected = opcUaSignals(variant).stream().collect(Collectors.toMap(
                    ServerFixtures::nodeId, s -> (String) nodeId(s).getIdentifier()));
            assertEquals(expected, browsed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everySignalReadsTheFurnacesValueWithItsListedType(String variant) throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace(variant);
        furnace.advance(2.0); // counters and readings move off their initial values
        List<SignalSpec> signals = opcUaSignals(variant);
        try (PlcServer server = start(furnace); Session session = new Session(server)) {
            List<DataValue> values = session.client.readValues(0.0, TimestampsToReturn.Both,
                    signals.stream().map(ServerFixtures::nodeId).toList());
            for (int i = 0; i < signals.size(); i++) {
                SignalSpec spec = signals.get(i);
                assertTrue(values.get(i).statusCode().isGood(), spec.name() + ": " + values.get(i).statusCode());
                assertEquals(ServerFixtures.wireValue(spec, ServerFixtures.read(furnace, spec.name())),
                        values.get(i).value().value(), spec.name());
            }
            UInteger heartbeat = (UInteger) session.readValue("plc_heartbeat");
            assertTrue(heartbeat.longValue() > 0, "the PLC counted cycles: " + heartbeat);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void nodesCarryDataTypeAccessAndDescriptionFromTheList(String variant) throws Exception {
        List<SignalSpec> signals = opcUaSignals(variant);
        try (PlcServer server = start(ServerFixtures.furnace(variant)); Session session = new Session(server)) {
            for (SignalSpec spec : signals) {
                List<DataValue> attributes = session.attributes(nodeId(spec), AttributeId.DataType,
                        AttributeId.AccessLevel, AttributeId.UserAccessLevel, AttributeId.Description);
                assertEquals(expectedDataType(spec), attributes.get(0).value().value(), spec.name());
                UByte access = AccessLevel.toValue(spec.direction() == Direction.OUT
                        ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY);
                assertEquals(access, attributes.get(1).value().value(), spec.name());
                assertEquals(access, attributes.get(2).value().value(), spec.name());
                assertEquals(LocalizedText.english(spec.description()), attributes.get(3).value().value());
            }
        }
    }

    @Test
    void analogSignalsCarryEuRangeAndEngineeringUnitsAndOthersDoNot() throws Exception {
        List<SignalSpec> signals = opcUaSignals("6inch");
        try (PlcServer server = start(ServerFixtures.furnace("6inch")); Session session = new Session(server)) {
            Map<String, Object> pyrometer = session.properties(nodeId("pyro_top_c"));
            assertEquals(new Range(1000.0, 3000.0), pyrometer.get("EURange"));
            EUInformation celsius = (EUInformation) pyrometer.get("EngineeringUnits");
            assertEquals("http://www.opcfoundation.org/UA/units/un/cefact", celsius.getNamespaceUri());
            assertEquals(4408652, celsius.getUnitId(), "UNECE CEL");
            assertEquals("°C", celsius.getDisplayName().text());
            assertEquals("degree Celsius", celsius.getDescription().text());

            for (SignalSpec spec : signals) {
                Map<String, Object> properties = session.properties(nodeId(spec));
                if (spec.dataType() == DataType.DOUBLE) {
                    assertEquals(new Range(spec.minimum(), spec.maximum()), properties.get("EURange"), spec.name());
                    EUInformation unit = (EUInformation) properties.get("EngineeringUnits");
                    assertEquals(spec.unit(), unit.getDisplayName().text(), spec.name());
                    assertTrue(unit.getUnitId() > 0, spec.name() + " has a UNECE code");
                } else {
                    assertFalse(properties.containsKey("EURange"), spec.name());
                    assertFalse(properties.containsKey("EngineeringUnits"), spec.name());
                }
            }
        }
    }

    @Test
    void aBrokenPyrometerReadsBadSensorFailureAndRecovers() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        try (PlcServer server = start(furnace); Session session = new Session(server)) {
            assertTrue(session.read("pyro_top_c").statusCode().isGood());
            synchronized (furnace) {
                furnace.faults().breakPyrometer(Faults.Pyrometer.TOP, true);
                furnace.advance(0.1);
            }
            DataValue broken = session.read("pyro_top_c");
            assertEquals(StatusCodes.Bad_SensorFailure, broken.statusCode().value());
            assertTrue(broken.value().isNull());
            assertTrue(session.read("pyro_bottom_c").statusCode().isGood(), "only the top pyrometer failed");

            synchronized (furnace) {
                furnace.faults().breakPyrometer(Faults.Pyrometer.TOP, false);
                furnace.advance(0.1);
            }
            assertTrue(session.read("pyro_top_c").statusCode().isGood());
        }
    }

    private PlcServer start(SimulatedFurnace furnace) throws Exception {
        return ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki), furnace);
    }

    private static NodeId expectedDataType(SignalSpec spec) {
        return switch (spec.dataType()) {
            case DOUBLE -> NodeIds.Double;
            case BOOLEAN -> NodeIds.Boolean;
            case UINT32 -> NodeIds.UInt32;
            default -> throw new AssertionError(spec.name() + " is not an OPC UA signal");
        };
    }

    /** An anonymous session on the None endpoint with browse and read helpers. */
    private static final class Session implements AutoCloseable {
        final OpcUaClient client;

        Session(PlcServer server) throws UaException {
            this.client = TestClients.anonymous(server.endpointUrl());
        }

        DataValue read(String signal) throws UaException {
            return client.readValue(0.0, TimestampsToReturn.Both, nodeId(signal));
        }

        Object readValue(String signal) throws UaException {
            return read(signal).value().value();
        }

        List<DataValue> attributes(NodeId node, AttributeId... ids) throws UaException {
            List<ReadValueId> reads = new ArrayList<>();
            for (AttributeId id : ids) {
                reads.add(new ReadValueId(node, id.uid(), null, null));
            }
            return List.of(client.read(0.0, TimestampsToReturn.Neither, reads).getResults());
        }

        /** Variables in this server's namespace below {@code parent}, by node id, with their browse-name path. */
        Map<NodeId, String> variablesUnder(NodeId parent, String path) throws UaException {
            Map<NodeId, String> found = new HashMap<>();
            for (ReferenceDescription ref : browse(parent, NodeIds.HierarchicalReferences,
                    NodeClass.Object.getValue() | NodeClass.Variable.getValue())) {
                NodeId child = ref.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow();
                if (child.getNamespaceIndex().intValue() == 0) {
                    continue; // the standard Server object and friends
                }
                String name = ref.getBrowseName().name();
                String childPath = path.isEmpty() ? name : path + "/" + name;
                if (ref.getNodeClass() == NodeClass.Variable) {
                    found.put(child, childPath);
                } else {
                    found.putAll(variablesUnder(child, childPath));
                }
            }
            return found;
        }

        /** A variable's properties by browse name, values decoded. */
        Map<String, Object> properties(NodeId node) throws UaException {
            Map<String, Object> properties = new HashMap<>();
            for (ReferenceDescription ref : browse(node, NodeIds.HasProperty, NodeClass.Variable.getValue())) {
                NodeId property = ref.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow();
                DataValue value = client.readValue(0.0, TimestampsToReturn.Neither, property);
                properties.put(ref.getBrowseName().name(), decode(client, value.value()));
            }
            return properties;
        }

        private ReferenceDescription[] browse(NodeId node, NodeId referenceType, int nodeClassMask)
                throws UaException {
            var result = client.browse(new BrowseDescription(node, BrowseDirection.Forward, referenceType, true,
                    uint(nodeClassMask), uint(BrowseResultMask.All.getValue())));
            assertTrue(result.getStatusCode().isGood(), "browse " + node + ": " + result.getStatusCode());
            return result.getReferences() == null ? new ReferenceDescription[0] : result.getReferences();
        }

        @Override
        public void close() throws UaException {
            client.disconnect();
        }
    }
}
