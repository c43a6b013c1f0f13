package com.sicfurnace.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;
import org.junit.jupiter.api.Test;

class HeaterControlTest {
    private static final double DT = 0.1;
    private final FurnaceProfile six = ProfileLoader.shipped("6inch", FurnaceProfile.class);

    private static ProcessImage pyrometers(String furnace, double topC, double bottomC) {
        ProcessImage in = new ProcessImage(IoList.fromClasspath().forFurnace(furnace));
        in.update(Signal.PYRO_TOP_C, topC, Quality.GOOD);
        in.update(Signal.PYRO_BOTTOM_C, bottomC, Quality.GOOD);
        return in;
    }

    private static HeaterDemand openLoop() {
        return new HeaterDemand(HeaterMode.TEMPERATURE, Double.NaN, Double.NaN, 0.0, false);
    }

    @Test
    void belowPyrometerRangePowerRampsOpenLoopUpToItsCeiling() {
        HeaterControl heater = new HeaterControl(six);
        ProcessImage cold = pyrometers("6inch", 1000.0, 1000.0);
        for (int i = 0; i < 36000; i++) { // one hour
            heater.observe(cold, DT);
            heater.update(openLoop(), cold, DT);
        }
        assertFalse(heater.temperatureControlAvailable());
        assertEquals(six.heater().openLoopRateKwPerH(), heater.totalPowerKw(), 0.01, "one hour at the open-loop rate");
        for (int i = 0; i < 36000; i++) {
            heater.update(openLoop(), cold, DT);
        }
        assertEquals(six.heater().openLoopMaxKw(), heater.totalPowerKw(), 1e-9, "stops at the ceiling");
    }

    @Test
    void takingOverFromOpenLoopIsBumpless() {
        HeaterControl heater = new HeaterControl(six);
        ProcessImage in = pyrometers("6inch", 1030.0, 1120.0);
        for (int i = 0; i < 12000; i++) {
            heater.observe(in, DT);
            heater.update(openLoop(), in, DT);
        }
        assertTrue(heater.temperatureControlAvailable(), "both pyrometers read in range long enough");
        double openLoopKw = heater.totalPowerKw();
        heater.update(new HeaterDemand(HeaterMode.TEMPERATURE, 1030.0, 1120.0, 0.0, false), in, DT);
        assertTrue(heater.closedLoop());
        assertEquals(openLoopKw, heater.totalPowerKw(), 0.01, "closed loop starts where open loop stood");
    }

    @Test
    void gradientLoopWaitsForItsTemperatureAndThenMovesTheCoil() {
        HeaterControl heater = new HeaterControl(six);
        ProcessImage lowGradient = pyrometers("6inch", 1800.0, 1850.0);
        for (int i = 0; i < 3000; i++) {
            heater.update(new HeaterDemand(HeaterMode.TEMPERATURE, 1800.0, 1950.0, 0.0, false), lowGradient, DT);
        }
        assertEquals(six.heater().coil().parkMm(), heater.coilSetpointMm(), 1e-9, "below gradient_min_c");
        ProcessImage hot = pyrometers("6inch", 2350.0, 2480.0);
        for (int i = 0; i < 3000; i++) {
            heater.update(new HeaterDemand(HeaterMode.TEMPERATURE, 2350.0, 2525.0, 0.0, false), hot, DT);
        }
        assertTrue(heater.coilSetpointMm() < six.heater().coil().parkMm(),
                "gradient too small: the coil goes down to heat the source, now " + heater.coilSetpointMm());
    }

    @Test
    void unusablePyrometerFreezesTheOutputs() {
        HeaterControl heater = new HeaterControl(six);
        ProcessImage in = pyrometers("6inch", 2300.0, 2480.0);
        HeaterDemand demand = new HeaterDemand(HeaterMode.TEMPERATURE, 2350.0, 2525.0, 0.0, false);
        for (int i = 0; i < 600; i++) {
            heater.update(demand, in, DT);
        }
        double held = heater.totalPowerKw();
        in.update(Signal.PYRO_TOP_C, 2300.0, Quality.STALE);
        for (int i = 0; i < 600; i++) {
            heater.update(demand, in, DT);
        }
        assertEquals(held, heater.totalPowerKw(), 0.0);
    }

    @Test
    void twoZonesShareTheTotalByTheSplit() {
        FurnaceProfile eight = ProfileLoader.shipped("8inch", FurnaceProfile.class);
        HeaterControl heater = new HeaterControl(eight);
        ProcessImage in = pyrometers("8inch", 1000.0, 1000.0);
        heater.update(new HeaterDemand(HeaterMode.POWER, Double.NaN, Double.NaN, 20.0, false), in, DT);
        assertEquals(20.0 * eight.powerModeZoneShare().get(0), heater.zonePowerKw(1), 1e-9);
        assertEquals(20.0 * eight.powerModeZoneShare().get(1), heater.zonePowerKw(2), 1e-9);
        assertTrue(Double.isNaN(heater.coilSetpointMm()), "no coil lift on the 8-inch furnace");
        heater.update(new HeaterDemand(HeaterMode.OFF, Double.NaN, Double.NaN, 20.0, false), in, DT);
        assertEquals(0.0, heater.totalPowerKw());
    }
}
