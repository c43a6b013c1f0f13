package com.sicfurnace.controller.tuning;

/**
 * Gains a tuning rule proposes for a loop, as the profile writes them: at the gain schedule's reference temperature
 * ({@code kp}, {@code tiS}, {@code tdS}), so that the schedule scales them as it scales the profile's. {@code
 * effectiveKp} and {@code effectiveTiS} are the gains the rule found at the test's setpoint, before that division.
 */
public record Proposal(String rule, double kp, double tiS, double tdS, double effectiveKp, double effectiveTiS) {
}
