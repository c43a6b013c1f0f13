package com.sicfurnace.simulator.model;

/**
 * Chamber pressure from a gas balance, {@code V dp/dt = Q - S p}, integrated exactly over each step for the
 * current pumping speed so that a fast turbo pump cannot make the step unstable. Pumping paths: the turbo pump
 * behind the gate valve, and the roughing pump behind the roughing valve and the throttle valve. Gas comes from
 * the MFCs (through the gas valve), the vent valve, the leak and outgassing.
 */
final class VacuumSystem {
    /** One sccm is 1 cm³ of gas at 1013.25 mbar per minute. */
    static final double MBAR_L_PER_S_PER_SCCM = 1013.25 / 1000.0 / 60.0;
    private static final double MIN_PRESSURE_MBAR = 1e-10;
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
    private double pressureMbar;

    VacuumSystem(FurnaceConfig.Vacuum config) {
        this.config = config;
        this.gate = new Valve(config.valveTravelS());
        this.roughingValve = new Valve(config.valveTravelS());
        this.ventValve = new Valve(config.valveTravelS());
        this.roughingPump = new RoughingPump(config.roughingPump());
        this.turboPump = new TurboPump(config.turboPump());
        this.outgassing = new Outgassing(config.outgassing());
        this.pressureMbar = config.atmosphereMbar();
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
    void step(double dtS, double gasInSccm, double hotZoneK, double extraLeak, double burstMbarL,
              boolean roughingTripped, boolean turboTripped, Noise noise) {
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
        double gasLoad = gasInSccm * MBAR_L_PER_S_PER_SCCM + leak + vent * atmosphere
                + outgassing.step(dtS, pressureMbar, hotZoneK, burstMbarL, noise);
        double speed = pumpingSpeedLPerS() + vent + leak / atmosphere;
        integrate(dtS, gasLoad, speed);
        if (ventValve.fullyOpen() && pressureMbar > VENTED_ABOVE_FRACTION * atmosphere) {
            outgassing.vented();
        }
    }

    private void integrate(double dtS, double gasLoadMbarLPerS, double speedLPerS) {
        double volume = config.volumeL();
        if (speedLPerS > 0.0) {
            double equilibrium = gasLoadMbarLPerS / speedLPerS;
            pressureMbar = equilibrium + (pressureMbar - equilibrium) * Math.exp(-speedLPerS * dtS / volume);
        } else {
            pressureMbar += gasLoadMbarLPerS * dtS / volume;
        }
        pressureMbar = Math.max(pressureMbar, MIN_PRESSURE_MBAR);
    }

    private double pumpingSpeedLPerS() {
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
        return pressureMbar;
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
