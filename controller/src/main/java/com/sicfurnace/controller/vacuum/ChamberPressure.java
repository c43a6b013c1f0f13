package com.sicfurnace.controller.vacuum;

import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;

/**
 * One chamber pressure from three gauges, each used where it is accurate: the capacitance manometer above
 * {@code cdgMinMbar}, the ion gauge (when on) below {@code ionMaxMbar}, the Pirani in between.
 */
public final class ChamberPressure {
    private final FurnaceProfile.Vacuum settings;
    private double mbar = Double.NaN;
    private Quality quality = Quality.BAD;
    private Signal source = Signal.CDG_PRESSURE_MBAR;

    public ChamberPressure(FurnaceProfile.Vacuum settings) {
        this.settings = settings;
    }

    public void update(ProcessImage in) {
        if (in.usable(Signal.CDG_PRESSURE_MBAR) && in.value(Signal.CDG_PRESSURE_MBAR) >= settings.cdgMinMbar()) {
            take(in, Signal.CDG_PRESSURE_MBAR);
        } else if (in.isOn(Signal.ION_GAUGE_ON) && in.usable(Signal.ION_GAUGE_PRESSURE_MBAR)
                && in.value(Signal.ION_GAUGE_PRESSURE_MBAR) <= settings.ionMaxMbar()) {
            take(in, Signal.ION_GAUGE_PRESSURE_MBAR);
        } else if (in.usable(Signal.PIRANI_PRESSURE_MBAR)) {
            take(in, Signal.PIRANI_PRESSURE_MBAR);
        } else {
            take(in, Signal.CDG_PRESSURE_MBAR);
        }
    }

    private void take(ProcessImage in, Signal gauge) {
        source = gauge;
        mbar = in.value(gauge);
        quality = in.quality(gauge);
    }

    public double mbar() {
        return mbar;
    }

    /** Usable unless every gauge that could read this pressure has failed. */
    public boolean usable() {
        return quality.usable();
    }

    public Signal source() {
        return source;
    }
}
