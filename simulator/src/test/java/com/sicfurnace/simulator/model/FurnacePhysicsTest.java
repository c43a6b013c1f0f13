package com.sicfurnace.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.simulator.fault.Faults;
import org.junit.jupiter.api.Test;

/** The furnace model against the figures documented in docs/simulator-model.md. */
class FurnacePhysicsTest {

    /** Documented band: the 6-inch furnace holds a 2350 °C seed at 20 mbar with 15..25 kW. */
    @Test
    void steadyPowerAtGrowthLiesInTheDocumentedBand() {
        double seedAt15 = new ModelRig("6inch", 1).argon(500, 41).power(15).hours(30).seedC();
        double seedAt25 = new ModelRig("6inch", 1).argon(500, 41).power(25).hours(30).seedC();
        assertTrue(seedAt15 < 2350 && seedAt25 > 2350,
                "2350 °C lies between the seed temperatures at 15 kW (" + seedAt15 + ") and 25 kW (" + seedAt25 + ")");
    }

    /** Documented band: the 8-inch furnace holds a 2340 °C seed at 20 mbar with 25..45 kW. */
    @Test
    void eightInchSteadyPowerAtGrowthLiesInItsBand() {
        double seedAt25 = new ModelRig("8inch", 1).argon(800, 41).power(25).hours(30).seedC();
        double seedAt45 = new ModelRig("8inch", 1).argon(800, 41).power(45).hours(30).seedC();
        assertTrue(seedAt25 < 2340 && seedAt45 > 2340, seedAt25 + " .. " + seedAt45);
    }

    /** Documented: from atmosphere, roughing then turbo reach 5e-5 mbar within 90 minutes. */
    @Test
    void pumpDownReachesBaseVacuumInTheDocumentedTime() {
        FurnaceModel m = new ModelRig("6inch", 1).model;
        m.setRoughingPump(true);
        m.setRoughingValve(true);
        m.setThrottleSetpointPct(100);
        m.setTurboPump(true);
        double reachedS = Double.NaN;
        for (int s = 0; s < 90 * 60 && Double.isNaN(reachedS); s++) {
            if (m.pressureMbar() < 0.3 && m.turboPumpAtSpeed()) {
                m.setGateValve(true);
            }
            if (m.gateValveOpen()) {
                m.setRoughingValve(false);
            }
            m.advance(1.0);
            if (m.pressureMbar() < 5e-5) {
                reachedS = m.timeS();
            }
        }
        assertTrue(reachedS <= 90 * 60, "base vacuum reached after " + reachedS + " s");
        assertTrue(reachedS > 20 * 60, "outgassing makes it take a while: " + reachedS + " s");
        assertTrue(m.ionGaugeOn(), "the gauge controller switched the ion gauge on");
        assertEquals(m.pressureMbar(), m.ionGaugeMbar(), m.pressureMbar() * 0.2);
    }

    @Test
    void growthRateRisesWithTheGradientAndFallsWithPressure() {
        CrystalGrowth growth = new CrystalGrowth(FurnaceConfigs.shipped("6inch").growth(), 6.0);
        double source = 2520 + 273.15;
        double small = growth.rateMmPerH(source, 2400 + 273.15, 20);
        double large = growth.rateMmPerH(source, 2350 + 273.15, 20);
        double highPressure = growth.rateMmPerH(source, 2350 + 273.15, 40);
        assertTrue(large > small, "a larger source-seed difference grows faster: " + large + " > " + small);
        assertTrue(highPressure < large * 0.6, "argon slows transport: " + highPressure + " vs " + large);
        assertEquals(0.0, growth.rateMmPerH(2300 + 273.15, 2350 + 273.15, 20), 0.0, "no growth uphill");
    }

    @Test
    void growthDepletesTheSourceAndSlowsAsTheBouleLengthens() {
        CrystalGrowth growth = new CrystalGrowth(FurnaceConfigs.shipped("6inch").growth(), 6.0);
        double source = 2520 + 273.15;
        double seed = 2350 + 273.15;
        double first = growth.rateMmPerH(source, seed, 20);
        for (int i = 0; i < 100 * 36; i++) {
            growth.step(100.0, source, seed, 20);
        }
        assertTrue(growth.bouleLengthMm() > 20, "grew " + growth.bouleLengthMm() + " mm");
        double boule = growth.bouleLengthMm();
        double expectedUse = boule * Math.PI / 4 * 150 * 150 * 3.21e-6 / 0.6;
        assertEquals(6.0 - expectedUse, growth.sourceKg(), 1e-6, "mass balance of the source");
        assertTrue(growth.rateMmPerH(source, seed, 20) < first * 0.9, "slower at the end");
    }

