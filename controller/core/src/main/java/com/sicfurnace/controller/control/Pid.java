package com.sicfurnace.controller.control;

import com.sicfurnace.controller.profile.PidTuning;

/**
 * PID controller, ISA form, for a fixed-rate scan:
 * {@code u = Kp (b sp - pv) + I + D}, {@code I += Kp dt / Ti (sp - pv)}, and
 * {@code D = -Kp Td d(pv)/dt} through a first-order filter: derivative on the measurement, so a setpoint step
 * gives no derivative kick. For DIRECT action the error's sign is flipped.
 *
 * <p>The output is clamped to its limits and its rate of change limited. At a limit the integrator is recomputed
 * so that the unclamped output equals the limit (back-calculation), so the loop never winds up and comes off the
 * limit as soon as the error changes sign; while the rate limiter holds the output back, integration towards the
 * held-back side pauses. In
 * MANUAL, or when an outside source drives the actuator ({@link #track}), the integrator follows the applied
 * output, so the return to AUTO is bumpless.
 */
public final class Pid {
    /** Who sets the output: the loop, or the operator. */
    public enum Mode { AUTO, MANUAL }

    private PidTuning tuning;
    private double kpScale = 1.0;
    private double timeScale = 1.0;
    private double lastErrorTerm;
    private Mode mode = Mode.AUTO;
    private double manualOutput;
    private double integral;
    private double derivative;
    private double filteredPv = Double.NaN;
    private double lastPv = Double.NaN;
    private double output;

    public Pid(PidTuning tuning) {
        this.tuning = tuning;
        this.output = clamp(0.0);
    }

    /**
     * One scan. In AUTO returns the new output; in MANUAL returns the manual output (limited the same way) while
     * the integrator tracks it.
     */
    public double update(double setpoint, double measurement, double dtS) {
        return update(setpoint, measurement, dtS, 0.0);
    }

    /**
     * One scan with a feed-forward term added to the output: the part of the output a model predicts, so that
     * the loop only has to correct the model's error. A changing feed-forward moves the output directly.
     */
    public double update(double setpoint, double measurement, double dtS, double feedForward) {
        double pv = filter(measurement, dtS);
        double sign = tuning.action() == PidTuning.Action.REVERSE ? 1.0 : -1.0;
        lastErrorTerm = sign * (tuning.setpointWeight() * setpoint - pv);
        double proportional = kp() * lastErrorTerm;
        updateDerivative(pv, sign, dtS);
        if (mode == Mode.MANUAL) {
            output = rateLimited(clamp(manualOutput), dtS);
            integral = output - proportional - derivative - feedForward;
            return output;
        }
        double increment = tuning.tiS() > 0 ? sign * kp() * dtS / (tuning.tiS() * timeScale) * (setpoint - pv) : 0.0;
        integral += increment;
        double requested = proportional + integral + derivative + feedForward;
        double clamped = clamp(requested);
        if (clamped != requested && tuning.tiS() > 0) {
            integral = clamped - proportional - derivative - feedForward; // at a limit: no windup
        }
        double limited = rateLimited(clamped, dtS);
        if ((limited < clamped && increment > 0) || (limited > clamped && increment < 0)) {
            integral -= increment; // already moving as fast as allowed that way: integrating on would wind up
        }
        output = limited;
        return output;
    }

    private double filter(double measurement, double dtS) {
        if (Double.isNaN(filteredPv) || tuning.pvFilterS() == 0) {
            filteredPv = measurement;
        } else {
            filteredPv += (measurement - filteredPv) * dtS / (tuning.pvFilterS() + dtS);
        }
        return filteredPv;
    }

    private void updateDerivative(double pv, double sign, double dtS) {
        if (tuning.tdS() > 0 && !Double.isNaN(lastPv)) {
            double tf = tuning.derivativeFilterS();
            derivative = (tf * derivative - sign * kp() * tuning.tdS() * timeScale * (pv - lastPv)) / (tf + dtS);
        } else {
            derivative = 0.0;
        }
        lastPv = pv;
    }

    private double rateLimited(double target, double dtS) {
        if (tuning.rateLimitPerS() == 0) {
            return target;
        }
        double step = tuning.rateLimitPerS() * dtS;
        return Math.max(output - step, Math.min(output + step, target));
    }

    /**
     * The actuator is driven from elsewhere (open-loop power, interlock, another mode): remember its value so
     * that taking over later starts exactly there.
     */
    public void track(double appliedOutput, double setpoint, double measurement) {
        track(appliedOutput, setpoint, measurement, 0.0);
    }

    /** As {@link #track(double, double, double)}, for a loop whose next scan adds {@code feedForward}. */
    public void track(double appliedOutput, double setpoint, double measurement, double feedForward) {
        double sign = tuning.action() == PidTuning.Action.REVERSE ? 1.0 : -1.0;
        filteredPv = measurement;
        lastPv = measurement;
        derivative = 0.0;
        output = clamp(appliedOutput);
        lastErrorTerm = sign * (tuning.setpointWeight() * setpoint - measurement);
        integral = output - kp() * lastErrorTerm - feedForward;
    }

    /**
     * Gain scheduling: the effective gain is {@code kp * kpScale}, the integral and derivative times are scaled by
     * {@code timeScale}. The integrator takes up the change of the proportional term, so rescheduling never bumps
     * the output.
     */
    public void schedule(double newKpScale, double newTimeScale) {
        if (!(newKpScale > 0) || !(newTimeScale > 0)) {
            throw new IllegalArgumentException("PID schedule factors must be positive: " + newKpScale + ", "
                    + newTimeScale);
        }
        integral += (kpScale - newKpScale) * tuning.kp() * lastErrorTerm;
        kpScale = newKpScale;
        timeScale = newTimeScale;
    }

    /**
     * New gains, without a bump: the integrator takes up the change of the proportional term, and the filtered
     * derivative term is scaled to the new {@code kp * td}, so the output stands where it was.
     */
    public void retune(double newKp, double newTiS, double newTdS) {
        PidTuning next = tuning.withGains(newKp, newTiS, newTdS);
        double oldKpTd = tuning.kp() * tuning.tdS();
        integral += (tuning.kp() - newKp) * kpScale * lastErrorTerm;
        derivative = oldKpTd > 0 ? derivative * newKp * newTdS / oldKpTd : 0.0;
        tuning = next;
    }

    private double kp() {
        return tuning.kp() * kpScale;
    }

    /** The operator sets the output; the loop stops acting but keeps tracking. */
    public void setManual(double manualOutput) {
        mode = Mode.MANUAL;
        this.manualOutput = clamp(manualOutput);
    }

    /** Back to AUTO from the output as it stands: the integrator already holds it. */
    public void setAuto() {
        mode = Mode.AUTO;
    }

    /** Narrows or widens the output range (e.g. what the other zone leaves of the furnace's power limit). */
    public void setOutputLimits(double min, double max) {
        if (min != tuning.outMin() || max != tuning.outMax()) {
            tuning = tuning.withOutputLimits(min, max);
        }
    }

    public Mode mode() {
        return mode;
    }

    public double output() {
        return output;
    }

    public PidTuning tuning() {
        return tuning;
    }

    private double clamp(double value) {
        return Math.max(tuning.outMin(), Math.min(tuning.outMax(), value));
    }
}
