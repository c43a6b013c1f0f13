package com.sicfurnace.simulator.model;

/** Argon and nitrogen MFCs feeding the chamber through one isolation valve. */
final class GasSupply {
    private final MassFlowController argon;
    private final MassFlowController nitrogen;
    private final Valve valve;

    GasSupply(FurnaceConfig.Gas config, double valveTravelS) {
        this.argon = new MassFlowController(config.argon());
        this.nitrogen = new MassFlowController(config.nitrogen());
        this.valve = new Valve(valveTravelS);
    }

    void command(double argonSccm, double nitrogenSccm, boolean valveOpen) {
        argon.command(argonSccm);
        nitrogen.command(nitrogenSccm);
        valve.command(valveOpen);
    }

    void step(double dtS, boolean argonStuck, boolean nitrogenStuck, Noise noise) {
        valve.step(dtS);
        boolean open = valve.opening() > 0.0;
        argon.step(dtS, open, argonStuck, noise);
        nitrogen.step(dtS, open, nitrogenStuck, noise);
    }

    /** Flow that actually enters the chamber. */
    double inflowSccm() {
        return (argon.flowSccm() + nitrogen.flowSccm()) * valve.opening();
    }

    MassFlowController argon() {
        return argon;
    }

    MassFlowController nitrogen() {
        return nitrogen;
    }

    boolean valveOpen() {
        return valve.fullyOpen();
    }
}
