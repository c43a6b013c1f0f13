package com.sicfurnace.simulator.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How to run the simulator: furnace variant, model seed and step, speed (furnace seconds per wall second), where
 * to listen (loopback by default) and who may log in to the PLC. Port 0 for the fault API means no fault API.
 * {@code watchdogHoldS}, where present, replaces the furnace profile's PLC hold after a watchdog trip (furnace
 * seconds): a plant sets its PLC's hold to cover a controller restart at its own speed.
 */
public record SimulatorOptions(String furnace, long seed, double stepS, double speed, String bindAddress,
                               int opcuaPort, int modbusPort, int faultPort, Path pkiDir, Map<String, String> users,
                               boolean allowAnonymous, Optional<Path> faultScript,
                               OptionalDouble watchdogHoldS) {
    public SimulatorOptions {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(bindAddress, "bind address");
        Objects.requireNonNull(pkiDir, "pki dir");
        users = Map.copyOf(users);
        Objects.requireNonNull(faultScript, "fault script");
        Objects.requireNonNull(watchdogHoldS, "watchdog hold");
        if (watchdogHoldS.isPresent() && !(watchdogHoldS.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("--watchdog-hold-s must be 0 or more furnace seconds, not "
                    + watchdogHoldS.getAsDouble());
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be positive, not " + speed);
        }
        for (int port : new int[] {opcuaPort, modbusPort}) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("protocol ports must be 1..65535, not " + port);
            }
        }
        if (!allowAnonymous && users.isEmpty()) {
            throw new IllegalArgumentException("anonymous login is off and no --user is given: nobody could log in");
        }
    }

    /** Loopback, 6-inch, real time, no users, anonymous allowed, no fault API: change what a test needs. */
    public static SimulatorOptions local(String furnace, int opcuaPort, int modbusPort, Path pkiDir) {
        return new SimulatorOptions(furnace, 1L, 0.1, 1.0, "127.0.0.1", opcuaPort, modbusPort, 0, pkiDir, Map.of(),
                true, Optional.empty(), OptionalDouble.empty());
    }

    public SimulatorOptions withSpeed(double newSpeed) {
        return new SimulatorOptions(furnace, seed, stepS, newSpeed, bindAddress, opcuaPort, modbusPort, faultPort,
                pkiDir, users, allowAnonymous, faultScript, watchdogHoldS);
    }

    public SimulatorOptions withFaultPort(int port) {
        return new SimulatorOptions(furnace, seed, stepS, speed, bindAddress, opcuaPort, modbusPort, port, pkiDir,
                users, allowAnonymous, faultScript, watchdogHoldS);
    }
}
