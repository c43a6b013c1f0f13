package com.sicfurnace.simulator.model;

/** Sheathed thermocouple: lags its node, adds noise, clamps to range; a broken one reads upscale (burn-out). */
final class ThermocoupleSensor {
    private static final double KELVIN = 273.15;
    private final FurnaceConfig.Thermocouple config;
    private double junctionC = Double.NaN;
    private double readingC;
    private SensorStatus status = SensorStatus.OK;

    ThermocoupleSensor(FurnaceConfig.Thermocouple config) {
        this.config = config;
    }

    void sample(double dtS, double temperatureK, boolean broken, Noise noise) {
        double nodeC = temperatureK - KELVIN;
        junctionC = Double.isNaN(junctionC) ? nodeC
                : junctionC + (nodeC - junctionC) * (1.0 - Math.exp(-dtS / config.lagS()));
        status = broken ? SensorStatus.FAILED : SensorStatus.OK;
        double raw = broken ? config.maxC() : junctionC + noise.gaussian(config.noiseK());
        readingC = Math.max(config.minC(), Math.min(config.maxC(), raw));
    }

    double readingC() {
        return readingC;
    }

    SensorStatus status() {
        return status;
    }
}
