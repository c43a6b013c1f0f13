package com.sicfurnace.simulator.model;

/**
 * Turbomolecular pump: spins up only with a running backing pump, pumps at full speed in molecular flow and
 * loses speed above its knee pressure. Running against more than its maximum inlet pressure for some seconds
 * trips it, as the drive's overload protection would.
 */
final class TurboPump {
    private static final double OVERLOAD_TRIP_S = 5.0;
    private final FurnaceConfig.TurboPump config;
    private boolean runCommand;
    private double speedFraction;
    private double overloadS;
    private boolean overloadTripped;

    TurboPump(FurnaceConfig.TurboPump config) {
        this.config = config;
    }

    void command(boolean run) {
        if (!run) {
            overloadTripped = false;
        }
        this.runCommand = run;
    }

    void step(double dtS, boolean backed, boolean tripped, double inletMbar) {
        overloadS = speedFraction > 0.2 && inletMbar > config.maxInletMbar() ? overloadS + dtS : 0.0;
        if (overloadS > OVERLOAD_TRIP_S) {
            overloadTripped = true;
        }
        boolean drive = runCommand && backed && !tripped && !overloadTripped;
        speedFraction = drive ? Math.min(1.0, speedFraction + dtS / config.spinUpS())
                : Math.max(0.0, speedFraction - dtS / config.spinDownS());
    }

    double speedLPerS(double inletMbar) {
        double ratio = inletMbar / config.kneeMbar();
        return config.speedLPerS() * speedFraction / (1.0 + ratio * ratio);
    }

    double speedPct() {
        return speedFraction * 100.0;
    }

    boolean atSpeed() {
        return speedFraction >= 0.95;
    }
}
