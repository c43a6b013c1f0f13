package com.sicfurnace.simulator.model;

/**
 * Gas released by the chamber and the hot zone, in mbar·L/s. A surface pool (adsorbed water) desorbs under
 * vacuum at any temperature; a bulk pool in the graphite felt follows an Arrhenius law in the hot-zone
 * temperature; while the felt passes through the burst window on heating, pockets break open at random.
 */
final class Outgassing {
    private static final double KELVIN = 273.15;
    private static final double DESORPTION_BELOW_MBAR = 1.0;

    private final FurnaceConfig.Outgassing config;
    private final double referenceK;
    private double surfaceMbarL;
    private double bulkMbarL;
    private double burstMbarL;
    private double lastHotK = Double.NaN;

    Outgassing(FurnaceConfig.Outgassing config) {
        this.config = config;
        this.referenceK = config.bulkReferenceC() + KELVIN;
        this.surfaceMbarL = config.surfaceInventoryMbarL();
        this.bulkMbarL = config.bulkInventoryMbarL();
    }

    /** Gas load for this step. */
    double step(double dtS, double pressureMbar, double hotZoneK, double injectedBurstMbarL, Noise noise) {
        double surface = pressureMbar < DESORPTION_BELOW_MBAR ? surfaceMbarL * config.surfaceRatePerS() : 0.0;
        double arrhenius = Math.exp(-config.bulkActivationK() * (1.0 / hotZoneK - 1.0 / referenceK));
        double bulk = bulkMbarL * Math.min(config.bulkReferenceRatePerS() * arrhenius, 1.0 / dtS);
        double steady = config.steadyReferenceMbarLPerS() * arrhenius;
        maybeBurst(dtS, hotZoneK, noise);
        burstMbarL += injectedBurstMbarL;
        double burst = burstMbarL * Math.min(config.burstRatePerS(), 1.0 / dtS);
        surfaceMbarL -= surface * dtS;
        bulkMbarL -= bulk * dtS;
        burstMbarL -= burst * dtS;
        lastHotK = hotZoneK;
        return surface + bulk + steady + burst;
    }

    private void maybeBurst(double dtS, double hotZoneK, Noise noise) {
        boolean heating = !Double.isNaN(lastHotK) && hotZoneK > lastHotK;
        double hotC = hotZoneK - KELVIN;
        if (heating && hotC >= config.burstMinC() && hotC <= config.burstMaxC()
                && noise.chance(dtS / config.burstMeanIntervalS())) {
            double amount = Math.min(bulkMbarL, config.burstInventoryMbarL() * noise.uniform(0.5, 1.5));
            bulkMbarL -= amount;
            burstMbarL += amount;
        }
    }

    /** Venting re-exposes the surfaces: the adsorbed pool is back to its initial size. */
    void vented() {
        surfaceMbarL = config.surfaceInventoryMbarL();
    }
}
