package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Takes the snapshot at the end of each scan: copies the process and output images into fresh arrays (the images
 * change with the next scan) and joins the core's already immutable parts. Allocation per scan: two arrays of one
 * element per signal, the snapshot and its two status records; alarm and trip sets are shared until they change.
 */
public final class SnapshotTaker {
    private static final Signal[] SIGNALS = Signal.values();
    private static final byte GOOD = (byte) Quality.GOOD.ordinal();
    private static final byte BAD = (byte) Quality.BAD.ordinal();

    private final boolean[] present = new boolean[SIGNALS.length];

    /** @param layout a process image of this furnace: which signals it has */
    public SnapshotTaker(ProcessImage layout) {
        for (Signal s : SIGNALS) {
            present[s.ordinal()] = layout.present(s);
        }
    }

    public ScanSnapshot take(long scan, Instant time, ProcessImage in, OutputImage out, LoopStatus loops,
                             RunStatus run, Map<AlarmId, AlarmState> alarms, Set<AlarmId> activeAlarms,
                             Set<Trip> latchedTrips, long lastEventSeq) {
        double[] values = new double[SIGNALS.length];
        byte[] qualities = new byte[SIGNALS.length];
        for (Signal s : SIGNALS) {
            int i = s.ordinal();
            if (!present[i]) {
                values[i] = Double.NaN;
                qualities[i] = BAD;
            } else if (s.isInput()) {
                values[i] = in.value(s);
                qualities[i] = (byte) in.quality(s).ordinal();
            } else {
                values[i] = out.value(s);
                qualities[i] = GOOD;
            }
        }
        return new ScanSnapshot(scan, time, values, qualities, loops, run, alarms, activeAlarms, latchedTrips,
                lastEventSeq);
    }
}
