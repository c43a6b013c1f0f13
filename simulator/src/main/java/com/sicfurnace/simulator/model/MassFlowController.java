package com.sicfurnace.simulator.model;

/**
 * Thermal mass-flow controller: the flow follows the setpoint with a first-order lag, carries a fixed calibration
 * error, and cannot flow against a closed downstream valve. A stuck MFC keeps its last flow.
 */
final class MassFlowController {
    private final FurnaceConfig.Mfc config;
    private double setpointSccm;
    private double flowSccm;
    private double readingSccm;

    MassFlowController(FurnaceConfig.Mfc config) {
        this.config = config;
    }

    void command(double setpointSccm) {
        this.setpointSccm = Math.max(0.0, Math.min(config.fullScaleSccm(), setpointSccm));
    }

    void step(double dtS, boolean downstreamOpen, boolean stuck, Noise noise) {
        if (!stuck) {
            double target = downstreamOpen ? setpointSccm * (1.0 + config.calibrationErrorPct() / 100.0) : 0.0;
            flowSccm += (target - flowSccm) * (1.0 - Math.exp(-dtS / config.lagS()));
        }
        readingSccm = Math.max(0.0, Math.min(config.fullScaleSccm(), flowSccm + noise.gaussian(config.noiseSccm())));
    }

    double flowSccm() {
        return flowSccm;
    }

    double readingSccm() {
        return readingSccm;
    }
}
