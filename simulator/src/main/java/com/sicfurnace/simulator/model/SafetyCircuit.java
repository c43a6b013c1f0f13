package com.sicfurnace.simulator.model;

/**
 * The PLC's hardwired part: the heater contactor closes only with the controller's enable, lid and cabinet door
 * closed and no emergency stop. The PLC's heartbeat counts PLC cycles, and its watchdog supervises the
 * controller's: armed by the first change of the controller's counter, tripped when it stands still for the
 * timeout. A tripped watchdog limits the heater power (hold, then ramp to zero) until a reset finds the
 * controller's heartbeat running again.
 */
final class SafetyCircuit {
    private final FurnaceConfig.Plc config;
    private int controllerHeartbeat = -1;
    private boolean watchdogArmed;
    private double heartbeatStillS;
    private boolean watchdogTripped;
    private double trippedForS;
    private boolean lastReset;
    private boolean resetRequested;
    private static final double PLC_CYCLE_S = 0.05;
    private static final int COUNTER_MODULUS = 65536;
    private boolean heaterEnable;
    private boolean contactorClosed;
    private boolean lidClosed = true;
    private boolean doorClosed = true;
    private boolean emergencyStop;
    private double cycleTimeS;
    private int heartbeat;

    SafetyCircuit(FurnaceConfig.Plc config) {
        this.config = config;
    }

    void command(boolean heaterEnable) {
        this.heaterEnable = heaterEnable;
    }

    void controllerHeartbeat(int counter) {
        if (counter != controllerHeartbeat) {
            watchdogArmed |= controllerHeartbeat >= 0;
            heartbeatStillS = 0.0;
            controllerHeartbeat = counter;
        }
    }

    void watchdogReset(boolean reset) {
        if (reset && !lastReset) {
            resetRequested = true;
        }
        lastReset = reset;
    }

    void step(double dtS, boolean lidOpen, boolean doorOpen, boolean emergencyStopPressed) {
        lidClosed = !lidOpen;
        doorClosed = !doorOpen;
        emergencyStop = emergencyStopPressed;
        contactorClosed = heaterEnable && lidClosed && doorClosed && !emergencyStop;
        superviseController(dtS);
        cycleTimeS += dtS;
        while (cycleTimeS >= PLC_CYCLE_S) {
            cycleTimeS -= PLC_CYCLE_S;
            heartbeat = (heartbeat + 1) % COUNTER_MODULUS;
        }
    }

    private void superviseController(double dtS) {
        heartbeatStillS += dtS;
        boolean heartbeatRunning = heartbeatStillS < config.watchdogTimeoutS();
        if (resetRequested && heartbeatRunning) {
            watchdogTripped = false;
        }
        resetRequested = false;
        if (watchdogArmed && !heartbeatRunning && !watchdogTripped) {
            watchdogTripped = true;
            trippedForS = 0.0;
        }
        if (watchdogTripped) {
            trippedForS += dtS;
        }
    }

    /** Fraction of the power at the trip the supplies may still deliver: 1 while healthy or holding. */
    double powerLimitFraction() {
        if (!watchdogTripped || trippedForS <= config.watchdogHoldS()) {
            return 1.0;
        }
        return Math.max(0.0, 1.0 - (trippedForS - config.watchdogHoldS()) / config.watchdogRampDownS());
    }

    boolean watchdogTripped() {
        return watchdogTripped;
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
