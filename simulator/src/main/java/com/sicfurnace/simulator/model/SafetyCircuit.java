package com.sicfurnace.simulator.model;

/**
 * The PLC's hardwired part: the heater contactor closes only with the controller's enable, lid and cabinet door
 * closed and no emergency stop. The PLC's heartbeat counts PLC cycles.
 */
final class SafetyCircuit {
    private static final double PLC_CYCLE_S = 0.05;
    private static final int COUNTER_MODULUS = 65536;
    private boolean heaterEnable;
    private boolean contactorClosed;
    private boolean lidClosed = true;
    private boolean doorClosed = true;
    private boolean emergencyStop;
    private double cycleTimeS;
    private int heartbeat;

    void command(boolean heaterEnable) {
        this.heaterEnable = heaterEnable;
    }

    void step(double dtS, boolean lidOpen, boolean doorOpen, boolean emergencyStopPressed) {
        lidClosed = !lidOpen;
        doorClosed = !doorOpen;
        emergencyStop = emergencyStopPressed;
        contactorClosed = heaterEnable && lidClosed && doorClosed && !emergencyStop;
        cycleTimeS += dtS;
        while (cycleTimeS >= PLC_CYCLE_S) {
            cycleTimeS -= PLC_CYCLE_S;
            heartbeat = (heartbeat + 1) % COUNTER_MODULUS;
        }
    }

    boolean contactorClosed() {
        return contactorClosed;
    }

    boolean lidClosed() {
        return lidClosed;
    }

    boolean doorClosed() {
        return doorClosed;
    }

    boolean emergencyStop() {
        return emergencyStop;
    }

    int heartbeat() {
        return heartbeat;
    }
}
