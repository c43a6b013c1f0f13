package com.sicfurnace.simulator.plant;

import com.sicfurnace.simulator.model.FurnaceModel;

/**
 * The induction supplies take setpoint, output enable and fault reset as one command; the I/O list writes them
 * as three registers. This latch keeps the three per zone and passes the combination on at every write.
 */
final class OutputLatch {
    private final FurnaceModel model;
    private final double[] setpointKw;
    private final boolean[] enable;
    private final boolean[] reset;

    OutputLatch(FurnaceModel model) {
        this.model = model;
        int zones = model.zoneCount();
        this.setpointKw = new double[zones];
        this.enable = new boolean[zones];
        this.reset = new boolean[zones];
    }

    void supplySetpoint(int zone, double kw) {
        setpointKw[zone - 1] = kw;
        push(zone);
    }

    void supplyEnable(int zone, boolean on) {
        enable[zone - 1] = on;
        push(zone);
    }

    void supplyReset(int zone, boolean on) {
        reset[zone - 1] = on;
        push(zone);
    }

    private void push(int zone) {
        model.setSupply(zone, setpointKw[zone - 1], enable[zone - 1], reset[zone - 1]);
    }
}
