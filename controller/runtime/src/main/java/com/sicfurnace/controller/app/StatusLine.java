package com.sicfurnace.controller.app;

import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.Locale;

/**
 * The furnace's state in one log line, for runs watched from a terminal. A value the core does not have (no
 * setpoint yet, no usable gauge) reads "-".
 */
public final class StatusLine {
    private static final String MISSING = "-";

    private StatusLine() {
    }

    /** @param furnaceS furnace time since the run started, seconds */
    public static String of(ScanSnapshot s, double furnaceS) {
        RunStatus run = s.run();
        LoopStatus loops = s.loops();
        return String.format(Locale.ROOT, "t=%.2f h step %d '%s' %s | seed %s °C (sp %s) source %s °C (sp %s) | "
                        + "%s mbar (sp %s) | %.2f kW", furnaceS / 3600.0, run.stepNumber(), run.stepName(),
                run.state().label(), celsius(s.value(Signal.PYRO_TOP_C)), celsius(loops.seedSetpointC()),
                celsius(s.value(Signal.PYRO_BOTTOM_C)), celsius(loops.sourceSetpointC()), mbar(loops.pressureMbar()),
                mbar(loops.pressureSetpointMbar()), loops.powerDemandKw());
    }

    private static String celsius(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String mbar(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%.3g", value);
    }
}
