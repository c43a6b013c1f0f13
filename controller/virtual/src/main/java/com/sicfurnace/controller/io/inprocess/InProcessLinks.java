package com.sicfurnace.controller.io.inprocess;

import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.fault.ProtocolFaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field links of a furnace bound in process, as the protocol faults of a fault script leave them. In virtual
 * time there is no socket to break, so a communication fault shows the way the network adapters show it: a device
 * that does not answer gives stale inputs and takes no outputs (so the PLC's watchdog, which counts the controller's
 * heartbeat writes, sees the heartbeat stop, as it does when the real OPC UA server restarts); a Modbus device that
 * answers with exceptions gives BAD inputs and takes no outputs.
 *
 * <p>Stopping the OPC UA server takes every OPC UA device (the {@code plc}) out of reach until it starts again; a
 * restart does so for {@link #OPCUA_RESTART_OUTAGE_S}. A Modbus unit's mode applies to the devices behind that unit
 * id until it is set back to {@code normal}; dropping every Modbus connection takes the Modbus devices out of reach
 * for {@link #MODBUS_RECONNECT_S}.
 */
public final class InProcessLinks implements ProtocolFaults {
    /**
     * Furnace time an OPC UA restart keeps the PLC out of reach: server down and up again, client reconnected and
     * subscribed. Over loopback the live controller resumed 1.8 s after the PLC server came back
     * ({@code FieldProtocolsEndToEndTest}); a restart adds the server's own stop and start.
     */
    public static final double OPCUA_RESTART_OUTAGE_S = 2.0;
    /** The Modbus adapter reconnects after its shortest back-off (100 ms) and polls again: about two scans. */
    public static final double MODBUS_RECONNECT_S = 0.2;
    private static final Logger LOG = LoggerFactory.getLogger(InProcessLinks.class);

    /** How a device answers. */
    public enum Link { ANSWERS, SILENT, EXCEPTION }

    private final List<String> devices;
    private final int[] opcuaDevices;
    private final int[] modbusDevices;
    private final Map<Integer, int[]> devicesByUnit;
    private final Link[] modes;
    private final double[] outOfReachUntilS;
    private double nowS;

    /** @param signals the furnace's signals (its I/O list) */
    public InProcessLinks(List<SignalSpec> signals) {
        this.devices = List.copyOf(new TreeSet<>(signals.stream().map(SignalSpec::device).toList()));
        Set<Integer> opcua = new TreeSet<>();
        Set<Integer> modbus = new TreeSet<>();
        Map<Integer, Set<Integer>> byUnit = new TreeMap<>();
        for (SignalSpec s : signals) {
            int device = device(s.device());
            if (s.protocol() == Protocol.OPCUA) {
                opcua.add(device);
            }
            s.modbus().ifPresent(address -> {
                modbus.add(device);
                byUnit.computeIfAbsent(address.unitId(), u -> new TreeSet<>()).add(device);
            });
        }
        this.opcuaDevices = opcua.stream().mapToInt(Integer::intValue).toArray();
        this.modbusDevices = modbus.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, int[]> units = new TreeMap<>();
        byUnit.forEach((unit, ds) -> units.put(unit, ds.stream().mapToInt(Integer::intValue).toArray()));
        this.devicesByUnit = Map.copyOf(units);
        this.modes = new Link[devices.size()];
        Arrays.fill(modes, Link.ANSWERS);
        this.outOfReachUntilS = new double[devices.size()];
    }

    /** The index of a device of this furnace, for {@link #link(int)}. */
    public int device(String name) {
        int i = devices.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no device '" + name + "' in this furnace; its devices are " + devices);
        }
        return i;
    }

    /** Moves the links' clock: a timed outage (a restart, a reconnect) ends when its time has passed. */
    public void advanceTo(double furnaceS) {
        nowS = furnaceS;
    }

    /** How the device answers now. */
    public Link link(int device) {
        if (modes[device] != Link.ANSWERS) {
            return modes[device];
        }
        return nowS < outOfReachUntilS[device] ? Link.SILENT : Link.ANSWERS;
    }

    @Override
    public void opcua(String action) {
        switch (action) {
            case "stop" -> set(opcuaDevices, Link.SILENT, "OPC UA server stopped");
            case "start" -> set(opcuaDevices, Link.ANSWERS, "OPC UA server started");
            case "restart" -> {
                Arrays.stream(opcuaDevices).forEach(d -> modes[d] = Link.ANSWERS);
                outOfReach(opcuaDevices, OPCUA_RESTART_OUTAGE_S);
                LOG.info("OPC UA server restarted: {} out of reach for {} s", names(opcuaDevices),
                        OPCUA_RESTART_OUTAGE_S);
            }
            default -> throw new IllegalArgumentException("opcua action must be stop, start or restart, not '"
                    + action + "'");
        }
    }

    @Override
    public void modbusUnit(int unitId, String mode) {
        set(unit(unitId), switch (mode) {
            case "normal" -> Link.ANSWERS;
            // a unit that closes every connection is as unreachable as a silent one
            case "silent", "close" -> Link.SILENT;
            case "exception" -> Link.EXCEPTION;
            default -> throw new IllegalArgumentException("Modbus unit mode must be one of [normal, silent, close, "
                    + "exception], not '" + mode + "'");
        }, "Modbus unit " + unitId + " " + mode);
    }

    @Override
    public void modbusDropConnections() {
        outOfReach(modbusDevices, MODBUS_RECONNECT_S);
        LOG.info("every Modbus connection dropped: {} out of reach for {} s", names(modbusDevices),
                MODBUS_RECONNECT_S);
    }

    /** The devices behind a Modbus unit id; refused, as the simulator's Modbus server refuses it, if there are none. */
    public int[] unit(int unitId) {
        int[] ds = devicesByUnit.get(unitId);
        if (ds == null) {
            throw new IllegalArgumentException("the furnace has no Modbus unit " + unitId + "; its units are "
                    + new TreeSet<>(devicesByUnit.keySet()));
        }
        return ds;
    }

    private void set(int[] ds, Link link, String why) {
        for (int d : ds) {
            modes[d] = link;
        }
        LOG.info("{}: {} {}", why, names(ds), link == Link.ANSWERS ? "answer" : link.name().toLowerCase(Locale.ROOT));
    }

    private void outOfReach(int[] ds, double forS) {
        for (int d : ds) {
            outOfReachUntilS[d] = Math.max(outOfReachUntilS[d], nowS + forS);
        }
    }

    private List<String> names(int[] ds) {
        List<String> names = new ArrayList<>();
        for (int d : ds) {
            names.add(devices.get(d));
        }
        return names;
    }
}
