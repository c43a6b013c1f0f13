package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.SignalSpec;
import java.util.List;

/**
 * Output values that change every iteration and stay inside their ranges, so that an adapter writing only what
 * changed writes every output every cycle: the same work as a bare loop that writes them all.
 */
public final class ChangingOutputs {
    private final List<SignalSpec> outputs;
    private final List<Signal> signals;

    public ChangingOutputs(List<SignalSpec> outputs) {
        this.outputs = List.copyOf(outputs);
        this.signals = outputs.stream().map(s -> Signal.byIoName(s.name())).toList();
    }

    /** Alternates between a quarter and a half of the signal's range (off and on for a boolean). */
    public static double value(SignalSpec spec, int iteration) {
        boolean odd = iteration % 2 == 1;
        if (spec.isBoolean()) {
            return odd ? 1.0 : 0.0;
        }
        double span = spec.maximum() - spec.minimum();
        return Math.round(spec.minimum() + span * (odd ? 0.5 : 0.25));
    }

    public void fill(OutputImage image, int iteration) {
        for (int i = 0; i < outputs.size(); i++) {
            image.set(signals.get(i), value(outputs.get(i), iteration));
        }
    }
}
