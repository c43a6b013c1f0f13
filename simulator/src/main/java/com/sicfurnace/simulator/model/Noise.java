package com.sicfurnace.simulator.model;

import java.util.SplittableRandom;

/** The model's one source of randomness, seeded so that a run is reproducible. */
public final class Noise {
    private final SplittableRandom random;

    public Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A normally distributed value with mean 0 and the given standard deviation. */
    public double gaussian(double sigma) {
        return sigma == 0.0 ? 0.0 : sigma * random.nextGaussian();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
