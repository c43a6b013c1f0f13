package com.sicfurnace.simulator.model;

/**
 * The vacuum gauge controller: capacitance manometer, Pirani and a hot-cathode ion gauge. The controller switches
 * the ion gauge's emission on below a threshold of the Pirani reading and off above a higher one; an ion gauge
 * that is off reads its upper limit.
 */
final class GaugeController {
    private final FurnaceConfig.Gauges config;
    private double capacitanceMbar;
    private double piraniMbar;
    private double ionMbar;
    private boolean ionOn;

    GaugeController(FurnaceConfig.Gauges config) {
        this.config = config;
        this.ionMbar = config.ionGauge().maxMbar();
    }

    void sample(double pressureMbar, Noise noise) {
        capacitanceMbar = read(config.capacitance(), pressureMbar, noise);
        piraniMbar = read(config.pirani(), pressureMbar, noise);
        if (piraniMbar < config.ionOnBelowMbar()) {
            ionOn = true;
        } else if (piraniMbar > config.ionOffAboveMbar()) {
            ionOn = false;
        }
        ionMbar = ionOn ? read(config.ionGauge(), pressureMbar, noise) : config.ionGauge().maxMbar();
    }

    private static double read(FurnaceConfig.Gauge gauge, double pressureMbar, Noise noise) {
        double sigma = pressureMbar * gauge.noiseFraction() + gauge.noiseFloorMbar();
        double raw = pressureMbar + noise.gaussian(sigma);
        return Math.max(gauge.minMbar(), Math.min(gauge.maxMbar(), raw));
    }

    double capacitanceMbar() {
        return capacitanceMbar;
    }

    double piraniMbar() {
        return piraniMbar;
    }

    double ionMbar() {
        return ionMbar;
    }

    boolean ionOn() {
        return ionOn;
    }
}
