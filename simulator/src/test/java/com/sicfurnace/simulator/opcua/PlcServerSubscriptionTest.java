package com.sicfurnace.simulator.opcua;

import static com.sicfurnace.simulator.opcua.ServerFixtures.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.fault.Faults;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoStackTracesLogged.class)
class PlcServerSubscriptionTest {
    private static final long WALL_DEADLINE_MS = 20_000;

    @TempDir
    Path pki;

    @Test
    void aMonitoredPyrometerIsNotifiedWhenTheFurnaceHeatsUpAndWhenItFails() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        try (PlcServer server = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki),
                furnace)) {
            OpcUaClient client = TestClients.anonymous(server.endpointUrl());
            try {
                BlockingQueue<DataValue> notifications = subscribe(client, "pyro_top_c");
                DataValue initial = notifications.poll(5, TimeUnit.SECONDS);
                assertTrue(initial != null && initial.statusCode().isGood(), "initial notification: " + initial);
                double cold = (Double) initial.value().value();
                assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), cold);

                heat(client, furnace);
                DataValue hotter = awaitAbove(notifications, furnace, cold);
                assertTrue((Double) hotter.value().value() > cold, "notified of the rise: " + hotter);

                synchronized (furnace) {
                    furnace.faults().breakPyrometer(Faults.Pyrometer.TOP, true);
                    furnace.advance(0.1);
                }
                assertEquals(StatusCodes.Bad_SensorFailure, awaitBad(notifications).statusCode().value());
            } finally {
                client.disconnect();
            }
        }
    }

    private static BlockingQueue<DataValue> subscribe(OpcUaClient client, String signal) throws Exception {
        BlockingQueue<DataValue> notifications = new LinkedBlockingQueue<>();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId(signal));
        item.setSamplingInterval(100.0);
        item.setDataValueListener((monitored, value) -> notifications.add(value));
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
        return notifications;
    }

    /** The heater enable goes over OPC UA; the supply is a Modbus device, so its setpoint goes to the furnace. */
    private static void heat(OpcUaClient client, SimulatedFurnace furnace) throws Exception {
        var enable = client.writeValues(List.of(nodeId("heater_enable")),
                List.of(DataValue.valueOnly(Variant.ofBoolean(true))));
        assertTrue(enable.get(0).isGood(), "heater_enable: " + enable);
        synchronized (furnace) {
            furnace.write("ps1_power_sp_kw", 40.0);
            furnace.write("ps1_output_enable", 1.0);
        }
    }

    /** Steps the model a minute at a time, releasing the lock in between so that the server can sample. */
    private static DataValue awaitAbove(BlockingQueue<DataValue> notifications, SimulatedFurnace furnace,
                                        double cold) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WALL_DEADLINE_MS;
        double furnaceSeconds = 0;
        while (System.currentTimeMillis() < deadline) {
            synchronized (furnace) {
                furnace.advance(60.0);
            }
            furnaceSeconds += 60.0;
            DataValue value = notifications.poll(5, TimeUnit.MILLISECONDS);
            if (value != null && value.statusCode().isGood() && (Double) value.value().value() > cold) {
                return value;
            }
        }
        throw new AssertionError("no notification above " + cold + " °C within " + WALL_DEADLINE_MS
                + " ms (furnace time " + furnaceSeconds + " s)");
    }

    private static DataValue awaitBad(BlockingQueue<DataValue> notifications) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            DataValue value = notifications.poll(100, TimeUnit.MILLISECONDS);
            if (value != null && value.statusCode().isBad()) {
                return value;
            }
        }
        throw new AssertionError("no bad-status notification within 5 s");
    }
}
