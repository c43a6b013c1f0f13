package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.alarm.AlarmBoard;
import com.sicfurnace.controller.safety.SafetyStatus;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.Arrays;

/**
 * Takes the snapshot at the end of each scan: copies the process image's values and qualities (the image changes
 * with the next scan), puts the outputs as commanded over the outputs' places, and joins the core's already
 * immutable parts. Allocation per scan: two arrays of one element per signal, the snapshot and its run status; the
 * loop status, alarm board and trip set are shared until they change.
 */
public final class SnapshotTaker {
    private final Signal[] outputs;

    /** @param layout a process image of this furnace: which signals it has */
    public SnapshotTaker(ProcessImage layout) {
        this.outputs = Arrays.stream(Signal.values()).filter(s -> !s.isInput() && layout.present(s))
                .toArray(Signal[]::new);
    }

    public ScanSnapshot take(long scan, Instant time, ProcessImage in, OutputImage out, LoopStatus loops,
                             RunStatus run, AlarmBoard alarms, SafetyStatus safety, LoopTunings tunings,
                             long lastEventSeq) {
        double[] values = in.copyOfValues();
        for (Signal output : outputs) {
            values[output.ordinal()] = out.value(output);
        }
        return new ScanSnapshot(scan, time, values, in.copyOfQualities(), loops, run, alarms, safety, tunings,
                lastEventSeq);
    }
}
