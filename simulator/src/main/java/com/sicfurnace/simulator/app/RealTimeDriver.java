package com.sicfurnace.simulator.app;

import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps the furnace model in furnace time paced by the wall clock: {@code speed} furnace seconds per wall second.
 * Each step runs under the furnace's lock, the same lock the protocol servers take, so a client never sees a
 * half-stepped model. Falls behind gracefully: steps that are due are run back to back, and a lag of more than
 * a second is dropped (and logged) rather than caught up in a burst.
 */
public final class RealTimeDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealTimeDriver.class);
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SimulatedFurnace furnace;
    private final double stepS;
    private final double speed;
    private final DoubleConsumer afterStep;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param afterStep called with the furnace time after each step, outside the lock (scripted faults) */
    public RealTimeDriver(SimulatedFurnace furnace, double stepS, double speed, DoubleConsumer afterStep) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, not " + speed);
        }
        this.furnace = furnace;
        this.stepS = stepS;
        this.speed = speed;
        this.afterStep = afterStep;
        this.thread = new Thread(this::run, "furnace-model");
        this.thread.setDaemon(true);
    }

    public RealTimeDriver start() {
        thread.start();
        return this;
    }

    private void run() {
        long stepNanos = Math.round(stepS / speed * 1e9);
        long next = System.nanoTime();
        while (running) {
            double furnaceTimeS;
            synchronized (furnace) {
                furnace.advance(stepS);
                furnaceTimeS = furnace.model().timeS();
            }
            afterStep.accept(furnaceTimeS);
            next += stepNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > MAX_LAG_NANOS) {
                LOG.warn("model stepping is {} ms behind the wall clock at speed {}; dropping the lag",
                        -wait / 1_000_000, speed);
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
