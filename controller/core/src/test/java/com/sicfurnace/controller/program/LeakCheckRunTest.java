package com.sicfurnace.controller.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import java.time.Duration;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The two-window leak check against pressure rises of known shape, on a 150 L chamber with the reference limit of
 * 10 µm Hg/h (5.6·10⁻⁴ mbar·L/s): 5 min settle, then two 30-minute windows, scanned at 10 Hz.
 */
class LeakCheckRunTest {
    private static final double VOLUME_L = 150.0;
    private static final double LIMIT_MBAR_L_PER_S = 5.6e-4;
    private static final double SCAN_S = 0.1;
    private static final Step.LeakCheck STEP = new Step.LeakCheck("leak-check", 1, StepSettings.NONE,
            Duration.ofMinutes(5), Duration.ofMinutes(60), LIMIT_MBAR_L_PER_S, Step.LeakCheck.DEFAULT_LINEAR_RATIO,
            Step.FailAction.ABORT);

    /** A leak of 2·10⁻³ mbar·L/s from atmosphere: a straight line, both windows alike. */
    @Test
    void aLinearRiseAboveTheLimitFailsAsALeak() {
        double leak = 2e-3;
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        assertEquals(LeakCheckRun.Result.FAILED, run(check, t -> 5e-5 + leak / VOLUME_L * t));
        assertEquals(leak, check.leakRateMbarLPerS(), leak * 1e-6);
        assertTrue(check.verdict().startsWith("leak rate 0.00200 mbar·L/s, limit 0.000560; first window 0.00200; "
                + "the rise is linear (second/first 1.00 >= 0.50): a leak"), check.verdict());
    }

    /**
     * Outgassing of 2.3·10⁻² mbar·L/s (what the model's chamber gives off after an hour's pump-down) levelling off
     * towards its equilibrium pressure with a 5-minute time constant: forty times the limit at first, yet the
     * chamber is tight, and the second window shows it.
     */
    @Test
    void aRiseLevellingOffFromFortyTimesTheLimitPassesAsOutgassing() {
        double outgassing = 2.3e-2;
        double tauS = 300.0;
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        assertEquals(LeakCheckRun.Result.PASSED,
                run(check, t -> 5e-5 + outgassing * tauS / VOLUME_L * (1 - Math.exp(-t / tauS))));
        assertTrue(check.leakRateMbarLPerS() < LIMIT_MBAR_L_PER_S / 10, "rate " + check.leakRateMbarLPerS());
        assertTrue(check.verdict().contains("the rise levels off (second/first 0.00 < 0.50): outgassing"),
                check.verdict());
    }

    /** The same outgassing with a leak of 2·10⁻³ mbar·L/s under it: what remains in the second window is the leak. */
    @Test
    void aLeakUnderOutgassingFailsWithTheLeakAsItsRate() {
        double leak = 2e-3;
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        assertEquals(LeakCheckRun.Result.FAILED, run(check, t -> 5e-5 + leak / VOLUME_L * t
                + 2.3e-2 * 300.0 / VOLUME_L * (1 - Math.exp(-t / 300.0))));
        assertEquals(leak, check.leakRateMbarLPerS(), leak * 0.01);
    }

    /** The Pirani's 2 % noise on each reading is averaged out by the fit: a tight chamber is not failed by it. */
    @Test
    void gaugeNoiseDoesNotFailATightChamber() {
        double leak = 2e-7;
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        // deterministic stand-in for white noise: an irrational-step sawtooth of ±2 %, uncorrelated with time
        assertEquals(LeakCheckRun.Result.PASSED, run(check, t -> {
            double p = 0.05 + leak / VOLUME_L * t;
            double sawtooth = (t * 7.3890561 * 10) % 1.0 - 0.5;
            return p * (1 + 0.04 * sawtooth);
        }));
        assertTrue(Math.abs(check.leakRateMbarLPerS()) < LIMIT_MBAR_L_PER_S / 10, "rate " + check.leakRateMbarLPerS());
    }

    @Test
    void anUnreadablePressureFailsTheCheckAtOnce() {
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        LeakCheckRun.Result result = run(check, t -> t > 1200.0 ? Double.NaN : 5e-5);
        assertEquals(LeakCheckRun.Result.FAILED, result);
        assertTrue(Double.isNaN(check.leakRateMbarLPerS()));
        assertEquals("chamber pressure unreadable 1500 s into the check", check.verdict());
    }

    @Test
    void anUnreadablePressureWhileSettlingDoesNotMatter() {
        LeakCheckRun check = new LeakCheckRun(STEP, VOLUME_L);
        assertEquals(LeakCheckRun.Result.PASSED, run(check, t -> t < -SCAN_S / 2 ? Double.NaN : 5e-5));
    }

    /**
     * Feeds the check one reading per scan, {@code pressure} as a function of the time since the measurement began
     * (negative while settling), until it ends; returns its result.
     */
    private static LeakCheckRun.Result run(LeakCheckRun check, DoubleUnaryOperator pressure) {
        double settleS = STEP.settle().toSeconds();
        LeakCheckRun.Result result = LeakCheckRun.Result.RUNNING;
        double elapsedS = 0.0;
        for (long scan = 0; result == LeakCheckRun.Result.RUNNING; scan++) {
            elapsedS += SCAN_S;
            result = check.advance(elapsedS, pressure.applyAsDouble(elapsedS - settleS));
            assertTrue(scan < 40_000, "the check ends");
        }
        assertTrue(elapsedS < 3900.0 + 1.0, "ends after settle and both windows: " + elapsedS + " s");
        return result;
    }
}
