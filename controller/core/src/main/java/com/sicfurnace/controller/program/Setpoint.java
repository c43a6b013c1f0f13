package com.sicfurnace.controller.program;

import java.util.Locale;

/** The programmer's setpoints an engineer may override while a run is held in a soak or a wait. */
public enum Setpoint {
    SEED_C(Channels.SEED), SOURCE_C(Channels.SOURCE), POWER_KW(Channels.POWER), PRESSURE_MBAR(Channels.PRESSURE),
    ARGON_SCCM(Channels.ARGON), NITROGEN_SCCM(Channels.NITROGEN);

    private final int channel;

    Setpoint(int channel) {
        this.channel = channel;
    }

    int channel() {
        return channel;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
