package com.sicfurnace.controller.profile;

/**
 * Tuning of one PID loop (ISA form, derivative on the measurement).
 *
 * @param action           REVERSE: the output rises when the measurement falls below the setpoint (heating);
 *                         DIRECT: the output rises when the measurement rises above it (throttle valve, coil)
 * @param kp               proportional gain, output units per measurement unit
 * @param tiS              integral time; 0 disables integral action
 * @param tdS              derivative time; 0 disables derivative action
 * @param derivativeFilterS time constant of the first-order filter on the derivative term
 * @param setpointWeight   share of the setpoint in the proportional term (1: classic, below 1: less overshoot)
 * @param pvFilterS        first-order filter on the measurement before the loop; 0 for none
 * @param outMin           lowest output
 * @param outMax           highest output
 * @param rateLimitPerS    fastest output change, output units per second; 0 for no limit
 */
public record PidTuning(Action action, double kp, double tiS, double tdS, double derivativeFilterS,
                        double setpointWeight, double pvFilterS, double outMin, double outMax,
                        double rateLimitPerS) {

    public enum Action { DIRECT, REVERSE }

    public PidTuning {
        if (action == null) {
            throw new IllegalArgumentException("PID action must be direct or reverse");
        }
        if (!(kp > 0)) {
            throw new IllegalArgumentException("PID kp must be positive, not " + kp);
        }
        if (tiS < 0 || tdS < 0 || derivativeFilterS < 0 || pvFilterS < 0 || rateLimitPerS < 0) {
            throw new IllegalArgumentException("PID times and rate limit must not be negative");
        }
        if (tdS > 0 && !(derivativeFilterS > 0)) {
            throw new IllegalArgumentException("PID with derivative action needs a derivative filter time");
        }
        if (!(outMin < outMax)) {
            throw new IllegalArgumentException("PID out_min " + outMin + " must be below out_max " + outMax);
        }
        if (setpointWeight < 0 || setpointWeight > 1) {
            throw new IllegalArgumentException("PID setpoint weight must lie in 0..1, not " + setpointWeight);
        }
    }

    /** These settings with other gains: proportional gain, integral and derivative times. */
    public PidTuning withGains(double newKp, double newTiS, double newTdS) {
        return new PidTuning(action, newKp, newTiS, newTdS, derivativeFilterS, setpointWeight, pvFilterS, outMin,
                outMax, rateLimitPerS);
    }

    public PidTuning withOutputLimits(double min, double max) {
        return new PidTuning(action, kp, tiS, tdS, derivativeFilterS, setpointWeight, pvFilterS, min, max,
                rateLimitPerS);
    }
}
