package com.sicfurnace.controller.vacuum;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;

/**
 * One chamber pressure from three gauges, each used where it is accurate: the capacitance manometer above
 * {@code cdgMinMbar}, the ion gauge (when on) below {@code ionMaxMbar}, the Pirani in between. While the gauge
 * controller is out of reach the last values it sent are used, marked stale.
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
        if (in.known(Signal.CDG_PRESSURE_MBAR) && in.value(Signal.CDG_PRESSURE_MBAR) >= settings.cdgMinMbar()) {
            take(in, Signal.CDG_PRESSURE_MBAR);
        } else if (in.known(Signal.ION_GAUGE_ON) && in.value(Signal.ION_GAUGE_ON) != 0
                && in.known(Signal.ION_GAUGE_PRESSURE_MBAR)
                && in.value(Signal.ION_GAUGE_PRESSURE_MBAR) <= settings.ionMaxMbar()) {
            take(in, Signal.ION_GAUGE_PRESSURE_MBAR);
        } else if (in.known(Signal.PIRANI_PRESSURE_MBAR)) {
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

    /** A fresh reading from a gauge that works: the pressure loop may act on it. */
    public boolean usable() {
        return quality.usable();
    }

    /** Fresh or the last the gauge sent before its controller went out of reach; false once every gauge failed. */
    public boolean known() {
        return quality != Quality.BAD && !Double.isNaN(mbar);
    }

    public Signal source() {
        return source;
    }
}
