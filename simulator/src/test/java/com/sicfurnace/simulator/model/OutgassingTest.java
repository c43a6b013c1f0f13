package com.sicfurnace.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The outgassing of the 6-inch chamber as a leak check meets it: falling with time under vacuum, emptied by a degas
 * bake, and levelling off in the closed chamber, where a leak keeps rising.
 */
class OutgassingTest {
    private static final double KELVIN = 273.15;
    private static final double VOLUME_L = FurnaceConfigs.shipped("6inch").vacuum().volumeL();

    /** Pumped down from atmosphere for {@code hours} the way the vacuum sequence does it. */
    private static FurnaceModel pumpedDown(double hours) {
        FurnaceModel m = new ModelRig("6inch", 1).model;
        m.setRoughingPump(true);
        m.setRoughingValve(true);
        m.setThrottleSetpointPct(100);
        m.setTurboPump(true);
        for (int s = 0; s < hours * 3600; s++) {
            if (m.pressureMbar() < 0.3 && m.turboPumpAtSpeed()) {
                m.setGateValve(true);
            }
            if (m.gateValveOpen()) {
                m.setRoughingValve(false);
            }
            m.advance(1.0);
        }
        return m;
    }

    @Test
    void outgassingFallsWithTimeUnderVacuum() {
        FurnaceModel m = pumpedDown(1.0);
        double oneHour = m.outgassingMbarLPerS();
        m.advance(3600);
        double twoHours = m.outgassingMbarLPerS();
        m.advance(3600);
        double threeHours = m.outgassingMbarLPerS();
        // measured: 2.1e-2, 1.4e-2, 1.0e-2 mbar·L/s; the adsorbed water is pumped away with a time constant of hours
        assertTrue(oneHour > 1e-2 && oneHour < 4e-2, "after 1 h: " + oneHour);
        assertTrue(twoHours < 0.8 * oneHour, "after 2 h: " + twoHours + " against " + oneHour);
        assertTrue(threeHours < 0.8 * twoHours, "after 3 h: " + threeHours + " against " + twoHours);
        assertEquals(m.outgassingMbarLPerS() / (m.pressureMbar() - 2e-7 / 477), 477, 10,
                "the turbo path (477 L/s) carries it: the base pressure is outgassing over pumping speed");
    }

    /**
     * The adsorbed water desorbs faster the warmer the felt: two hours with the felt at 200 °C leave less than a
     * thousandth of what two hours at room temperature leave, so a cold chamber outgasses far less after a bake.
     */
    @Test
    void aWarmFeltGivesUpItsWaterFasterThanAColdOne() {
        FurnaceConfig.Outgassing config = FurnaceConfigs.shipped("6inch").vacuum().outgassing();
        Outgassing cold = new Outgassing(config);
        Outgassing baked = new Outgassing(config);
        Noise noise = new Noise(1);
        double roomK = config.surfaceReferenceC() + KELVIN;
        for (int i = 0; i < 2 * 36_000; i++) {
            cold.step(0.1, 1e-5, roomK, roomK, 0.0, noise);
            baked.step(0.1, 1e-5, roomK, 200 + KELVIN, 0.0, noise);
        }
        assertEquals(config.surfaceInventoryMbarL() * Math.exp(-config.surfaceRatePerS() * 7200),
                cold.surfaceMbarL(), config.surfaceInventoryMbarL() * 1e-3, "cold: the pool decays at its rate");
        assertTrue(baked.surfaceMbarL() < cold.surfaceMbarL() * 1e-3,
                "baked " + baked.surfaceMbarL() + " mbar·L left against " + cold.surfaceMbarL());
        cold.step(0.1, 1e-5, roomK, roomK, 0.0, noise);
        baked.step(0.1, 1e-5, roomK, roomK, 0.0, noise);
        assertTrue(baked.vapourMbarLPerS() < cold.vapourMbarLPerS() * 1e-3, "cold again, the baked felt outgasses "
                + baked.vapourMbarLPerS() + " against " + cold.vapourMbarLPerS());
    }

    /** The same, in the whole model: a furnace heated at 3 kW under vacuum for an hour has dried its felt. */
    @Test
    void aDegasBakeEmptiesTheAdsorbedWater() {
        FurnaceModel cold = pumpedDown(1.0);
        FurnaceModel baked = pumpedDown(1.0);
        baked.setHeaterEnable(true);
        baked.setSupply(1, 3.0, true, false);
        cold.advance(3600);
        baked.advance(3600);
        // measured: 146 mbar·L left cold, 0.27 mbar·L after the bake (felt at 124 °C, crucible at 600 °C)
        assertTrue(cold.adsorbedMbarL() > 100, "cold: " + cold.adsorbedMbarL());
        assertTrue(baked.adsorbedMbarL() < cold.adsorbedMbarL() * 0.01, "baked: " + baked.adsorbedMbarL());
    }

    /**
     * Isolated after an hour's pump-down, the chamber's pressure rises while the vapour approaches its equilibrium
     * with the surfaces and then stands: the second half-hour rises by less than a tenth of the first. An air leak of
     * 2·10⁻³ mbar·L/s keeps rising at its own rate.
     */
    @Test
    void inTheClosedChamberOutgassingLevelsOffWhileALeakKeepsRising() {
        double[] tight = riseRatesMbarLPerS(0.0);
        double leak = 2e-3;
        double[] leaky = riseRatesMbarLPerS(leak);
        // measured: 1.2e-3 then -3.6e-5 mbar·L/s (the felt still cools towards the chilled water, and its vapour
        // pressure with it); with the leak 3.2e-3 then 2.0e-3
        assertTrue(tight[0] > 5e-4, "the first half-hour sees the outgassing: " + tight[0]);
        assertTrue(Math.abs(tight[1]) < tight[0] / 10, "then it stands: " + tight[1] + " after " + tight[0]);
        assertEquals(leak, leaky[1], leak * 0.05, "the leak keeps rising: " + leaky[1]);
    }

    /** Rise rates (Δp · V / Δt) of the isolated chamber over two half-hours after a 5-minute settle. */
    private static double[] riseRatesMbarLPerS(double leak) {
        FurnaceModel m = pumpedDown(1.0);
        m.faults().setExtraLeak(leak);
        m.setGateValve(false);
        m.setRoughingValve(false);
        m.advance(300);
        double p0 = m.pressureMbar();
        m.advance(1800);
        double p1 = m.pressureMbar();
        m.advance(1800);
        double p2 = m.pressureMbar();
        return new double[] {(p1 - p0) * VOLUME_L / 1800, (p2 - p1) * VOLUME_L / 1800};
    }
}
