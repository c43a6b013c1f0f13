package com.sicfurnace.simulator.plant;

import com.sicfurnace.simulator.model.SensorStatus;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** How one I/O-list signal reaches the model: a reading (with its sensor status) or a command. */
record Binding(DoubleSupplier reader, Supplier<SensorStatus> status, DoubleConsumer writer) {
    private static final Supplier<SensorStatus> ALWAYS_OK = () -> SensorStatus.OK;

    static Binding reading(DoubleSupplier reader) {
        return new Binding(reader, ALWAYS_OK, null);
    }

    static Binding sensor(DoubleSupplier reader, Supplier<SensorStatus> status) {
        return new Binding(reader, status, null);
    }

    static Binding flag(BooleanSupplier reader) {
        return new Binding(() -> reader.getAsBoolean() ? 1.0 : 0.0, ALWAYS_OK, null);
    }

    static Binding command(DoubleConsumer writer) {
        return new Binding(null, ALWAYS_OK, writer);
    }

    boolean writable() {
        return writer != null;
    }
}
