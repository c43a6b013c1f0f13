package com.sicfurnace.controller.tuning;

/**
 * How a relay test is run: the relay's amplitude {@code d} either side of the output the loop stood at, the band the
 * temperature must stay in around the setpoint (leaving it aborts the test), the relay's hysteresis against
 * measurement noise, how many steady cycles to measure (after one cycle of settling), and the longest the test may
 * take.
 */
public record RelaySettings(double amplitudeKw, double bandK, double hysteresisK, int cycles, double maxS) {
    /** The widest band an engineer may allow: more would spoil a growing crystal whatever the test finds. */
    public static final double MAX_BAND_K = 25.0;
    public static final int MAX_CYCLES = 10;

    /** Why these settings cannot run a test, or null. */
    public String problem() {
        if (!(amplitudeKw > 0) || !Double.isFinite(amplitudeKw)) {
            return "amplitude_kw must be positive, not " + amplitudeKw;
        } else if (!(hysteresisK >= 0) || !Double.isFinite(hysteresisK)) {
            return "hysteresis_k must not be negative, not " + hysteresisK;
        } else if (!(bandK > 2 * hysteresisK) || bandK > MAX_BAND_K) {
            return "band_k must lie above twice the hysteresis (" + 2 * hysteresisK + " K) and at most " + MAX_BAND_K
                    + " K, not " + bandK;
        } else if (cycles < 2 || cycles > MAX_CYCLES) {
            return "cycles must lie in 2.." + MAX_CYCLES + ", not " + cycles;
        } else if (!(maxS > 0) || !Double.isFinite(maxS)) {
            return "max_s must be positive, not " + maxS;
        }
        return null;
    }
}
