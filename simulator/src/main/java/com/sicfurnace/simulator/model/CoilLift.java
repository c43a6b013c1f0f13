package com.sicfurnace.simulator.model;

/** Motorised lift of the induction coil: moves towards its setpoint at a fixed speed within its travel. */
final class CoilLift {
    private final FurnaceConfig.Coil config;
    private double positionMm;
    private double setpointMm;

    CoilLift(FurnaceConfig.Coil config) {
        this.config = config;
        this.positionMm = config.initialMm();
        this.setpointMm = config.initialMm();
    }

    void command(double setpointMm) {
        this.setpointMm = Math.max(config.minMm(), Math.min(config.maxMm(), setpointMm));
    }

    void step(double dtS) {
        double maxMove = config.speedMmPerS() * dtS;
        positionMm += Math.max(-maxMove, Math.min(maxMove, setpointMm - positionMm));
    }

    double positionMm() {
        return positionMm;
    }

    /** Share of a zone's heat that lands in the lower crucible, shifted by the coil's offset from nominal. */
    double fractionLower(double zoneFractionLower) {
        double shifted = zoneFractionLower + (positionMm - config.nominalMm()) * config.fractionLowerPerMm();
        return Math.max(0.0, Math.min(1.0, shifted));
    }

    /** Coupling efficiency relative to the best position: falls off quadratically away from nominal. */
    double relativeCoupling() {
        double offset = positionMm - config.nominalMm();
        return Math.max(0.0, 1.0 - config.efficiencyLossPerMm2() * offset * offset);
    }
}
