package com.sicfurnace.simulator.model;

/** Dry roughing pump on a frequency drive: speed ramps with the motor, and falls to zero at its ultimate pressure. */
final class RoughingPump {
    private final FurnaceConfig.RoughingPump config;
    private boolean runCommand;
    private double speedHz;

    RoughingPump(FurnaceConfig.RoughingPump config) {
        this.config = config;
    }

    void command(boolean run) {
        this.runCommand = run;
    }

    void step(double dtS, boolean tripped) {
        double rate = config.nominalHz() / config.spinUpS() * dtS;
        boolean run = runCommand && !tripped;
        speedHz = run ? Math.min(config.nominalHz(), speedHz + rate) : Math.max(0.0, speedHz - rate);
    }

    /** Pumping speed in L/s at the given inlet pressure. */
    double speedLPerS(double pressureMbar) {
        double ultimateFactor = Math.max(0.0, 1.0 - config.ultimateMbar() / Math.max(pressureMbar, 1e-12));
        return config.speedLPerS() * (speedHz / config.nominalHz()) * ultimateFactor;
    }

    boolean running() {
        return speedHz > 0.5 * config.nominalHz();
    }

    double speedHz() {
        return speedHz;
    }
}
