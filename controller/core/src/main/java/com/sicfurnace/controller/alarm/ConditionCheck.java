package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The condition of one data-driven alarm: a comparison with hysteresis (the deadband), a filtered rate of change,
 * a discrete input or lost devices. Knows why, when asked ({@link #describe()}), from the last value it saw.
 */
final class ConditionCheck implements AlarmDetail {
    static final int OFF = 0;
    static final int ON = 1;
    static final int MASKED = 2;

    final AlarmSlot slot;
    private final AlarmDefinition d;
    private final AlarmKind kind;
    private final Signal signal;
    private final ControllerValue derived;
    private final ControllerValue setpoint;
    private final String[] devices;
    private final String name;
    private final String unit;
    /** The comparison's own last result, for the deadband. */
    private boolean over;
    private double last = Double.NaN;
    private double measured = Double.NaN;
    private double rate;

    ConditionCheck(AlarmDefinition d, AlarmSlot slot, Predicate<Signal> furnaceInputs) {
        this.d = d;
        this.slot = slot;
        this.kind = d.type();
        this.devices = d.devices().toArray(String[]::new);
        this.setpoint = d.setpoint() == null ? null : ControllerValue.byKey(d.setpoint()).orElseThrow(() ->
                new IllegalArgumentException("alarm " + d.id() + ": no setpoint '" + d.setpoint()
                        + "' (seed_sp_c, source_sp_c, pressure_sp_mbar)"));
        if (d.signal() == null) {
            signal = null;
            derived = null;
            name = String.join(", ", d.devices());
            unit = "";
        } else {
            derived = ControllerValue.byKey(d.signal()).orElse(null);
            signal = derived != null ? null : inputNamed(d, furnaceInputs);
            name = d.signal();
            unit = derived != null ? derived.unit() : signal.unit();
        }
    }

    private static Signal inputNamed(AlarmDefinition d, Predicate<Signal> furnaceInputs) {
        Signal s;
        try {
            s = Signal.byIoName(d.signal());
        } catch (IllegalArgumentException e) {
            s = null;
        }
        if (s == null || !s.isInput() || !furnaceInputs.test(s)) {
            throw new IllegalArgumentException("alarm " + d.id() + ": '" + d.signal() + "' is neither an input of "
                    + "this furnace nor a controller value (pressure_mbar, seed_sp_c, source_sp_c, pressure_sp_mbar)");
        }
        return s;
    }

    int evaluate(AlarmInputs in, double dtS) {
        if (kind == AlarmKind.COMMUNICATION) {
            for (String device : devices) {
                if (in.deviceLost(device)) {
                    return ON;
                }
            }
            return OFF;
        }
        if (kind == AlarmKind.DISCRETE) {
            return discrete(in);
        }
        if (masked(in)) {
            last = Double.NaN;
            return MASKED;
        }
        double v = signal != null ? in.value(signal) : in.value(derived);
        double x = switch (kind) {
            case HIGH -> v;
            case LOW -> -v;
            case DEVIATION -> deviation(v, in.value(setpoint));
            default -> Math.abs(rate(v, dtS));
        };
        measured = kind == AlarmKind.RATE ? rate : v;
        double limit = kind == AlarmKind.LOW ? -d.limit() : d.limit();
        over = !Double.isNaN(x) && x > (over ? limit - d.deadband() : limit);
        return over ? ON : OFF;
    }

    private int discrete(AlarmInputs in) {
        Quality q = in.quality(signal);
        if (q == Quality.STALE) {
            return MASKED;
        }
        if (d.when() == AlarmDefinition.When.BAD) {
            return q == Quality.BAD ? ON : OFF;
        }
        if (q == Quality.BAD) {
            return MASKED;
        }
        measured = in.value(signal);
        boolean on = measured >= 0.5;
        return on == (d.when() == AlarmDefinition.When.ON) ? ON : OFF;
    }

    private boolean masked(AlarmInputs in) {
        if (signal != null) {
            return !in.quality(signal).usable();
        }
        for (Signal s : derived.restsOn()) {
            if (in.quality(s) == Quality.STALE) {
                return true;
            }
        }
        return Double.isNaN(in.value(derived)) && derived.restsOn().size() > 0;
    }

    /** |value - setpoint|, in % of the setpoint if relative; NaN (no deviation) while the loop does not control. */
    private double deviation(double v, double sp) {
        double off = Math.abs(v - sp);
        return d.relative() ? (sp == 0 ? Double.NaN : off / Math.abs(sp) * 100.0) : off;
    }

    /** Rate of change per minute, through a first-order filter of time constant {@code window_s}. */
    private double rate(double v, double dtS) {
        if (!Double.isNaN(last) && dtS > 0) {
            double instant = (v - last) / dtS * 60.0;
            rate += (instant - rate) * dtS / (d.windowS() + dtS);
        } else {
            rate = 0.0;
        }
        last = v;
        return rate;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case HIGH -> String.format(Locale.ROOT, "%s %.4g %s, high limit %.4g", name, measured, unit, d.limit());
            case LOW -> String.format(Locale.ROOT, "%s %.4g %s, low limit %.4g", name, measured, unit, d.limit());
            case DEVIATION -> String.format(Locale.ROOT, "%s %.4g %s against %s, limit %.4g%s", name, measured, unit,
                    d.setpoint(), d.limit(), d.relative() ? " %" : " " + unit);
            case RATE -> String.format(Locale.ROOT, "%s changing %.4g %s/min, limit %.4g", name, measured, unit,
                    d.limit());
            case DISCRETE -> name + " " + d.when().name().toLowerCase(Locale.ROOT);
            default -> "device lost or answering again: " + name;
        };
    }
}
