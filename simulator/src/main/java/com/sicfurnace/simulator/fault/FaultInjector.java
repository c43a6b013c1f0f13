package com.sicfurnace.simulator.fault;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies fault commands to the model's {@link Faults} and to the protocol servers. Names and parameters:
 * <pre>
 *   pyrometer-break     target: top|bottom, active: bool (default true)
 *   pyrometer-drift     target: top|bottom, k_per_h: number
 *   thermocouple-break  active
 *   water-flow          circuit: coil|chamber|power_supply, fraction: 0..1
 *   chiller-fail        active
 *   supply-trip         zone: 1|2, active
 *   roughing-pump-trip  active
 *   turbo-pump-trip     active
 *   leak                mbar_l_per_s: number >= 0
 *   mfc-stuck           gas: argon|nitrogen, active
 *   outgassing-burst    mbar_l: number > 0
 *   lid-open, cabinet-door-open, emergency-stop   active
 *   opcua               action: stop|start|restart
 *   modbus-unit         unit: 1..247, mode: normal|silent|close|exception
 *   modbus-drop         (no parameters)
 * </pre>
 * A bad name or parameter is refused with a message that names it; nothing is applied then. So is a parameter
 * the fault does not take: a misspelt {@code activ: false} would otherwise inject the fault it meant to remove.
 */
public final class FaultInjector {
    /** Every fault's name with the parameters it takes. */
    private static final Map<String, Set<String>> PARAMETERS = Map.ofEntries(
            Map.entry("pyrometer-break", Set.of("target", "active")),
            Map.entry("pyrometer-drift", Set.of("target", "k_per_h")),
            Map.entry("thermocouple-break", Set.of("active")),
            Map.entry("water-flow", Set.of("circuit", "fraction")),
            Map.entry("chiller-fail", Set.of("active")),
            Map.entry("supply-trip", Set.of("zone", "active")),
            Map.entry("roughing-pump-trip", Set.of("active")),
            Map.entry("turbo-pump-trip", Set.of("active")),
            Map.entry("leak", Set.of("mbar_l_per_s")),
            Map.entry("mfc-stuck", Set.of("gas", "active")),
            Map.entry("outgassing-burst", Set.of("mbar_l")),
            Map.entry("lid-open", Set.of("active")),
            Map.entry("cabinet-door-open", Set.of("active")),
            Map.entry("emergency-stop", Set.of("active")),
            Map.entry("opcua", Set.of("action")),
            Map.entry("modbus-unit", Set.of("unit", "mode")),
            Map.entry("modbus-drop", Set.of()));
    public static final Set<String> NAMES = PARAMETERS.keySet();
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

    private final Faults faults;
    private final ProtocolFaults protocols;

    public FaultInjector(Faults faults, ProtocolFaults protocols) {
        this.faults = faults;
        this.protocols = protocols;
    }

    /**
     * Checks a command's name and parameters without touching a furnace: applies it to a spare set of faults and to
     * servers that are not there. Throws what {@link #apply} would throw.
     */
    public static void check(FaultCommand c) {
        new FaultInjector(new Faults(), NO_SERVERS).dispatch(c);
    }

    private static final ProtocolFaults NO_SERVERS = new ProtocolFaults() {
        @Override
        public void opcua(String action) {
            // nothing to stop: the action's name was checked before this call
        }

        @Override
        public void modbusUnit(int unitId, String mode) {
            // nothing to switch: unit and mode were checked before this call
        }

        @Override
        public void modbusDropConnections() {
            // nothing to drop
        }
    };

    public void apply(FaultCommand c) {
        dispatch(c);
        LOG.info("fault injected: {} {}", c.fault(), c.parameters());
    }

