package com.sicfurnace.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.profile.PidTuning;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PidTest {
    private static final double DT = 0.1;

    private static PidTuning tuning(double kp, double tiS, double tdS, double min, double max, double rate) {
        return new PidTuning(PidTuning.Action.REVERSE, kp, tiS, tdS, tdS > 0 ? 5.0 : 0.0, 1.0, 0.0, min, max, rate);
    }

    @Test
    void stepResponseSettlesOnTheSetpointWithLittleOvershoot() {
        FirstOrderPlant plant = new FirstOrderPlant(2.0, 60.0, 2.0, DT);
        Pid pid = new Pid(tuning(1.0, 40.0, 0.0, 0.0, 100.0, 0.0));
        double peak = 0.0;
        for (int i = 0; i < 6000; i++) {
            double u = pid.update(50.0, plant.output(), DT);
            peak = Math.max(peak, plant.step(u, DT));
        }
        assertEquals(50.0, plant.output(), 0.05, "settled on the setpoint");
        assertTrue(peak < 50.0 * 1.10, "overshoot below 10 %, peak was " + peak);
    }

    @Test
    void comesOffTheLimitAtOnceAfterLongSaturationWithoutWindup() {
        FirstOrderPlant plant = new FirstOrderPlant(1.0, 30.0, 0.0, DT);
        Pid pid = new Pid(tuning(2.0, 20.0, 0.0, 0.0, 10.0, 0.0));
        for (int i = 0; i < 20000; i++) { // setpoint 50 is out of reach with u <= 10: 2000 s at the limit
            plant.step(pid.update(50.0, plant.output(), DT), DT);
        }
        assertEquals(10.0, pid.output(), 1e-12);
        assertEquals(10.0, plant.output(), 0.01);
        // new reachable setpoint below the measurement: the error changes sign and the output must leave the limit now
        double u = pid.update(5.0, plant.output(), DT);
        assertTrue(u < 10.0, "output left the limit in the first scan, was " + u);
        for (int i = 0; i < 3000; i++) {
            plant.step(pid.update(5.0, plant.output(), DT), DT);
        }
        assertEquals(5.0, plant.output(), 0.05);
    }

    @Test
    void manualToAutoIsBumpless() {
        Pid pid = new Pid(tuning(1.5, 60.0, 10.0, 0.0, 40.0, 0.0));
        for (int i = 0; i < 100; i++) {
            pid.update(300.0, 280.0, DT);
        }
        pid.setManual(12.0);
        for (int i = 0; i < 50; i++) {
            assertEquals(12.0, pid.update(300.0, 280.0 + i * 0.01, DT), 1e-12);
        }
        pid.setAuto();
        double first = pid.update(300.0, 280.5, DT);
        // without tracking the output would jump by about Kp * error = 29 kW; bumpless means one scan's worth
        assertEquals(12.0, first, 0.05, "first automatic output continues from the manual one");
    }

    @Test
    void trackingThenTakingOverIsBumpless() {
        Pid pid = new Pid(tuning(0.3, 400.0, 0.0, 0.0, 35.0, 0.0));
        pid.track(17.5, 2350.0, 2348.0, 16.0);
        double u = pid.update(2350.0, 2348.0, DT, 16.0);
        assertEquals(17.5, u, 0.001);
    }

    @Test
    void setpointStepGivesNoDerivativeKick() {
        Pid pid = new Pid(tuning(2.0, 0.0, 30.0, -100.0, 100.0, 0.0));
        pid.update(10.0, 10.0, DT);
        double before = pid.update(10.0, 10.0, DT);
        double after = pid.update(15.0, 10.0, DT);
        assertEquals(2.0 * 5.0, after - before, 1e-9, "only the proportional term moves on a setpoint step");
    }

    @Test
    void measurementStepDerivativeIsFiltered() {
        Pid pid = new Pid(tuning(1.0, 0.0, 10.0, -1000.0, 1000.0, 0.0));
        pid.update(0.0, 0.0, DT);
        double u = pid.update(0.0, 1.0, DT);
        // unfiltered the kick would be Kp*Td/dt = 100; the 5 s filter bounds it to Kp*Td/(Tf+dt)
        double expected = -1.0 - 1.0 * 10.0 / (5.0 + DT);
        assertEquals(expected, u, 1e-9);
    }

    @Test
    void outputRespectsLimitsAndRateLimit() {
        Pid pid = new Pid(tuning(5.0, 10.0, 0.0, 0.0, 20.0, 0.5));
        double last = pid.output();
        for (int i = 0; i < 1000; i++) {
            double u = pid.update(100.0, 0.0, DT);
            assertTrue(u - last <= 0.5 * DT + 1e-12, "rate limit: moved " + (u - last));
            assertTrue(u <= 20.0 && u >= 0.0);
            last = u;
        }
        assertEquals(20.0, last, 1e-12);
    }

    @Test
    void directActionOpensAsTheMeasurementRises() {
        PidTuning direct = new PidTuning(PidTuning.Action.DIRECT, 10.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 100.0, 0.0);
        Pid pid = new Pid(direct);
        pid.track(50.0, 1.0, 1.0);
        assertTrue(pid.update(1.0, 1.2, DT) > 50.0, "pressure above setpoint opens the throttle");
        assertTrue(pid.update(1.0, 0.8, DT) < 50.0, "pressure below setpoint closes it");
    }

    @Test
    void reschedulingDoesNotBumpTheOutput() {
        Pid pid = new Pid(tuning(0.3, 400.0, 0.0, 0.0, 35.0, 0.0));
        pid.track(20.0, 2350.0, 2345.0);
        pid.schedule(0.2, 3.0);
        double u = pid.update(2350.0, 2345.0, DT);
        double integralStep = 0.3 * 0.2 * DT / (400.0 * 3.0) * 5.0;
        assertEquals(20.0 + integralStep, u, 1e-9);
    }

    @Test
    void feedForwardMovesTheOutputDirectly() {
        Pid pid = new Pid(tuning(0.3, 400.0, 0.0, 0.0, 35.0, 0.0));
        pid.track(10.0, 2000.0, 2000.0, 10.0);
        double u = pid.update(2000.0, 2000.0, DT, 12.0);
        assertEquals(12.0, u, 1e-9, "two more kW of feed-forward give two more kW of output");
    }

    /** Regression: noise through the derivative trips the rate limiter every scan; the integrator must still act. */
    @Test
    void noisyMeasurementWithRateLimitStillRemovesOffset() {
        SplittableRandom random = new SplittableRandom(7);
        FirstOrderPlant plant = new FirstOrderPlant(37.0, 1100.0, 30.0, DT);
        Pid pid = new Pid(new PidTuning(PidTuning.Action.REVERSE, 0.3, 400.0, 60.0, 10.0, 1.0, 0.0, 0.0, 35.0, 0.5));
        pid.track(20.0, 740.0, 740.0);
        plant.step(0, DT);
        double sumError = 0.0;
        int n = 0;
        for (int i = 0; i < 36000 * 3; i++) {
            double measured = plant.output() + 0.2 * random.nextGaussian();
            plant.step(pid.update(700.0, measured, DT), DT);
            if (i > 36000 * 2) {
                sumError += plant.output() - 700.0;
                n++;
            }
        }
        assertEquals(0.0, sumError / n, 0.1, "mean error in the third hour");
    }
}
