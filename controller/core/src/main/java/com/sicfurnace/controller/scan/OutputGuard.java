package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs' last check before they leave the core: every value finite and within its I/O-list range. A value
 * that is not a number (a fault in the controller itself) is replaced by the last good one and reported; one
 * beyond its range is clamped to the range's end, as the device would refuse it.
 */
final class OutputGuard {
    private final List<Signal> outputs = new ArrayList<>();
    private final double[] min = new double[Signal.count()];
    private final double[] max = new double[Signal.count()];
    private final double[] lastGood = new double[Signal.count()];
    private String lastFault = "";

    OutputGuard(ProcessImage layout) {
        for (Signal s : Signal.values()) {
            if (!s.isInput() && layout.present(s)) {
                outputs.add(s);
                min[s.ordinal()] = layout.minimum(s);
                max[s.ordinal()] = layout.maximum(s);
                lastGood[s.ordinal()] = layout.minimum(s);
            }
        }
    }

    /** Returns false if an output was not a number this scan; {@link #lastFault()} names it. */
    boolean check(OutputImage out) {
        boolean finite = true;
        for (Signal s : outputs) {
            int i = s.ordinal();
            double value = out.value(s);
            if (!Double.isFinite(value)) {
                finite = false;
                lastFault = s.ioName() + " was " + value + ", kept at " + lastGood[i];
                value = lastGood[i];
            }
            value = Math.max(min[i], Math.min(max[i], value));
            out.set(s, value);
            lastGood[i] = value;
        }
        return finite;
    }

    /** The outputs a device refuses now, named; null when none is. */
    String refused(ProcessImage in) {
        StringBuilder names = null;
        for (Signal s : outputs) {
            if (in.refused(s)) {
                names = names == null ? new StringBuilder("refused: ") : names.append(", ");
                names.append(s.ioName());
            }
        }
        return names == null ? null : names.toString();
    }

    String lastFault() {
        return lastFault;
    }
}
