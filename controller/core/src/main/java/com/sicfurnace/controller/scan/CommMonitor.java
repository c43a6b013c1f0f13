package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which field devices the controller has lost. A device is lost while any of its inputs has been stale for
 * {@code stale_scans} consecutive scans or more; the monitor also tells how long the current loss has lasted and
 * whether the signals a loop needs are lost.
 */
final class CommMonitor {
    private final int staleScans;
    private final Map<String, List<Signal>> inputsByDevice = new LinkedHashMap<>();
    private final Set<String> lost = new TreeSet<>();
    private double lossS;

    CommMonitor(FurnaceProfile.Comm comm, ProcessImage image) {
        this.staleScans = comm.staleScans();
        for (Signal s : Signal.values()) {
            if (s.isInput() && image.present(s)) {
                inputsByDevice.computeIfAbsent(image.device(s), d -> new ArrayList<>()).add(s);
            }
        }
    }

    void update(ProcessImage in, double dtS) {
        lost.clear();
        inputsByDevice.forEach((device, inputs) -> {
            for (Signal s : inputs) {
                if (in.staleScans(s) >= staleScans) {
                    lost.add(device);
                    return;
                }
            }
        });
        lossS = lost.isEmpty() ? 0.0 : lossS + dtS;
    }

    /** True if a signal is stale beyond the tolerance: its loop must not act on it. */
    boolean lost(ProcessImage in, Signal signal) {
        return in.staleScans(signal) >= staleScans;
    }

    boolean anyLost() {
        return !lost.isEmpty();
    }

    Set<String> devices() {
        return inputsByDevice.keySet();
    }

    boolean deviceLost(String device) {
        return lost.contains(device);
    }

    /** How long communication has been incomplete, seconds; 0 while every device answers. */
    double lossS() {
        return lossS;
    }
}
