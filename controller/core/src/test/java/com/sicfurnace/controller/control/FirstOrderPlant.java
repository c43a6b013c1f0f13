package com.sicfurnace.controller.control;

/** A first-order process with dead time, {@code tau dy/dt = K u(t - theta) - y}, for exercising loops. */
final class FirstOrderPlant {
    private final double gain;
    private final double tauS;
    private final double[] delayLine;
    private int head;
    private double output;

    FirstOrderPlant(double gain, double tauS, double deadTimeS, double dtS) {
        this.gain = gain;
        this.tauS = tauS;
        this.delayLine = new double[Math.max(1, (int) Math.round(deadTimeS / dtS))];
    }

    double step(double input, double dtS) {
        double delayed = delayLine[head];
        delayLine[head] = input;
        head = (head + 1) % delayLine.length;
        output += (gain * delayed - output) * dtS / tauS;
        return output;
    }

    double output() {
        return output;
    }
}
