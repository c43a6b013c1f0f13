package com.sicfurnace.controller.alarm;

/**
 * The alarm system's own rules, per furnace profile.
 *
 * @param maxShelveS  the longest any alarm may be shelved (a definition may set a shorter time)
 * @param flood       more than {@code activations} alarms within {@code windowS} is a flood; it ends when the
 *                    window holds {@code endsAtOrBelow} or fewer
 * @param chatter     {@code activations} or more activations of one alarm within {@code windowS} mark it chattering
 * @param staleAfterH an alarm active longer than this counts as stale in the run report
 */
public record AlarmSettings(double maxShelveS, Flood flood, Chatter chatter, double staleAfterH) {
    /** ISA-18.2's figures: floods above 10 alarms in 10 minutes, chattering at 3 in a minute, one shift's shelve. */
    public static final AlarmSettings DEFAULT = new AlarmSettings(8 * 3600.0, new Flood(10, 600.0, 5),
            new Chatter(3, 60.0), 24.0);

    public AlarmSettings {
        if (!(maxShelveS > 0) || flood == null || chatter == null || !(staleAfterH > 0)) {
            throw new IllegalArgumentException("alarms: max_shelve_s and stale_after_h must be positive, flood and "
                    + "chatter given");
        }
    }

    public record Flood(int activations, double windowS, int endsAtOrBelow) {
        public Flood {
            if (activations < 1 || !(windowS > 0) || endsAtOrBelow < 0 || endsAtOrBelow > activations) {
                throw new IllegalArgumentException("alarms.flood: activations >= 1, window_s > 0, "
                        + "0 <= ends_at_or_below <= activations");
            }
        }
    }

    public record Chatter(int activations, double windowS) {
        public Chatter {
            if (activations < 2 || !(windowS > 0)) {
                throw new IllegalArgumentException("alarms.chatter: activations >= 2, window_s > 0");
            }
        }
    }
}
