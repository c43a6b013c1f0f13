package com.sicfurnace.controller.io.inprocess;

import com.sicfurnace.controller.io.FurnaceIoException;
import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.SensorStatus;
import com.sicfurnace.simulator.plant.SignalAccessException;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds the controller to a simulated furnace in the same process, by I/O-list name, for virtual-time runs: the
 * same contract the OPC UA and Modbus adapters serve, without the sockets. Outputs are written when they change,
 * as a PLC's output image would pass them on.
 */
public final class InProcessFurnaceIo implements FurnaceIo {
    private final SimulatedFurnace furnace;
    private final Signal[] inputs;
    private final int[] inputIndex;
    private final Signal[] outputs;
    private final int[] outputIndex;
    private final double[] lastWritten;

    public InProcessFurnaceIo(SimulatedFurnace furnace) {
        this.furnace = furnace;
        List<Signal> in = new ArrayList<>();
        List<Signal> out = new ArrayList<>();
        for (SignalSpec spec : furnace.signals()) {
            (spec.direction() == Direction.IN ? in : out).add(Signal.byIoName(spec.name()));
        }
        this.inputs = in.toArray(Signal[]::new);
        this.outputs = out.toArray(Signal[]::new);
        this.inputIndex = in.stream().mapToInt(s -> furnace.index(s.ioName())).toArray();
        this.outputIndex = out.stream().mapToInt(s -> furnace.index(s.ioName())).toArray();
        this.lastWritten = new double[outputs.length];
        Arrays.fill(lastWritten, Double.NaN);
    }

    @Override
    public void readInputs(ProcessImage image) {
        for (int i = 0; i < inputs.length; i++) {
            double value = furnace.read(inputIndex[i]);
            Quality quality = furnace.status(inputIndex[i]) == SensorStatus.FAILED ? Quality.BAD : Quality.GOOD;
            image.update(inputs[i], value, quality);
        }
    }

    @Override
    public void writeOutputs(OutputImage image) {
        for (int i = 0; i < outputs.length; i++) {
            double value = image.value(outputs[i]);
            if (Double.compare(value, lastWritten[i]) != 0) {
                write(i, value);
            }
        }
    }

    private void write(int i, double value) {
        try {
            furnace.write(outputIndex[i], value);
            lastWritten[i] = value;
        } catch (SignalAccessException e) {
            throw new FurnaceIoException("furnace refused " + outputs[i].ioName() + " = " + value + ": "
                    + e.getMessage(), e);
        }
    }

    public SimulatedFurnace furnace() {
        return furnace;
    }

    @Override
    public void close() {
        // nothing to release: the simulated furnace lives in this process
    }
}
