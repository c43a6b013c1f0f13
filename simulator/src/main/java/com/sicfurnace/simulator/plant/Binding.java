package com.sicfurnace.simulator.plant;

import com.sicfurnace.simulator.model.SensorStatus;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * How one I/O-list signal reaches the model: a reading (with its sensor status) or a command. A command reads
 * back as last written, and before the first write as {@code initial}: the command the model starts with.
 */
record Binding(DoubleSupplier reader, Supplier<SensorStatus> status, DoubleConsumer writer, double initial) {
    private static final Supplier<SensorStatus> ALWAYS_OK = () -> SensorStatus.OK;

    static Binding reading(DoubleSupplier reader) {
        return new Binding(reader, ALWAYS_OK, null, Double.NaN);
    }

    static Binding sensor(DoubleSupplier reader, Supplier<SensorStatus> status) {
        return new Binding(reader, status, null, Double.NaN);
    }

    static Binding flag(BooleanSupplier reader) {
        return new Binding(() -> reader.getAsBoolean() ? 1.0 : 0.0, ALWAYS_OK, null, Double.NaN);
    }

    /** A command the model starts at 0 (off, closed, zero setpoint). */
    static Binding command(DoubleConsumer writer) {
        return command(writer, 0.0);
    }

    static Binding command(DoubleConsumer writer, double initial) {
        return new Binding(null, ALWAYS_OK, writer, initial);
    }

    boolean writable() {
        return writer != null;
    }
}
