package com.sicfurnace.simulator.model;

/**
 * A cooling-water circuit: the water held in the cooled part heats up with the load and is flushed by the flow,
 * {@code m c dT/dt = Q - mdot c (T - T_in)}. With no flow the water just heats up.
 */
final class WaterCircuit {
    private static final double WATER_J_PER_KG_K = 4186.0;
    private final FurnaceConfig.Circuit config;
    private double outletC;
    private double inletC;
    private double flowLpm;

    WaterCircuit(FurnaceConfig.Circuit config, double initialC) {
        this.config = config;
        this.outletC = initialC;
        this.inletC = initialC;
        this.flowLpm = config.flowLpm(); // the cooling water runs from power-on, before the first step
    }

    void step(double dtS, double supplyC, double heatW, double flowFactor) {
        inletC = supplyC + config.pipeRiseC();
        flowLpm = config.flowLpm() * flowFactor;
        double massFlowKgPerS = flowLpm / 60.0;
        double capacity = config.holdupKg() * WATER_J_PER_KG_K;
        double flush = massFlowKgPerS * WATER_J_PER_KG_K;
        if (flush > 0.0) {
            // exact step for the linear part keeps a high flow stable at any model step
            double equilibrium = inletC + heatW / flush;
            outletC = equilibrium + (outletC - equilibrium) * Math.exp(-flush * dtS / capacity);
        } else {
            outletC += heatW * dtS / capacity;
        }
    }

    double outletC() {
        return outletC;
    }

    double inletC() {
        return inletC;
    }

    double flowLpm() {
        return flowLpm;
    }
}
