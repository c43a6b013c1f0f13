package com.sicfurnace.controller.io.opcua;

import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * The latest value and status of every PLC input, as notifications and reads deliver them (on Milo's threads and
 * the I/O thread), handed to the scan thread.
 */
final class LiveValues {
    private final List<NodeBinding> inputs;
    private final double[] values;
    private final Quality[] qualities;
    private final boolean[] received;

    LiveValues(List<NodeBinding> inputs) {
        this.inputs = List.copyOf(inputs);
        this.values = new double[inputs.size()];
        this.qualities = new Quality[inputs.size()];
        this.received = new boolean[inputs.size()];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(qualities, Quality.BAD);
    }

    synchronized void publish(int index, DataValue value) {
        StatusCode status = value.statusCode();
        values[index] = NodeBinding.toDouble(value.value().value());
        qualities[index] = status == null || status.isGood() || status.isUncertain() ? Quality.GOOD : Quality.BAD;
        received[index] = true;
    }

    /**
     * Copies the values into the image, fresh while data flows, stale (last values kept) otherwise. An input that
     * has not arrived yet is stale too: a subscription can report healthy (a keep-alive) before its first values,
     * and an empty slot taken as a bad reading would trip the interlocks.
     */
    synchronized void drainInto(ProcessImage image, boolean dataFlowing) {
        for (int i = 0; i < inputs.size(); i++) {
            if (dataFlowing && received[i]) {
                image.update(inputs.get(i).signal(), values[i], qualities[i]);
            } else {
                image.markStale(inputs.get(i).signal());
            }
        }
    }
}