    private void dispatch(FaultCommand c) {
        requireKnownParameters(c);
        switch (c.fault()) {
            case "pyrometer-break" -> faults.breakPyrometer(pyrometer(c), c.flag("active"));
            case "pyrometer-drift" -> faults.driftPyrometer(pyrometer(c), c.number("k_per_h"));
            case "thermocouple-break" -> faults.breakThermocouple(c.flag("active"));
            case "water-flow" -> faults.setWaterFlow(circuit(c), fraction(c));
            case "chiller-fail" -> faults.failChiller(c.flag("active"));
            case "supply-trip" -> faults.setSupplyFault(zone(c), c.flag("active"));
            case "roughing-pump-trip" -> faults.tripRoughingPump(c.flag("active"));
            case "turbo-pump-trip" -> faults.tripTurboPump(c.flag("active"));
            case "leak" -> faults.setExtraLeak(nonNegative(c, "mbar_l_per_s"));
            case "mfc-stuck" -> faults.stickMfc(gas(c), c.flag("active"));
            case "outgassing-burst" -> faults.outgassingBurst(positive(c, "mbar_l"));
            case "lid-open" -> faults.openLid(c.flag("active"));
            case "cabinet-door-open" -> faults.openCabinetDoor(c.flag("active"));
            case "emergency-stop" -> faults.pressEmergencyStop(c.flag("active"));
            case "opcua" -> protocols.opcua(oneOf(c, "action", Set.of("stop", "start", "restart")));
            case "modbus-unit" -> protocols.modbusUnit(unit(c), oneOf(c, "mode",
                    Set.of("normal", "silent", "close", "exception")));
            case "modbus-drop" -> protocols.modbusDropConnections();
            default -> throw new IllegalArgumentException("unknown fault '" + c.fault() + "'; known: "
                    + new TreeSet<>(NAMES));
        }
    }

    private static void requireKnownParameters(FaultCommand c) {
        Set<String> known = PARAMETERS.get(c.fault());
        if (known == null) {
            throw new IllegalArgumentException("unknown fault '" + c.fault() + "'; known: " + new TreeSet<>(NAMES));
        }
        for (String name : new TreeSet<>(c.parameters().keySet())) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("fault '" + c.fault() + "': unknown parameter '" + name + "'; it "
                        + (known.isEmpty() ? "takes none" : "takes " + new TreeSet<>(known)));
            }
        }
    }

    private static double fraction(FaultCommand c) {
        double fraction = c.number("fraction");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fault 'water-flow': fraction must lie in 0..1, not " + fraction);
        }
        return fraction;
    }

    private static double nonNegative(FaultCommand c, String name) {
        double value = c.number(name);
        if (!(value >= 0)) {
            throw new IllegalArgumentException("fault '" + c.fault() + "': " + name + " must not be negative, not "
                    + value);
        }
        return value;
    }

    private static Faults.Pyrometer pyrometer(FaultCommand c) {
        return Faults.Pyrometer.valueOf(oneOf(c, "target", Set.of("top", "bottom")).toUpperCase(Locale.ROOT));
    }

    private static Faults.Circuit circuit(FaultCommand c) {
        return Faults.Circuit.valueOf(oneOf(c, "circuit", Set.of("coil", "chamber", "power_supply"))
                .toUpperCase(Locale.ROOT));
    }

    private static Faults.Gas gas(FaultCommand c) {
        return Faults.Gas.valueOf(oneOf(c, "gas", Set.of("argon", "nitrogen")).toUpperCase(Locale.ROOT));
    }

    private static int zone(FaultCommand c) {
        double zone = c.number("zone");
        if (zone != 1 && zone != 2) {
            throw new IllegalArgumentException("fault 'supply-trip': zone must be 1 or 2, not " + zone);
        }
        return (int) zone;
    }

    private static int unit(FaultCommand c) {
        double unit = c.number("unit");
        if (unit != Math.rint(unit) || unit < 1 || unit > 247) {
            throw new IllegalArgumentException("fault 'modbus-unit': unit must be a whole number 1..247, not " + unit);
        }
        return (int) unit;
    }

    private static double positive(FaultCommand c, String name) {
        double value = c.number(name);
        if (!(value > 0)) {
            throw new IllegalArgumentException("fault '" + c.fault() + "': " + name + " must be positive, not "
                    + value);
        }
        return value;
    }

    private static String oneOf(FaultCommand c, String name, Set<String> allowed) {
        String value = c.text(name);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("fault '" + c.fault() + "': " + name + " must be one of "
                    + new TreeSet<>(allowed) + ", not '" + value + "'");
        }
        return value;
    }
}
