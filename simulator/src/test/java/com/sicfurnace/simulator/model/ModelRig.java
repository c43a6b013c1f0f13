package com.sicfurnace.simulator.model;

import com.sicfurnace.simulator.fault.Faults;

/** Drives a furnace model the way an operator would by hand, for physics tests. */
final class ModelRig {
    final FurnaceModel model;

    ModelRig(String furnace, long seed) {
        this.model = new FurnaceModel(FurnaceConfigs.shipped(furnace), seed, 0.1, new Faults());
    }

    /** Argon through the MFC with the throttle at a fixed opening: a steady process pressure. */
    ModelRig argon(double sccm, double throttlePct) {
        model.setRoughingPump(true);
        model.setRoughingValve(true);
        model.setGasValve(true);
        model.setArgonSetpointSccm(sccm);
        model.setThrottleSetpointPct(throttlePct);
        return this;
    }

    /** Total power, split evenly between zones on a two-zone furnace. */
    ModelRig power(double totalKw) {
        model.setHeaterEnable(true);
        int zones = model.zoneCount();
        for (int z = 1; z <= zones; z++) {
            model.setSupply(z, totalKw / zones, true, false);
        }
        return this;
    }

    ModelRig hours(double h) {
        model.advance(h * 3600.0);
        return this;
    }

    double seedC() {
        return model.nodeTemperatureC("lid");
    }
}
