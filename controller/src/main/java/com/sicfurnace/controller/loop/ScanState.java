package com.sicfurnace.controller.loop;

/**
 * What the controller decided in the last scan, for recorders, telemetry and the operator screens. Mutable and
 * reused scan after scan; read it between scans.
 */
public final class ScanState {
    private double seedSetpointC = Double.NaN;
    private double seedC = Double.NaN;
    private double sourceSetpointC = Double.NaN;
    private double sourceC = Double.NaN;
    private double pressureSetpointMbar = Double.NaN;
    private double pressureMbar = Double.NaN;
    private double powerKw;
    private boolean temperatureControlled;
    private boolean pressureControlled;

    void set(double seedSp, double seed, double sourceSp, double source, double pressureSp, double pressure,
             double power, boolean temperatureLoop, boolean pressureLoop) {
        seedSetpointC = seedSp;
        seedC = seed;
        sourceSetpointC = sourceSp;
        sourceC = source;
        pressureSetpointMbar = pressureSp;
        pressureMbar = pressure;
        powerKw = power;
        temperatureControlled = temperatureLoop;
        pressureControlled = pressureLoop;
    }

    public double seedSetpointC() {
        return seedSetpointC;
    }

    public double seedC() {
        return seedC;
    }

    public double sourceSetpointC() {
        return sourceSetpointC;
    }

    public double sourceC() {
        return sourceC;
    }

    public double pressureSetpointMbar() {
        return pressureSetpointMbar;
    }

    public double pressureMbar() {
        return pressureMbar;
    }

    public double powerKw() {
        return powerKw;
    }

    /** The seed loop was in closed-loop control this scan. */
    public boolean temperatureControlled() {
        return temperatureControlled;
    }

    /** The throttle valve was under pressure control this scan. */
    public boolean pressureControlled() {
        return pressureControlled;
    }

    /** |seed - setpoint| in K while the seed loop controls, 0 otherwise. */
    public double seedDeviationK() {
        return temperatureControlled ? Math.abs(seedC - seedSetpointC) : 0.0;
    }

    /** |p - setpoint| / setpoint in % while the pressure loop controls, 0 otherwise. */
    public double pressureDeviationPct() {
        return pressureControlled ? Math.abs(pressureMbar - pressureSetpointMbar) / pressureSetpointMbar * 100.0
                : 0.0;
    }
}
