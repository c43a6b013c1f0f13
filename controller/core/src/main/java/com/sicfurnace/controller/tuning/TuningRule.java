package com.sicfurnace.controller.tuning;

/**
 * From the ultimate gain and period to PI gains: the Tyreus–Luyben rule, Kp = Ku / 3.2, Ti = 2.2 Pu. Chosen over
 * Ziegler–Nichols (Kp = 0.45 Ku, Ti = Pu / 1.2), which aims at a quarter-amplitude decay: an overshoot of that size
 * at a growth interface makes defects, and the seed loop already has the power curve as feed-forward, so it needs
 * robustness (a gain margin of about 3) more than speed. No derivative: the seed loop has no derivative filter and
 * the pyrometer's noise would reach the supply.
 *
 * <p>The loop's gains are scheduled on the setpoint (gain times {@code gainScale}, times times {@code timeScale});
 * the rule's gains hold at the test's setpoint, so they are divided by the schedule's factors there to give the
 * reference gains the profile and {@code tune} speak of.
 */
public final class TuningRule {
    public static final String NAME = "tyreus-luyben PI";
    private static final double GAIN_DIVISOR = 3.2;
    private static final double INTEGRAL_PERIODS = 2.2;

    private TuningRule() {
    }

    public static Proposal propose(double ultimateGain, double ultimatePeriodS, double gainScale, double timeScale) {
        double kp = ultimateGain / GAIN_DIVISOR;
        double tiS = INTEGRAL_PERIODS * ultimatePeriodS;
        return new Proposal(NAME, kp / gainScale, tiS / timeScale, 0.0, kp, tiS);
    }
}
