package com.sicfurnace.simulator.model;

/** An on/off valve that takes {@code travelS} to stroke; its limit switch reports fully open. */
final class Valve {
    private final double travelS;
    private boolean openCommand;
    private double opening;

    Valve(double travelS) {
        this.travelS = travelS;
    }

    void command(boolean open) {
        this.openCommand = open;
    }

    void step(double dtS) {
        double move = dtS / travelS;
        opening = openCommand ? Math.min(1.0, opening + move) : Math.max(0.0, opening - move);
    }

    /** Fraction open, 0..1: scales the valve's conductance. */
    double opening() {
        return opening;
    }

    boolean fullyOpen() {
        return opening >= 1.0;
    }
}
