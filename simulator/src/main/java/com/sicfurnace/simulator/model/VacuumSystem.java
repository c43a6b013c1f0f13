package com.sicfurnace.simulator.model;

/**
 * Chamber pressure from a gas balance, {@code V dp/dt = Q - S p}, integrated exactly over each step for the
 * current pumping speed so that a fast turbo pump cannot make the step unstable. Pumping paths: the turbo pump
 * behind the gate valve, and the roughing pump behind the roughing valve and the throttle valve. Gas comes from
 * the MFCs (through the gas valve), the vent valve, the leak and outgassing. The vapour desorbed from the surfaces
 * is balanced apart, {@code V dp_v/dt = Q_v - (S + S_a) p_v}, because the surfaces take it back at the re-adsorption
 * speed {@code S_a}; the chamber pressure is the sum of both partial pressures.
 */
final class VacuumSystem {
    /** One sccm is 1 cm³ of gas at 1013.25 mbar per minute. */
    static final double MBAR_L_PER_S_PER_SCCM = 1013.25 / 1000.0 / 60.0;
    private static final double MIN_PRESSURE_MBAR = 1e-10;
    /** Vapour below this, with none desorbing, is gone: far below the lowest chamber pressure. */
    private static final double NO_VAPOUR_MBAR = 1e-15;
    private static final double VENTED_ABOVE_FRACTION = 0.9;

    private final FurnaceConfig.Vacuum config;
    private final Valve gate;
    private final Valve roughingValve;
    private final Valve ventValve;
    private final RoughingPump roughingPump;
    private final TurboPump turboPump;
    private final Outgassing outgassing;
    private double throttleSetpointPct;
    private double throttlePct;
    /** Partial pressure of everything but the surfaces' vapour: process gas, air, gas from the felt. */
    private double gasMbar;
    /** Partial pressure of the vapour desorbed from the surfaces, which re-adsorbs. */
    private double vapourMbar;

    VacuumSystem(FurnaceConfig.Vacuum config) {
        this.config = config;
        this.gate = new Valve(config.valveTravelS());
        this.roughingValve = new Valve(config.valveTravelS());
        this.ventValve = new Valve(config.valveTravelS());
        this.roughingPump = new RoughingPump(config.roughingPump());
        this.turboPump = new TurboPump(config.turboPump());
        this.outgassing = new Outgassing(config.outgassing());
        this.gasMbar = config.atmosphereMbar();
    }

    void command(boolean gateOpen, boolean roughingOpen, boolean ventOpen, double throttleSetpointPct,
                 boolean roughingPumpRun, boolean turboRun) {
        gate.command(gateOpen);
        roughingValve.command(roughingOpen);
        ventValve.command(ventOpen);
        this.throttleSetpointPct = Math.max(0.0, Math.min(100.0, throttleSetpointPct));
        roughingPump.command(roughingPumpRun);
        turboPump.command(turboRun);
    }

    /**
     * @param gasInSccm     total flow the MFCs deliver into the chamber
     * @param extraLeak     leak added by fault injection, mbar·L/s
     */
    void step(double dtS, double gasInSccm, double hotZoneK, double surfaceK, double extraLeak, double burstMbarL,
              boolean roughingTripped, boolean turboTripped, Noise noise) {
        double pressureMbar = pressureMbar();
        gate.step(dtS);
        roughingValve.step(dtS);
        ventValve.step(dtS);
        double maxMove = config.throttle().speedPctPerS() * dtS;
        throttlePct += Math.max(-maxMove, Math.min(maxMove, throttleSetpointPct - throttlePct));
        roughingPump.step(dtS, roughingTripped);
        turboPump.step(dtS, roughingPump.running(), turboTripped, gate.opening() > 0 ? pressureMbar : 0.0);

        double atmosphere = config.atmosphereMbar();
        double leak = config.leakMbarLPerS() + extraLeak;
        double vent = config.ventConductanceLPerS() * ventValve.opening();
        outgassing.step(dtS, pressureMbar, hotZoneK, surfaceK, burstMbarL, noise);
        double gasLoad = gasInSccm * MBAR_L_PER_S_PER_SCCM + leak + vent * atmosphere + outgassing.gasMbarLPerS();
        double speed = pumpingSpeedLPerS(pressureMbar) + vent + leak / atmosphere;
        gasMbar = Math.max(integrate(dtS, gasMbar, gasLoad, speed), MIN_PRESSURE_MBAR);
        stepVapour(dtS, speed);
        if (ventValve.fullyOpen() && pressureMbar() > VENTED_ABOVE_FRACTION * atmosphere) {
            outgassing.vented();
        }
    }

