package com.sicfurnace.simulator.model;

/**
 * Growth of the boule by physical vapour transport. The rate follows the difference of equilibrium vapour
 * pressures at the source and at the growth front (Arrhenius in temperature), divided by the argon pressure plus
 * an offset (diffusion through the gas), weakened as the source depletes. The growth front is warmer than the
 * seed holder by a rise proportional to the boule length, so growth slows unless the process compensates.
 */
final class CrystalGrowth {
    private static final double GAS_CONSTANT = 8.314462618;
    private static final double REFERENCE_K = 2773.15;
    private static final double SIC_DENSITY_KG_PER_MM3 = 3.21e-6;

    private final FurnaceConfig.Growth config;
    private final double activationOverR;
    private final double seedAreaMm2;
    private final double initialSourceKg;
    private double sourceKg;
    private double bouleLengthMm;
    private double rateMmPerH;

    CrystalGrowth(FurnaceConfig.Growth config, double initialSourceKg) {
        this.config = config;
        this.activationOverR = config.activationKjPerMol() * 1000.0 / GAS_CONSTANT;
        this.seedAreaMm2 = Math.PI / 4.0 * config.seedDiameterMm() * config.seedDiameterMm();
        this.initialSourceKg = initialSourceKg;
        this.sourceKg = initialSourceKg;
    }

    void step(double dtS, double sourceK, double seedK, double pressureMbar) {
        rateMmPerH = rateMmPerH(sourceK, seedK, pressureMbar);
        double grownMm = rateMmPerH * dtS / 3600.0;
        bouleLengthMm += grownMm;
        double consumedKg = grownMm * seedAreaMm2 * SIC_DENSITY_KG_PER_MM3 / config.sourceYield();
        sourceKg = Math.max(0.0, sourceKg - consumedKg);
    }

    /** Rate at the given temperatures and pressure, with the boule and source as they are now. */
    double rateMmPerH(double sourceK, double seedK, double pressureMbar) {
        double frontK = seedK + config.seedOffsetK() + config.frontRiseKPerMm() * bouleLengthMm;
        double drive = Math.max(0.0, relativeVapourPressure(sourceK) - relativeVapourPressure(frontK));
        double depleted = 1.0 - sourceKg / initialSourceKg;
        double activity = 1.0 - config.depletionWeakening() * depleted * depleted;
        return config.rateConstantMmPerH() * drive * activity / (pressureMbar + config.pressureOffsetMbar());
    }

    private double relativeVapourPressure(double temperatureK) {
        return Math.exp(activationOverR * (1.0 / REFERENCE_K - 1.0 / temperatureK));
    }

    /** Distance from the source surface to the growth front: closes as the boule grows, opens as the source sinks. */
    double gapMm() {
        double gap = config.gapMm() + config.sourceRecessionMmPerKg() * (initialSourceKg - sourceKg) - bouleLengthMm;
        return Math.max(1.0, gap);
    }

    double bouleLengthMm() {
        return bouleLengthMm;
    }

    double sourceKg() {
        return sourceKg;
    }

    double rateMmPerH() {
        return rateMmPerH;
    }

    double sourceFraction() {
        return sourceKg / initialSourceKg;
    }
}
