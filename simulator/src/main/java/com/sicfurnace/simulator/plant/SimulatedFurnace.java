package com.sicfurnace.simulator.plant;

import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.fault.Faults;
import com.sicfurnace.simulator.model.FurnaceConfig;
import com.sicfurnace.simulator.model.FurnaceModel;
import com.sicfurnace.simulator.model.SensorStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The simulated furnace as the outside world sees it: the signals of the I/O list, read and written by name or
 * by index, over a physics model. Protocol servers and the in-process binding all go through this class, so
 * whatever the transport, the furnace obeys the same contract.
 *
 * <p>Writes are checked as the real devices check them: inputs cannot be written, values must lie in the
 * signal's range, booleans must be 0 or 1. A written output reads back as written; before its first write, as the
 * command the model starts with (a device reports the setpoint it holds). Not thread-safe: callers that
 * serve several threads synchronise on this object.
 */
public final class SimulatedFurnace {
    private final FurnaceModel model;
    private final List<SignalSpec> signals;
    private final Map<String, Integer> indexByName;
    private final Binding[] bindings;
    private final double[] written;

    public SimulatedFurnace(FurnaceConfig config, long seed, double stepS) {
        this(new FurnaceModel(config, seed, stepS, new Faults()), IoList.fromClasspath());
    }

    public SimulatedFurnace(FurnaceModel model, IoList ioList) {
        this.model = model;
        this.signals = ioList.forFurnace(model.config().furnace()).signals();
        Map<String, Binding> table = PlantSignals.bind(model, new OutputLatch(model));
        requireExactCoverage(table);
        this.bindings = new Binding[signals.size()];
        this.written = new double[signals.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalSpec spec = signals.get(i);
            bindings[i] = table.get(spec.name());
            index.put(spec.name(), i);
            if (spec.direction() == Direction.OUT && !bindings[i].writable()) {
                throw new IllegalStateException("output '" + spec.name() + "' is bound to a reading");
            }
            if (spec.direction() == Direction.OUT && !spec.inRange(bindings[i].initial())) {
                throw new IllegalStateException("output '" + spec.name() + "' starts at " + bindings[i].initial()
                        + ", outside its range " + spec.minimum() + ".." + spec.maximum() + " " + spec.unit()
                        + ": check the " + model.config().furnace() + " furnace configuration");
            }
            written[i] = bindings[i].initial();
        }
        this.indexByName = Map.copyOf(index);
    }

    private void requireExactCoverage(Map<String, Binding> table) {
        TreeSet<String> missing = new TreeSet<>();
        signals.forEach(s -> {
            if (!table.containsKey(s.name())) {
                missing.add(s.name());
            }
        });
        TreeSet<String> extra = new TreeSet<>(table.keySet());
        signals.forEach(s -> extra.remove(s.name()));
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalStateException("the " + model.config().furnace() + " simulator does not serve exactly "
                    + "the I/O list: missing " + missing + ", not in the list " + extra);
        }
    }

    public List<SignalSpec> signals() {
        return signals;
    }

    /** Index of a signal for fast access; an unknown name is refused with the name. */
    public int index(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new SignalAccessException(SignalAccessException.Reason.UNKNOWN_SIGNAL,
                    "unknown signal '" + name + "': the " + model.config().furnace() + " furnace has no such signal");
        }
        return i;
    }

    public double read(int index) {
        Binding binding = bindings[index];
        return binding.writable() ? written[index] : binding.reader().getAsDouble();
    }

    public double read(String name) {
        return read(index(name));
    }

    public SensorStatus status(int index) {
        return bindings[index].status().get();
    }

    public void write(int index, double value) {
        SignalSpec spec = signals.get(index);
        if (!bindings[index].writable()) {
            throw new SignalAccessException(SignalAccessException.Reason.NOT_WRITABLE,
                    "signal '" + spec.name() + "' is an input and cannot be written");
        }
        if (Double.isNaN(value) || !spec.inRange(value) || (spec.isBoolean() && value != 0.0 && value != 1.0)) {
            throw new SignalAccessException(SignalAccessException.Reason.OUT_OF_RANGE,
                    "value " + value + " for '" + spec.name() + "' is outside its range " + spec.minimum() + ".."
                            + spec.maximum() + " " + spec.unit());
        }
        written[index] = value;
        bindings[index].writer().accept(value);
    }

    public void write(String name, double value) {
        write(index(name), value);
    }

    public void advance(double seconds) {
        model.advance(seconds);
    }

    public FurnaceModel model() {
        return model;
    }

    public Faults faults() {
        return model.faults();
    }
}
