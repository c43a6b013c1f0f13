package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.user.Actor;
import java.util.Locale;

/**
 * How a restarted controller takes a run up again: how long it was away, how long it may have been away and still go
 * on by itself, and how long the PLC may take to clear its watchdog after the recovery's reset.
 *
 * @param outageS         furnace seconds from the checkpoint to the restart
 * @param maxOutageS      the longest outage after which the run goes on by itself; beyond, it is held for an operator
 * @param plcResetWindowS how long the recovery waits for the PLC to report its watchdog clear, furnace seconds (a
 *                        round trip over the field protocols: stretched by a simulator's speed)
 */
public record Recovery(double outageS, double maxOutageS, double plcResetWindowS) {
    /** Who acts when the controller recovers a run by itself: in the journal and the audit trail. */
    public static final Actor ACTOR = Actor.system("recovery");

    public Recovery {
        if (!(outageS >= 0) || !(maxOutageS >= 0) || !(plcResetWindowS > 0)) {
            throw new IllegalArgumentException("outage " + outageS + " s, limit " + maxOutageS + " s and PLC window "
                    + plcResetWindowS + " s must be positive numbers");
        }
    }

    /** The outage was short enough for the run to go on by itself. */
    public boolean withinLimit() {
        return outageS <= maxOutageS;
    }

    /** The outage and its limit, for the journal. */
    public String describe() {
        return String.format(Locale.ROOT, "outage %.1f s, %s the limit of %.0f s", outageS,
                withinLimit() ? "within" : "beyond", maxOutageS);
    }
}
