package com.sicfurnace.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The PLC protects the crystal when the controller dies: hold the heater power, then ramp it down. */
class PlcWatchdogTest {
    private final ModelRig rig = new ModelRig("6inch", 1).argon(500, 41).power(15);
    private final FurnaceModel m = rig.model;
    private int counter;

    private void runWithHeartbeat(double seconds) {
        for (int i = 0; i < Math.round(seconds / 0.1); i++) {
            m.setControllerHeartbeat(++counter % 65536);
            m.step();
        }
    }

    @Test
    void lostHeartbeatHoldsThePowerThenRampsItDownAndAResetNeedsALiveController() {
        runWithHeartbeat(600);
        assertFalse(m.watchdogTripped());
        assertEquals(15.0, m.supply(1).powerKw(), 0.01);

        m.advance(1.5); // the controller stops
        assertTrue(m.watchdogTripped());
        m.setSupply(1, 30.0, true, false); // a setpoint that would raise the power is not followed
        m.advance(50);
        assertEquals(15.0, m.supply(1).powerKw(), 0.01, "held during the grace period");
        assertEquals(100.0, m.heaterPowerLimitPct(), 1e-9);

        m.advance(10 + 900); // hold ends at 60 s, then half of the 1800 s ramp
        assertEquals(50.0, m.heaterPowerLimitPct(), 0.5);
        assertEquals(7.5, m.supply(1).powerKw(), 0.1);
        m.advance(1000);
        assertEquals(0.0, m.supply(1).powerKw(), 1e-9, "ramped to zero");

        m.setWatchdogReset(true); // no heartbeat yet: refused
        m.step();
        assertTrue(m.watchdogTripped());
        m.setWatchdogReset(false);
        runWithHeartbeat(1);
        m.setWatchdogReset(true);
        runWithHeartbeat(1);
        assertFalse(m.watchdogTripped(), "reset accepted with the controller alive");
        runWithHeartbeat(60);
        assertEquals(30.0, m.supply(1).powerKw(), 0.1, "the supplies follow the controller again");
    }

    @Test
    void aControllerThatNeverStartedDoesNotTripTheWatchdog() {
        m.advance(60);
        assertFalse(m.watchdogTripped());
        assertEquals(15.0, m.supply(1).powerKw(), 0.01);
    }
}
