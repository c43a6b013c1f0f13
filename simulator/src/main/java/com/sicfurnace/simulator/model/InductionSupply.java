package com.sicfurnace.simulator.model;

/**
 * One medium-frequency induction power supply: the setpoint is slew-limited and the output follows with a
 * first-order lag. Without output enable, contactor or with a trip, the output collapses at once. A trip latches
 * until a rising edge on fault reset finds its cause gone.
 */
final class InductionSupply {
    private final FurnaceConfig.Zone config;
    private double setpointKw;
    private boolean outputEnable;
    private boolean lastResetCommand;
    private boolean resetRequested;
    private boolean tripped;
    private double rampedKw;
    private double outputKw;

    InductionSupply(FurnaceConfig.Zone config) {
        this.config = config;
    }

    void command(double setpointKw, boolean outputEnable, boolean faultReset) {
        this.setpointKw = setpointKw;
        this.outputEnable = outputEnable;
        if (faultReset && !lastResetCommand) {
            resetRequested = true;
        }
        lastResetCommand = faultReset;
    }

    /** @param limitKw most the PLC lets this supply deliver now */
    void step(double dtS, boolean contactorClosed, boolean faultActive, double limitKw) {
        if (faultActive) {
            tripped = true;
        } else if (resetRequested) {
            tripped = false;
        }
        resetRequested = false;
        if (!isOn(contactorClosed)) {
            rampedKw = 0.0;
            outputKw = 0.0;
            return;
        }
        double target = Math.max(0.0, Math.min(Math.min(setpointKw, config.maxPowerKw()), limitKw));
        double maxChange = config.slewKwPerS() * dtS;
        rampedKw += Math.max(-maxChange, Math.min(maxChange, target - rampedKw));
        outputKw += (rampedKw - outputKw) * (1.0 - Math.exp(-dtS / config.lagS()));
    }

    private boolean isOn(boolean contactorClosed) {
        return outputEnable && contactorClosed && !tripped;
    }

    double outputKw() {
        return outputKw;
    }

    boolean outputOn() {
        return outputKw > 0.0 || (outputEnable && !tripped && rampedKw > 0.0);
    }

    boolean tripped() {
        return tripped;
    }

    FurnaceConfig.Zone config() {
        return config;
    }
}
