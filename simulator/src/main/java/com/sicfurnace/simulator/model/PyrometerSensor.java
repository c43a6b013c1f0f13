package com.sicfurnace.simulator.model;

/**
 * Two-colour pyrometer: node temperature plus window-coating drift and Gaussian noise, quantised to its
 * resolution and clamped to its measuring range (below range it reports its lower limit).
 */
final class PyrometerSensor {
    private static final double KELVIN = 273.15;
    private final FurnaceConfig.Pyrometer config;
    private double driftK;
    private double readingC;
    private SensorStatus status = SensorStatus.OK;

    PyrometerSensor(FurnaceConfig.Pyrometer config) {
        this.config = config;
        this.readingC = config.minC();
    }

    void sample(double dtS, double temperatureK, boolean broken, double extraDriftKPerH, Noise noise) {
        driftK += (config.driftKPerH() + extraDriftKPerH) * dtS / 3600.0;
        status = broken ? SensorStatus.FAILED : SensorStatus.OK;
        double raw = temperatureK - KELVIN + driftK + noise.gaussian(config.noiseK());
        double quantised = Math.round(raw / config.resolutionK()) * config.resolutionK();
        readingC = Math.max(config.minC(), Math.min(config.maxC(), quantised));
    }

    double readingC() {
        return readingC;
    }

    SensorStatus status() {
        return status;
    }
}
