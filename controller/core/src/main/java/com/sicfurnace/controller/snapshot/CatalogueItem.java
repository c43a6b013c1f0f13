package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One value a snapshot holds: its name (with its unit as suffix, as in the I/O list), unit, type, the group it
 * belongs to (a subsystem of the furnace, or the controller's {@code control} and {@code run}), and how to read it
 * from a snapshot. {@code discrete} values (switches, modes, states, counts of things) change seldom and are
 * recorded when they change; the others are sampled.
 */
public final class CatalogueItem {
    /** How a value is represented: a measurement, a whole number, a switch or a word. */
    public enum Type { NUMBER, INTEGER, BOOLEAN, TEXT }

    private final String name;
    private final String unit;
    private final Type type;
    private final boolean discrete;
    private final String group;
    private final String description;
    private final Signal signal;
    private final Signal[] sources;
    private final ToDoubleFunction<ScanSnapshot> number;
    private final Function<ScanSnapshot, String> text;

    private CatalogueItem(String name, String unit, Type type, boolean discrete, String group, String description,
                          Signal signal, Signal[] sources, ToDoubleFunction<ScanSnapshot> number,
                          Function<ScanSnapshot, String> text) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.type = type;
        this.discrete = discrete;
        this.group = Objects.requireNonNull(group, "group");
        this.description = Objects.requireNonNull(description, "description");
        this.signal = signal;
        this.sources = sources;
        this.number = number;
        this.text = text;
    }

    static CatalogueItem signal(Signal signal, Type type, String group, String description) {
        return new CatalogueItem(signal.ioName(), signal.unit(), type, type == Type.BOOLEAN, group, description,
                signal, new Signal[] {signal}, s -> s.value(signal), null);
    }

    /** A measurement computed from inputs; its quality is theirs. */
    static CatalogueItem derived(String name, String unit, String group, String description,
                                 ToDoubleFunction<ScanSnapshot> read, Signal... inputs) {
        return new CatalogueItem(name, unit, Type.NUMBER, false, group, description, null, inputs.clone(), read,
                null);
    }

    static CatalogueItem number(String name, String unit, Type type, boolean discrete, String group,
                                String description, ToDoubleFunction<ScanSnapshot> read) {
        return new CatalogueItem(name, unit, type, discrete, group, description, null, new Signal[0], read, null);
    }

    static CatalogueItem text(String name, String group, String description, Function<ScanSnapshot, String> read) {
        return new CatalogueItem(name, "", Type.TEXT, true, group, description, null, new Signal[0], null, read);
    }

    public String name() {
        return name;
    }

    /** The unit as the I/O list writes it (°C, mbar, kW, sccm, L/min, ...); empty where none applies. */
    public String unit() {
        return unit;
    }

    public Type type() {
        return type;
    }

    public boolean discrete() {
        return discrete;
    }

    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** The I/O-list signal behind the value; empty for the controller's own values. */
    public Optional<Signal> signal() {
        return Optional.ofNullable(signal);
    }

    /** An input read from the furnace (it has a quality of its own). */
    public boolean isInput() {
        return signal != null && signal.isInput();
    }

    /** Whether the value has a quality of its own: an input, or a value computed from inputs. */
    public boolean measured() {
        return isInput() || signal == null && sources.length > 0;
    }

    /**
     * The value as a number: a measurement, a whole number, or 1/0 for a switch; NaN where it has none (a failed
     * sensor never read, a setpoint not yet set).
     *
     * @throws IllegalStateException for a TEXT value
     */
    public double number(ScanSnapshot snapshot) {
        if (number == null) {
            throw new IllegalStateException(name + " is text, not a number");
        }
        return number.applyAsDouble(snapshot);
    }

    /**
     * The value of a TEXT item.
     *
     * @throws IllegalStateException for any other type
     */
    public String text(ScanSnapshot snapshot) {
        if (text == null) {
            throw new IllegalStateException(name + " is a " + type + ", not text");
        }
        return text.apply(snapshot);
    }

    /**
     * An input's quality; for a value computed from inputs, the first of theirs that is not usable, else GOOD; the
     * controller's own values and the outputs are GOOD.
     */
    public Quality quality(ScanSnapshot snapshot) {
        if (isInput()) {
            return snapshot.quality(signal);
        }
        for (Signal source : sources) {
            Quality quality = snapshot.quality(source);
            if (!quality.usable()) {
                return quality;
            }
        }
        return Quality.GOOD;
    }

    @Override
    public String toString() {
        return name + (unit.isEmpty() ? "" : " [" + unit + "]");
    }
}
