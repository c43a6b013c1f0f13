package com.sicfurnace.controller.program;

/**
 * The programmer's six working setpoints as one immutable value, for a checkpoint: seed and source temperature (°C),
 * heater power (kW), chamber pressure (mbar), argon and nitrogen flow (sccm). NaN means "not set", as in the
 * programmer.
 */
public record Setpoints(double seedC, double sourceC, double powerKw, double pressureMbar, double argonSccm,
                        double nitrogenSccm) {
    static Setpoints of(Channels c) {
        return new Setpoints(c.get(Channels.SEED), c.get(Channels.SOURCE), c.get(Channels.POWER),
                c.get(Channels.PRESSURE), c.get(Channels.ARGON), c.get(Channels.NITROGEN));
    }

    void into(Channels c) {
        c.set(Channels.SEED, seedC);
        c.set(Channels.SOURCE, sourceC);
        c.set(Channels.POWER, powerKw);
        c.set(Channels.PRESSURE, pressureMbar);
        c.set(Channels.ARGON, argonSccm);
        c.set(Channels.NITROGEN, nitrogenSccm);
    }
}
