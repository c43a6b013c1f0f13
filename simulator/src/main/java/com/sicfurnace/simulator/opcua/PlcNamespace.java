package com.sicfurnace.simulator.opcua;

import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

/**
 * The PLC's address space: one variable per OPC UA signal of the furnace variant, at the node id the I/O list
 * gives (e.g. {@code ns=2;s=Furnace/Temperature/PyrometerTop}), in folders named by the id's path segments under
 * Objects. Analog (double) signals are AnalogItems with EURange and EngineeringUnits from the list. Inputs are
 * read-only, outputs read-write. Subscriptions are served by Milo's SubscriptionModel, which samples the same live
 * getter as a Read.
 */
public final class PlcNamespace extends ManagedNamespaceWithLifecycle {
    public static final String URI = "urn:sicfurnace:plc";

    private final SimulatedFurnace furnace;
    private final List<SignalSpec> signals;
    private final SubscriptionModel subscriptionModel;
    private final Map<String, UaFolderNode> folders = new HashMap<>();

    PlcNamespace(OpcUaServer server, SimulatedFurnace furnace) {
        super(server, URI);
        this.furnace = furnace;
        this.signals = opcUaSignals(furnace);
        signals.forEach(this::requireOwnStringId);
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private static List<SignalSpec> opcUaSignals(SimulatedFurnace furnace) {
        synchronized (furnace) {
            return furnace.signals().stream().filter(s -> s.protocol() == Protocol.OPCUA).toList();
        }
    }

    // The I/O list is the contract: a node id that this namespace cannot serve is a configuration error.
    private void requireOwnStringId(SignalSpec spec) {
        NodeId id = NodeId.parse(spec.nodeId().orElseThrow());
        if (!id.getNamespaceIndex().equals(getNamespaceIndex()) || !(id.getIdentifier() instanceof String)) {
            throw new IllegalStateException("signal '" + spec.name() + "' has node id " + spec.nodeId().get()
                    + ", but the PLC namespace " + URI + " has index " + getNamespaceIndex()
                    + " and serves string ids only");
        }
    }

    /** The signals served, in I/O-list order. */
    public List<SignalSpec> signals() {
        return signals;
    }

    private void createNodes() {
        for (SignalSpec spec : signals) {
            String path = (String) NodeId.parse(spec.nodeId().orElseThrow()).getIdentifier();
            addVariable(spec, path);
        }
    }

    private UaFolderNode folder(String path) {
        UaFolderNode existing = folders.get(path);
        if (existing != null) {
            return existing;
        }
        String name = lastSegment(path);
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(), false));
        } else {
            folder(path.substring(0, slash)).addOrganizes(folder);
        }
        folders.put(path, folder);
        return folder;
    }

    private void addVariable(SignalSpec spec, String path) {
        String name = lastSegment(path);
        boolean analog = spec.dataType() == DataType.DOUBLE;
        Set<AccessLevel> access = spec.direction() == Direction.OUT ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDescription(LocalizedText.english(spec.description()))
                .setDataType(WireValues.dataType(spec))
                .setTypeDefinition(analog ? NodeIds.AnalogItemType : NodeIds.BaseDataVariableType)
                .setAccessLevel(access)
                .setUserAccessLevel(access)
                .setMinimumSamplingInterval(0.0)
                .build();
        node.getFilterChain().addLast(new LiveSignalFilter(furnace, spec));
        getNodeManager().addNode(node);
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            folder(path.substring(0, slash)).addOrganizes(node);
        } else {
            node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                    false));
        }
        if (analog) {
            node.setProperty(AnalogItemType.EU_RANGE, new Range(spec.minimum(), spec.maximum()));
            node.setProperty(AnalogItemType.ENGINEERING_UNITS, EngineeringUnits.of(spec.unit()));
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ManagedNamespace leaves monitored-item handling to the namespace; the SubscriptionModel samples the nodes.
    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
