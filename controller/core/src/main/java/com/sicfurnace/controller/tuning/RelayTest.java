package com.sicfurnace.controller.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Åström–Hägglund relay test of one loop, fed one scan at a time: the loop's output is replaced by
 * {@code bias ± d} (the output the loop stood at, plus or minus the relay's amplitude), switched to low when the
 * measurement rises above setpoint + ε and to high when it falls below setpoint − ε (ε the hysteresis). The process
 * settles into a limit cycle at about its ultimate period; with the oscillation's amplitude {@code a} the describing
 * function gives the ultimate gain {@code Ku = 4d / (π √(a² − ε²))}.
 *
 * <p>A cycle runs from one switch to low to the next. The first is left to settle; the test finishes once the last
 * {@code cycles} cycles agree (each period within a quarter of their mean: a steady oscillation), measuring their mean
 * period and half the peak-to-peak of the measurement. It aborts when the measurement leaves the band or is not
 * finite, or when the time is up before the oscillation is steady. Pure: no clock, the caller passes each scan's
 * interval.
 */
public final class RelayTest {
    /** Where the test stands. */
    public enum Phase { RUNNING, FINISHED, ABORTED }

    /** How far a measured period may stray from their mean for the oscillation to count as steady. */
    private static final double PERIOD_SPREAD = 0.25;

    private final RelaySettings settings;
    private final double setpointC;
    private final double biasKw;
    private final double gainScale;
    private final double timeScale;
    private final List<Double> periodsS = new ArrayList<>();
    private final List<Double> amplitudesK = new ArrayList<>();
    private boolean high;
    private double elapsedS;
    private double lastSwitchLowS = Double.NaN;
    private boolean settled;
    private double cycleMaxC = Double.NEGATIVE_INFINITY;
    private double cycleMinC = Double.POSITIVE_INFINITY;
    private Phase phase = Phase.RUNNING;
    private String abortReason = "";
    private RelayResult result;

    /**
     * @param gainScale the loop's gain schedule factor at the setpoint (the proposal is divided by it)
     * @param timeScale the schedule's factor on the integral time at the setpoint
     * @param measurementC the measurement at the start: below the setpoint the relay starts high
     */
    public RelayTest(RelaySettings settings, double setpointC, double biasKw, double gainScale, double timeScale,
                     double measurementC) {
        String problem = settings.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.settings = settings;
        this.setpointC = setpointC;
        this.biasKw = biasKw;
        this.gainScale = gainScale;
        this.timeScale = timeScale;
        this.high = measurementC <= setpointC;
    }

    /** One scan: the relay's output for it; once the test has ended, the bias (the output the loop stood at). */
    public double update(double measurementC, double dtS) {
        if (phase != Phase.RUNNING) {
            return biasKw;
        }
        elapsedS += dtS;
        double errorK = setpointC - measurementC;
        if (!Double.isFinite(measurementC)) {
            abort("the measurement is not usable");
        } else if (Math.abs(errorK) > settings.bandK()) {
            abort(String.format(Locale.ROOT, "the temperature left the band: %.1f K off the setpoint, band ±%.1f K",
                    -errorK, settings.bandK()));
        } else if (elapsedS > settings.maxS()) {
            abort(String.format(Locale.ROOT, "timed out after %.0f s: %s", elapsedS, periodsS.size() < settings.cycles()
                    ? periodsS.size() + " of " + settings.cycles() + " cycles measured"
                    : "no steady oscillation, the last periods " + rounded(last(periodsS)) + " s differ by more than "
                    + Math.round(PERIOD_SPREAD * 100) + " %"));
        } else {
            cycleMaxC = Math.max(cycleMaxC, measurementC);
            cycleMinC = Math.min(cycleMinC, measurementC);
            if (high && errorK < -settings.hysteresisK()) {
                high = false;
                switchedLow();
            } else if (!high && errorK > settings.hysteresisK()) {
                high = true;
            }
        }
        return phase == Phase.RUNNING ? biasKw + (high ? settings.amplitudeKw() : -settings.amplitudeKw()) : biasKw;
    }

    private void switchedLow() {
        if (settled) {
            periodsS.add(elapsedS - lastSwitchLowS);
            amplitudesK.add((cycleMaxC - cycleMinC) / 2.0);
        }
        settled = !Double.isNaN(lastSwitchLowS);
        lastSwitchLowS = elapsedS;
        cycleMaxC = Double.NEGATIVE_INFINITY;
        cycleMinC = Double.POSITIVE_INFINITY;
        if (periodsS.size() >= settings.cycles()) {
            List<Double> periods = last(periodsS);
            if (steady(periods)) {
                finish(periods, last(amplitudesK));
            }
        }
    }

    /** The last {@code cycles} values. */
    private List<Double> last(List<Double> values) {
        return values.subList(values.size() - settings.cycles(), values.size());
    }

    private static boolean steady(List<Double> periods) {
        double mean = mean(periods);
        return periods.stream().allMatch(p -> Math.abs(p - mean) <= PERIOD_SPREAD * mean);
    }

    private void finish(List<Double> periods, List<Double> amplitudes) {
        double periodS = mean(periods);
        double a = mean(amplitudes);
        double eps = settings.hysteresisK();
        if (!(a > eps)) {
            abort(String.format(Locale.ROOT, "the oscillation (%.2f K) is within the hysteresis (%.2f K): raise the "
                    + "amplitude", a, eps));
            return;
        }
        double ku = 4.0 * settings.amplitudeKw() / (Math.PI * Math.sqrt(a * a - eps * eps));
        result = new RelayResult(ku, periodS, settings.amplitudeKw(), a, periods.size(), setpointC,
                TuningRule.propose(ku, periodS, gainScale, timeScale));
        phase = Phase.FINISHED;
    }

    /** Ends the test without a result; the caller returns the loop to its output. */
    public void abort(String reason) {
        if (phase == Phase.RUNNING) {
            phase = Phase.ABORTED;
            abortReason = reason;
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    public Phase phase() {
        return phase;
    }

    public String abortReason() {
        return abortReason;
    }

    /** The result once finished; null before. */
    public RelayResult result() {
        return result;
    }

    public int cyclesMeasured() {
        return periodsS.size();
    }

    public double elapsedS() {
        return elapsedS;
    }

    public double setpointC() {
        return setpointC;
    }

    public double biasKw() {
        return biasKw;
    }

    public RelaySettings settings() {
        return settings;
    }
}