    @Test
    void heatInEqualsHeatToTheWaterAtSteadyState() {
        ModelRig rig = new ModelRig("6inch", 3).argon(500, 41).power(18).hours(40);
        FurnaceModel m = rig.model;
        double toWaterKw = 0;
        for (Faults.Circuit c : Faults.Circuit.values()) {
            double massFlow = m.waterFlowLpm(c) / 60.0;
            toWaterKw += massFlow * 4.186 * (m.waterOutletC(c) - m.waterInletC(c));
        }
        double standbyKw = m.config().cooling().powerSupplyStandbyW() / 1000.0;
        double inverterLossKw = 18.0 * (1 / m.config().heating().inverterEfficiency() - 1);
        // everything the supply draws ends up in the cooling water; the chamber wall lags, so allow 2 %
        assertEquals(18.0 + inverterLossKw + standbyKw, toWaterKw, (18.0 + inverterLossKw) * 0.02);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedAnotherNoise() {
        double[] a = readings(11);
        double[] b = readings(11);
        double[] c = readings(12);
        assertEquals(a[0], b[0], 0.0);
        assertEquals(a[1], b[1], 0.0);
        assertTrue(a[0] != c[0] || a[1] != c[1], "different seeds differ");
        assertEquals(a[0], c[0], 2.0, "but only by noise");
    }

    private static double[] readings(long seed) {
        FurnaceModel m = new ModelRig("6inch", seed).argon(500, 41).power(18).hours(6).model;
        return new double[] {m.pyrometerTopC(), m.capacitanceManometerMbar()};
    }

    @Test
    void pyrometersReadTheirFloorBelowRangeAndReportFailureWhenBroken() {
        ModelRig rig = new ModelRig("6inch", 1);
        assertEquals(1000.0, rig.model.pyrometerTopC(), 0.0, "cold furnace: below range");
        rig.argon(500, 41).power(18).hours(10);
        assertTrue(rig.model.pyrometerTopC() > 2000);
        assertEquals(SensorStatus.OK, rig.model.pyrometerTopStatus());
        rig.model.faults().breakPyrometer(Faults.Pyrometer.TOP, true);
        rig.model.step();
        assertEquals(SensorStatus.FAILED, rig.model.pyrometerTopStatus());
    }

    @Test
    void pyrometerNoiseMatchesItsSpecification() {
        ModelRig rig = new ModelRig("6inch", 5).argon(500, 41).power(18).hours(30);
        double sum = 0;
        double sumSq = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            rig.model.step();
            double e = rig.model.pyrometerTopC() - rig.seedC();
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / n;
        double rms = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(0.2, rms, 0.02, "noise rms");
        assertEquals(0.0, mean, 0.02, "no bias without drift");
    }

    @Test
    void raisingTheCoilShiftsHeatFromTheSourceToTheSeed() {
        ModelRig rig = new ModelRig("6inch", 1).argon(500, 41).power(18).hours(30);
        double gradient = rig.model.nodeTemperatureC("crucible_lower") - rig.seedC();
        rig.model.setCoilPositionSetpointMm(70);
        rig.hours(3);
        double raised = rig.model.nodeTemperatureC("crucible_lower") - rig.seedC();
        assertTrue(raised < gradient - 20, "gradient " + gradient + " K fell to " + raised + " K");
        assertEquals(70.0, rig.model.coilPositionMm(), 1e-9);
    }

    @Test
    void gasIntoASealedChamberRaisesThePressureAtTheFlowRate() {
        FurnaceModel m = new ModelRig("6inch", 1).model;
        m.setGasValve(true);
        m.setArgonSetpointSccm(3000);
        m.advance(60);
        double before = m.pressureMbar();
        m.advance(600);
        double risePerS = (m.pressureMbar() - before) / 600.0;
        double expected = 3000 * 1.001 * VacuumSystem.MBAR_L_PER_S_PER_SCCM / 150.0;
        assertEquals(expected, risePerS, expected * 0.01);
    }

    @Test
    void lossOfCoilWaterHeatsTheCoilCircuit() {
        ModelRig rig = new ModelRig("6inch", 1).argon(500, 41).power(18).hours(5);
        double outlet = rig.model.waterOutletC(Faults.Circuit.COIL);
        rig.model.faults().setWaterFlow(Faults.Circuit.COIL, 0.0);
        rig.model.advance(180);
        assertEquals(0.0, rig.model.waterFlowLpm(Faults.Circuit.COIL), 0.0);
        // about 2.3 kW of coil loss into 4 kg of standing water: some 0.14 K/s
        double rise = rig.model.waterOutletC(Faults.Circuit.COIL) - outlet;
        assertEquals(0.14 * 180, rise, 5.0, "the standing water heats up");
    }
}
