package com.sicfurnace.controller.io.inprocess;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the controller to a simulated furnace in the same process, by I/O-list name, for virtual-time runs: the
 * same contract the OPC UA and Modbus adapters serve, without the sockets. Outputs are written when they change,
 * as a PLC's output image would pass them on. Communication faults come through the {@link InProcessLinks}: a
 * device out of reach gives stale inputs and takes no outputs (they are written once it answers again), a device
 * answering with exceptions gives BAD inputs.
 */
public final class InProcessFurnaceIo implements FurnaceIo {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessFurnaceIo.class);
    private final SimulatedFurnace furnace;
    private final InProcessLinks links;
    private final Signal[] inputs;
    private final int[] inputIndex;
    private final int[] inputDevice;
    private final Signal[] outputs;
    private final int[] outputIndex;
    private final int[] outputDevice;
    private final double[] lastWritten;
    private final long[] refusedInARow;
    private long refusedWrites;

    /** A furnace whose every device answers. */
    public InProcessFurnaceIo(SimulatedFurnace furnace) {
        this(furnace, new InProcessLinks(furnace.signals()));
    }

    public InProcessFurnaceIo(SimulatedFurnace furnace, InProcessLinks links) {
        this.furnace = furnace;
        this.links = links;
        List<SignalSpec> in = new ArrayList<>();
        List<SignalSpec> out = new ArrayList<>();
        for (SignalSpec spec : furnace.signals()) {
            (spec.direction() == Direction.IN ? in : out).add(spec);
        }
        this.inputs = in.stream().map(s -> Signal.byIoName(s.name())).toArray(Signal[]::new);
        this.outputs = out.stream().map(s -> Signal.byIoName(s.name())).toArray(Signal[]::new);
        this.inputIndex = in.stream().mapToInt(s -> furnace.index(s.name())).toArray();
        this.outputIndex = out.stream().mapToInt(s -> furnace.index(s.name())).toArray();
        this.inputDevice = in.stream().mapToInt(s -> links.device(s.device())).toArray();
        this.outputDevice = out.stream().mapToInt(s -> links.device(s.device())).toArray();
        this.lastWritten = new double[outputs.length];
        Arrays.fill(lastWritten, Double.NaN);
        this.refusedInARow = new long[outputs.length];
    }

    @Override
    public void readInputs(ProcessImage image) {
        for (int i = 0; i < inputs.length; i++) {
            switch (links.link(inputDevice[i])) {
                case ANSWERS -> {
                    double value = furnace.read(inputIndex[i]);
                    Quality quality = furnace.status(inputIndex[i]) == SensorStatus.FAILED ? Quality.BAD
                            : Quality.GOOD;
                    image.update(inputs[i], value, quality);
                }
                case SILENT -> image.markStale(inputs[i]);
                // as the Modbus adapter reads an exception response: no value, and the device says it failed
                case EXCEPTION -> image.update(inputs[i], Double.NaN, Quality.BAD);
                default -> throw new IllegalStateException("unhandled link " + links.link(inputDevice[i]));
            }
        }
    }

    @Override
    public void writeOutputs(OutputImage image) {
        for (int i = 0; i < outputs.length; i++) {
            double value = image.value(outputs[i]);
            boolean answers = links.link(outputDevice[i]) == InProcessLinks.Link.ANSWERS;
            if (Double.compare(value, lastWritten[i]) != 0 && answers) {
                write(i, value);
            }
        }
    }

    /**
     * Writes one output. A value the device refuses (NaN, out of range) is refused as the PLC and the Modbus devices
     * refuse it: the device keeps its last value, the refusal is logged (once until the signal is accepted again)
     * and counted, and the run goes on, as it does over the network adapters.
     */
    private void write(int i, double value) {
        try {
            furnace.write(outputIndex[i], value);
            lastWritten[i] = value;
            if (refusedInARow[i] > 0) {
                LOG.info("furnace accepts {} again ({}) after {} refused writes", outputs[i].ioName(), value,
                        refusedInARow[i]);
                refusedInARow[i] = 0;
            }
        } catch (SignalAccessException e) {
            refusedWrites++;
            if (refusedInARow[i]++ == 0) {
                LOG.error("furnace refused {} = {}, keeps {}: {}", outputs[i].ioName(), value, lastWritten[i],
                        e.getMessage());
            }
        }
    }

    /** How many writes the furnace refused in this run. */
    public long refusedWrites() {
        return refusedWrites;
    }

    public SimulatedFurnace furnace() {
        return furnace;
    }

    @Override
    public void close() {
        // nothing to release: the simulated furnace lives in this process
    }
}
