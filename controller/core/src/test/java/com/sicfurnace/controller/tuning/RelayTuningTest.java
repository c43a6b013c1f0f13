package com.sicfurnace.controller.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The relay test on a first-order process with dead time, whose relay limit cycle is known exactly: with the relay
 * ±d and no hysteresis, the measurement swings ±a around the setpoint with a = K d (1 − e^(−θ/τ)) and period
 * P = 2θ + 2τ ln(2 − e^(−θ/τ)). The test measures both, gives Ku = 4d / (π a), and proposes Tyreus–Luyben gains
 * divided by the schedule's factors; it aborts when the band is left, the measurement fails or the time is up.
 */
class RelayTuningTest {
    private static final double DT_S = 0.1;
    private static final double GAIN_K_PER_KW = 40.0;
    private static final double TAU_S = 600.0;
    private static final double DEAD_S = 30.0;
    private static final double SETPOINT_C = 2000.0;
    private static final double BIAS_KW = 15.0;

    /** τ dy/dt = K u(t − θ) − y, in deviations from the setpoint and the bias. */
    private static final class Plant {
        private final double[] delay = new double[(int) Math.round(DEAD_S / DT_S)];
        private int head;
        private double y;

        double step(double uKw) {
            double delayed = delay[head];
            delay[head] = uKw - BIAS_KW;
            head = (head + 1) % delay.length;
            y += (GAIN_K_PER_KW * delayed - y) * DT_S / TAU_S;
            return SETPOINT_C + y;
        }
    }

    private static RelayTest run(RelaySettings settings, double gainScale, double timeScale, int maxScans) {
        RelayTest test = new RelayTest(settings, SETPOINT_C, BIAS_KW, gainScale, timeScale, SETPOINT_C);
        Plant plant = new Plant();
        double pv = SETPOINT_C;
        for (int i = 0; i < maxScans && test.phase() == RelayTest.Phase.RUNNING; i++) {
            pv = plant.step(test.update(pv, DT_S));
        }
        return test;
    }

    @Test
    void theLimitCycleGivesTheUltimateGainAndPeriodAndTheRuleProposesReferenceGains() {
        double d = 0.5;
        RelayTest test = run(new RelaySettings(d, 5.0, 0.0, 3, 3600.0), 0.8, 1.25, 100_000);
        assertEquals(RelayTest.Phase.FINISHED, test.phase(), test.abortReason());
        RelayResult r = test.result();
        double a = GAIN_K_PER_KW * d * (1 - Math.exp(-DEAD_S / TAU_S));
        double period = 2 * DEAD_S + 2 * TAU_S * Math.log(2 - Math.exp(-DEAD_S / TAU_S));
        assertEquals(a, r.oscillationK(), a * 0.02, "amplitude");
        assertEquals(period, r.ultimatePeriodS(), 2 * DT_S + period * 0.01, "period");
        assertEquals(4 * d / (Math.PI * r.oscillationK()), r.ultimateGain(), 1e-12);
        assertEquals(3, r.cycles());
        Proposal p = r.proposal();
        assertEquals(TuningRule.NAME, p.rule());
        assertEquals(r.ultimateGain() / 3.2, p.effectiveKp(), 1e-12);
        assertEquals(2.2 * r.ultimatePeriodS(), p.effectiveTiS(), 1e-9);
        assertEquals(p.effectiveKp() / 0.8, p.kp(), 1e-12, "divided by the gain scale at the setpoint");
        assertEquals(p.effectiveTiS() / 1.25, p.tiS(), 1e-9, "divided by the time scale at the setpoint");
        assertEquals(0.0, p.tdS());
        assertEquals(BIAS_KW, test.update(SETPOINT_C + 1, DT_S), "once finished, the output the loop stood at");
    }

    @Test
    void hysteresisIsAllowedForInTheUltimateGain() {
        double d = 0.5;
        double eps = 0.3;
        RelayTest test = run(new RelaySettings(d, 5.0, eps, 3, 3600.0), 1.0, 1.0, 100_000);
        RelayResult r = test.result();
        assertEquals(4 * d / (Math.PI * Math.sqrt(r.oscillationK() * r.oscillationK() - eps * eps)),
                r.ultimateGain(), 1e-12);
    }

    @Test
    void leavingTheBandAborts() {
        RelayTest test = run(new RelaySettings(3.0, 2.0, 0.2, 3, 3600.0), 1.0, 1.0, 100_000);
        assertEquals(RelayTest.Phase.ABORTED, test.phase());
        assertTrue(test.abortReason().contains("left the band"), test.abortReason());
        assertEquals(BIAS_KW, test.update(SETPOINT_C, DT_S), "back to the output the loop stood at");
    }

    @Test
    void theTimeRunningOutAborts() {
        RelayTest test = run(new RelaySettings(0.5, 5.0, 0.0, 3, 200.0), 1.0, 1.0, 100_000);
        assertEquals(RelayTest.Phase.ABORTED, test.phase());
        assertTrue(test.abortReason().startsWith("timed out after 200 s"), test.abortReason());
    }

    @Test
    void anUnusableMeasurementAborts() {
        RelayTest test = new RelayTest(new RelaySettings(0.5, 5.0, 0.0, 3, 600.0), SETPOINT_C, BIAS_KW, 1, 1,
                SETPOINT_C);
        test.update(Double.NaN, DT_S);
        assertEquals("the measurement is not usable", test.abortReason());
    }

    @Test
    void settingsOutsideTheirLimitsAreNamed() {
        assertTrue(new RelaySettings(0, 5, 0.5, 3, 600).problem().startsWith("amplitude_kw"));
        assertTrue(new RelaySettings(1, 30, 0.5, 3, 600).problem().startsWith("band_k"));
        assertTrue(new RelaySettings(1, 0.8, 0.5, 3, 600).problem().startsWith("band_k"));
        assertTrue(new RelaySettings(1, 5, 0.5, 1, 600).problem().startsWith("cycles"));
        assertTrue(new RelaySettings(1, 5, 0.5, 3, 0).problem().startsWith("max_s"));
        assertEquals(null, new RelaySettings(1, 5, 0.5, 3, 600).problem());
    }
}