    /**
     * The vapour's partial pressure over one step, and what the surfaces take back meanwhile. Under process gas
     * nothing desorbs and the vapour is soon pumped away: then there is nothing to compute.
     */
    private void stepVapour(double dtS, double speedLPerS) {
        double load = outgassing.vapourMbarLPerS();
        if (load == 0.0 && vapourMbar < NO_VAPOUR_MBAR) {
            vapourMbar = 0.0;
            return;
        }
        double readsorption = config.outgassing().readsorptionLPerS();
        double before = vapourMbar;
        vapourMbar = integrate(dtS, before, load, speedLPerS + readsorption);
        outgassing.readsorbed(readsorption * integral(dtS, before, load, speedLPerS + readsorption));
    }

    /** The partial pressure {@code p} after {@code dtS} with a constant load and pumping speed, solved exactly. */
    private double integrate(double dtS, double p, double loadMbarLPerS, double speedLPerS) {
        double volume = config.volumeL();
        if (speedLPerS > 0.0) {
            double equilibrium = loadMbarLPerS / speedLPerS;
            return equilibrium + (p - equilibrium) * Math.exp(-speedLPerS * dtS / volume);
        }
        return p + loadMbarLPerS * dtS / volume;
    }

    /** The time integral of that partial pressure over the step, mbar·s. */
    private double integral(double dtS, double p, double loadMbarLPerS, double speedLPerS) {
        double volume = config.volumeL();
        if (speedLPerS > 0.0) {
            double equilibrium = loadMbarLPerS / speedLPerS;
            return equilibrium * dtS - (p - equilibrium) * volume / speedLPerS
                    * Math.expm1(-speedLPerS * dtS / volume);
        }
        return p * dtS + loadMbarLPerS * dtS * dtS / (2.0 * volume);
    }

    private double pumpingSpeedLPerS(double pressureMbar) {
        double highVacuum = series(turboPump.speedLPerS(pressureMbar), config.gateConductanceLPerS() * gate.opening());
        double roughingLine = series(roughingPump.speedLPerS(pressureMbar),
                throttleConductanceLPerS() * roughingValve.opening());
        return highVacuum + roughingLine;
    }

    /** Equal-percentage characteristic: closed at 0 %, full conductance at 100 %. */
    private double throttleConductanceLPerS() {
        FurnaceConfig.Throttle t = config.throttle();
        double a = t.characteristic();
        return t.maxConductanceLPerS() * Math.expm1(a * throttlePct / 100.0) / Math.expm1(a);
    }

    private static double series(double a, double b) {
        return a <= 0.0 || b <= 0.0 ? 0.0 : a * b / (a + b);
    }

    double pressureMbar() {
        return gasMbar + vapourMbar;
    }

    /** The surfaces' vapour's share of the chamber pressure, mbar. */
    double vapourPressureMbar() {
        return vapourMbar;
    }

    /** Gas the surfaces still hold adsorbed, mbar·L. */
    double adsorbedMbarL() {
        return outgassing.surfaceMbarL();
    }

    /** Gas released by outgassing in the last step (vapour and gas), mbar·L/s. */
    double outgassingMbarLPerS() {
        return outgassing.vapourMbarLPerS() + outgassing.gasMbarLPerS();
    }

    double throttlePct() {
        return throttlePct;
    }

    boolean gateOpen() {
        return gate.fullyOpen();
    }

    boolean roughingValveOpen() {
        return roughingValve.fullyOpen();
    }

    boolean ventValveOpen() {
        return ventValve.fullyOpen();
    }

    RoughingPump roughingPump() {
        return roughingPump;
    }

    TurboPump turboPump() {
        return turboPump;
    }
}
