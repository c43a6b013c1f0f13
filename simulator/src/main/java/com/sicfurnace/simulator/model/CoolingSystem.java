package com.sicfurnace.simulator.model;

/** The chiller and the three cooling circuits: induction coil, chamber wall and lid, induction supplies. */
final class CoolingSystem {
    private static final double UNCOOLED_SUPPLY_C = 60.0;
    private final FurnaceConfig.Cooling config;
    private final WaterCircuit coil;
    private final WaterCircuit chamber;
    private final WaterCircuit powerSupply;
    private double supplySetpointC;
    private double supplyC;

    CoolingSystem(FurnaceConfig.Cooling config, double ambientC) {
        this.config = config;
        this.supplySetpointC = config.chillerSetpointC();
        this.supplyC = config.chillerSetpointC();
        this.coil = new WaterCircuit(config.coil(), ambientC);
        this.chamber = new WaterCircuit(config.chamber(), ambientC);
        this.powerSupply = new WaterCircuit(config.powerSupply(), ambientC);
    }

    void command(double supplySetpointC) {
        this.supplySetpointC = supplySetpointC;
    }

    /** A failed chiller stops cooling: its supply water drifts towards the temperature it would reach uncooled. */
    void step(double dtS, boolean chillerFailed, double coilHeatW, double chamberHeatW, double supplyHeatW,
              double coilFlow, double chamberFlow, double supplyFlow) {
        double target = chillerFailed ? UNCOOLED_SUPPLY_C : supplySetpointC;
        supplyC += (target - supplyC) * (1.0 - Math.exp(-dtS / config.chillerLagS()));
        coil.step(dtS, supplyC, coilHeatW, coilFlow);
        chamber.step(dtS, supplyC, chamberHeatW, chamberFlow);
        powerSupply.step(dtS, supplyC, supplyHeatW + config.powerSupplyStandbyW(), supplyFlow);
    }

    double supplyC() {
        return supplyC;
    }

    WaterCircuit coil() {
        return coil;
    }

    WaterCircuit chamber() {
        return chamber;
    }

    WaterCircuit powerSupply() {
        return powerSupply;
    }
}
