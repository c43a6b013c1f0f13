package com.sicfurnace.controller.tuning;

/**
 * What a finished relay test measured and proposes.
 *
 * @param ultimateGain   Ku = 4d / (π √(a² − ε²)), output units per measurement unit (kW/K), at the test's setpoint
 * @param ultimatePeriodS Pu, the mean period of the measured cycles
 * @param amplitudeKw    the relay's amplitude d
 * @param oscillationK   the measured oscillation's amplitude a (half of peak to peak), mean over the cycles
 * @param cycles         how many cycles were measured
 * @param setpointC      the setpoint the test held
 * @param proposal       the gains the tuning rule proposes, at the profile's reference temperature
 */
public record RelayResult(double ultimateGain, double ultimatePeriodS, double amplitudeKw, double oscillationK,
                          int cycles, double setpointC, Proposal proposal) {
}
