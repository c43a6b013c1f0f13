package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The heater interlocks. Evaluated every scan after the control loops and before the outputs leave the core:
 * whatever the loops, the programmer or an operator asked for, a latched trip takes the heater permissive, the
 * supplies' output enables and their setpoints to zero. A trip latches until {@link #reset} finds its cause
 * gone. A sensor its device reports failed counts as unsafe; a signal whose device is out of reach is judged by
 * its last value (the loops hold meanwhile, see the communication policy). Every trip that latches and every
 * reset that clears one is a {@link TripEvent} in the event log.
 */
public final class Interlocks {
    private static final Trip[] TRIPS = Trip.values();
    private final EventLog log;
    private final FurnaceProfile.Interlocks limits;
    private final int zones;
    private final EnumSet<Trip> present = EnumSet.noneOf(Trip.class);
    private final EnumSet<Trip> blockingReset = EnumSet.noneOf(Trip.class);
    private final EnumSet<Trip> latched = EnumSet.noneOf(Trip.class);
    private final double[] lowFlowS = new double[3];
    private Set<Trip> latchedView = Set.of();

    public Interlocks(FurnaceProfile profile, EventLog log) {
        this.log = log;
        this.limits = profile.interlocks();
        this.zones = profile.zones();
    }

    /**
     * @param pressureMbar   chamber pressure (the last known while the gauges are out of reach), NaN when no gauge
     *                       can read it
     * @param heaterPowerKw  total power the heater is being asked for this scan
     */
    public void evaluate(ProcessImage in, double pressureMbar, double heaterPowerKw, double dtS) {
        present.clear();
        blockingReset.clear();
        check(Trip.EMERGENCY_STOP, !in.known(Signal.ESTOP_ACTIVE) || in.value(Signal.ESTOP_ACTIVE) != 0);
        check(Trip.DOOR_OPEN, !knownOn(in, Signal.LID_CLOSED) || !knownOn(in, Signal.CABINET_DOOR_CLOSED));
        check(Trip.WATER_FLOW_LOW, waterFlowLow(in, dtS));
        check(Trip.OVER_TEMPERATURE, overTemperature(in, Signal.PYRO_TOP_C) || overTemperature(in, Signal.PYRO_BOTTOM_C));
        check(Trip.OVER_PRESSURE, Double.isNaN(pressureMbar) || pressureMbar > limits.overPressureMbar());
        boolean pyrometerFailed = failed(in, Signal.PYRO_TOP_C) || failed(in, Signal.PYRO_BOTTOM_C);
        check(Trip.PYROMETER_FAILURE, heaterPowerKw > limits.pyrometerFailurePowerKw() && pyrometerFailed);
        // once tripped the power is gone, but the blind pyrometer still forbids a reset
        if (pyrometerFailed) {
            blockingReset.add(Trip.PYROMETER_FAILURE);
        }
        for (Trip trip : TRIPS) {
            if (present.contains(trip) && latched.add(trip)) {
                record(trip, TripEvent.Change.LATCHED);
            }
        }
    }

    private void record(Trip trip, TripEvent.Change change) {
        log.record((seq, time) -> new TripEvent(seq, time, trip, change));
        latchedView = latched.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(latched));
    }

    private void check(Trip trip, boolean condition) {
        if (condition) {
            present.add(trip);
            blockingReset.add(trip);
        }
    }

    private static boolean knownOn(ProcessImage in, Signal signal) {
        return in.known(signal) && in.value(signal) != 0;
    }

    private boolean waterFlowLow(ProcessImage in, double dtS) {
        boolean coil = debounce(0, in, Signal.WATER_COIL_FLOW_LPM, limits.minCoilWaterLpm(), dtS);
        boolean chamber = debounce(1, in, Signal.WATER_CHAMBER_FLOW_LPM, limits.minChamberWaterLpm(), dtS);
        boolean supply = debounce(2, in, Signal.WATER_PS_FLOW_LPM, limits.minSupplyWaterLpm(), dtS);
        return coil || chamber || supply;
    }

    /** Low flow must persist for the debounce time: flow meters flicker when a pump changes over. */
    private boolean debounce(int circuit, ProcessImage in, Signal flow, double minimumLpm, double dtS) {
        boolean low = !in.known(flow) || in.value(flow) < minimumLpm;
        lowFlowS[circuit] = low ? lowFlowS[circuit] + dtS : 0.0;
        return lowFlowS[circuit] >= limits.waterDebounceS();
    }

    private boolean overTemperature(ProcessImage in, Signal pyrometer) {
        return in.quality(pyrometer) == Quality.LIMIT_HIGH
                || (in.known(pyrometer) && in.value(pyrometer) >= limits.overTemperatureC());
    }

    /** The pyrometer reports a failed sensor; a merely stale one holds the heater instead (comm policy). */
    private static boolean failed(ProcessImage in, Signal pyrometer) {
        return !in.known(pyrometer);
    }

    /** Forces the heater off when any trip is latched. The last word on every heater output. */
    public void enforce(OutputImage out) {
        if (latched.isEmpty()) {
            return;
        }
        out.set(Signal.HEATER_ENABLE, false);
        out.set(Signal.PS1_OUTPUT_ENABLE, false);
        out.set(Signal.PS1_POWER_SP_KW, 0.0);
        if (zones > 1) {
            out.set(Signal.PS2_OUTPUT_ENABLE, false);
            out.set(Signal.PS2_POWER_SP_KW, 0.0);
        }
    }

    /** Operator reset: clears the latched trips whose cause is gone. Returns the trips still latched. */
    public Set<Trip> reset() {
        for (Trip trip : TRIPS) {
            if (latched.contains(trip) && !blockingReset.contains(trip)) {
                latched.remove(trip);
                record(trip, TripEvent.Change.RESET);
            }
        }
        return latched();
    }

    public boolean heaterPermitted() {
        return latched.isEmpty();
    }

    /** Immutable; the same object until a trip latches or resets. */
    public Set<Trip> latched() {
        return latchedView;
    }

    public boolean isLatched(Trip trip) {
        return latched.contains(trip);
    }
}
