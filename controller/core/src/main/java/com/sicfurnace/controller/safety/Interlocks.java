package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the interlock matrix ({@link InterlockMatrix}) every scan, before the heater is commanded: whatever
 * the loops, the programmer or an operator asked for, an active row acts on the heater as its effect says, and
 * {@link #enforce} has the last word on the outputs. A latching row stays active until a reset finds its cause
 * gone; a bypassed row's cause does not act until the bypass ends or expires. A sensor its device reports failed
 * counts as unsafe; a signal whose device is out of reach is judged by its last value (the communication-loss
 * row holds the run meanwhile). Every change is an {@link InterlockEvent}.
 */
public final class Interlocks {
    /** How long after a reset the PLC may take to report its watchdog clear, seconds. */
    public static final double RESET_WINDOW_S = 10.0;
    private static final InterlockId[] ROWS = InterlockId.values();
    private final EventLog log;
    private final FurnaceProfile.Interlocks limits;
    private final int zones;
    private final double[] causeHeldS = new double[ROWS.length];
    private final EnumSet<InterlockId> active = EnumSet.noneOf(InterlockId.class);
    private final EnumSet<InterlockId> causeNow = EnumSet.noneOf(InterlockId.class);
    private final EnumSet<InterlockId> clearNow = EnumSet.noneOf(InterlockId.class);
    private final EnumMap<InterlockId, Double> bypassLeftS = new EnumMap<>(InterlockId.class);
    private Set<InterlockId> activeView = Set.of();
    private InterlockId firstOut;
    private double softCeilingKw = Double.POSITIVE_INFINITY;
    private double resetWindowLeftS;

    public Interlocks(FurnaceProfile profile, EventLog log) {
        this.log = log;
        this.limits = profile.interlocks();
        this.zones = profile.zones();
    }

    public void evaluate(SafetyInputs s, double dtS) {
        ProcessImage in = s.in();
        expireBypasses(dtS);
        causeNow.clear();
        clearNow.clear();
        for (InterlockId id : ROWS) {
            boolean cause = cause(id, s);
            boolean held = cause && !bypassLeftS.containsKey(id);
            causeHeldS[id.ordinal()] = held ? causeHeldS[id.ordinal()] + dtS : 0.0;
            if (held && causeHeldS[id.ordinal()] + 1e-9 >= delayS(id)) {
                causeNow.add(id);
            }
            if (!stillUnsafe(id, cause, in)) {
                clearNow.add(id);
            }
        }
        act(s, dtS);
    }

    private void act(SafetyInputs s, double dtS) {
        boolean softBefore = softTripped();
        for (InterlockId id : ROWS) {
            ResetRule reset = InterlockMatrix.rule(id).reset();
            if (causeNow.contains(id) && !active.contains(id)) {
                // first-out is among the latching rows: a communication loss before a trip is no trip's cause
                boolean first = reset.latches() ? !anyLatched() : active.isEmpty();
                if (first && reset.latches()) {
                    firstOut = id;
                }
                change(id, InterlockEvent.Change.LATCHED, first, "");
            } else if (active.contains(id) && !causeNow.contains(id) && reset == ResetRule.SELF) {
                change(id, InterlockEvent.Change.CLEARED, false, "cause gone");
            } else if (active.contains(id) && reset == ResetRule.OPERATOR_PLC && resetWindowLeftS > 0
                    && clearNow.contains(id)) {
                change(id, InterlockEvent.Change.RESET, false, "the PLC reports it clear");
            }
        }
        resetWindowLeftS = Math.max(0.0, resetWindowLeftS - dtS);
        if (!softTripped()) {
            softCeilingKw = Double.POSITIVE_INFINITY;
        } else if (!softBefore) {
            softCeilingKw = Math.max(0.0, s.heaterCommandKw());
        } else {
            softCeilingKw = Math.max(0.0, softCeilingKw - limits.softTripRateKwPerH() / 3600.0 * dtS);
        }
    }

    private double delayS(InterlockId id) {
        return switch (id) {
            case COIL_WATER_LOW, CHAMBER_WATER_LOW, SUPPLY_WATER_LOW -> limits.waterDebounceS();
            case PRESSURE_UNKNOWN_WITH_GAS -> limits.pressureUnknownDelayS();
            case CHILLER_STOPPED -> limits.chillerDelayS();
            case HEATER_NOT_FOLLOWING -> limits.heaterFollowDelayS();
            default -> 0.0;
        };
    }

    /** The row's condition this scan, before its delay. */
    private boolean cause(InterlockId id, SafetyInputs s) {
        ProcessImage in = s.in();
        return switch (id) {
            case EMERGENCY_STOP -> !in.known(Signal.ESTOP_ACTIVE) || in.value(Signal.ESTOP_ACTIVE) != 0;
            case DOOR_OPEN -> !knownOn(in, Signal.LID_CLOSED) || !knownOn(in, Signal.CABINET_DOOR_CLOSED);
            case COIL_WATER_LOW -> below(in, Signal.WATER_COIL_FLOW_LPM, limits.minCoilWaterLpm());
            case CHAMBER_WATER_LOW -> below(in, Signal.WATER_CHAMBER_FLOW_LPM, limits.minChamberWaterLpm());
            case SUPPLY_WATER_LOW -> below(in, Signal.WATER_PS_FLOW_LPM, limits.minSupplyWaterLpm());
            case OVER_TEMPERATURE -> overTemperature(in, Signal.PYRO_TOP_C) || overTemperature(in, Signal.PYRO_BOTTOM_C);
            case OVER_PRESSURE -> s.pressureMbar() > limits.overPressureMbar();
            case PRESSURE_UNKNOWN_WITH_GAS -> !s.pressureUsable() && s.gasCommanded();
            case PYROMETER_FAILURE -> pyrometerFailed(in) && s.heaterCommandKw() > limits.pyrometerFailurePowerKw();
            case CHILLER_STOPPED -> !knownOn(in, Signal.CHILLER_RUNNING);
            case PLC_WATCHDOG -> knownOn(in, Signal.PLC_WATCHDOG_TRIPPED);
            case HEATER_NOT_FOLLOWING -> notFollowing(s);
            case COMM_LOSS -> s.commLost();
        };
    }

    /** Whether a reset must refuse: the row's cause (or, for a blind pyrometer, the blindness) persists. */
    private boolean stillUnsafe(InterlockId id, boolean cause, ProcessImage in) {
        return switch (id) {
            case PYROMETER_FAILURE -> pyrometerFailed(in);
            // the tracked command equals the measured power, so only a new failure to follow will show
            case HEATER_NOT_FOLLOWING -> false;
            default -> cause;
        };
    }

    private static boolean knownOn(ProcessImage in, Signal signal) {
        return in.known(signal) && in.value(signal) != 0;
    }

    private static boolean below(ProcessImage in, Signal flow, double minimum) {
        return !in.known(flow) || in.value(flow) < minimum;
    }

    private boolean overTemperature(ProcessImage in, Signal pyrometer) {
        return in.quality(pyrometer) == Quality.LIMIT_HIGH
                || (in.known(pyrometer) && in.value(pyrometer) >= limits.overTemperatureC());
    }

    /** The pyrometer reports a failed sensor; a merely stale one holds the heater instead (comm policy). */
    private static boolean pyrometerFailed(ProcessImage in) {
        return !in.known(Signal.PYRO_TOP_C) || !in.known(Signal.PYRO_BOTTOM_C);
    }

    private boolean notFollowing(SafetyInputs s) {
        if (!s.heaterEnabled() || Double.isNaN(s.heaterMeasuredKw()) || tracksHeater()) {
            return false;
        }
        double tolerance = Math.max(limits.heaterFollowToleranceKw(),
                limits.heaterFollowTolerancePct() / 100.0 * s.heaterCommandKw());
        return Math.abs(s.heaterMeasuredKw() - s.heaterCommandKw()) > tolerance;
    }

    private void change(InterlockId id, InterlockEvent.Change change, boolean first, String detail) {
        if (change == InterlockEvent.Change.LATCHED) {
            active.add(id);
        } else if (change == InterlockEvent.Change.RESET || change == InterlockEvent.Change.CLEARED) {
            active.remove(id);
            causeHeldS[id.ordinal()] = 0.0;
        }
        // the first-out reset or cleared: the rows still latched followed it, and none of them is the cause
        if (!anyLatched() || !active.contains(firstOut)) {
            firstOut = null;
        }
        activeView = active.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(active));
        log.record((seq, time) -> new InterlockEvent(seq, time, id, change, first, detail));
    }

    // ---- effects ----

    /** The last word on the outputs: heater off under a hard trip, limited under a soft one; gas closed. */
    public void enforce(OutputImage out) {
        if (hardTripped() || softCeilingKw <= 0.0) {
            out.set(Signal.HEATER_ENABLE, false);
            out.set(Signal.PS1_OUTPUT_ENABLE, false);
            out.set(Signal.PS1_POWER_SP_KW, 0.0);
            if (zones > 1) {
                out.set(Signal.PS2_OUTPUT_ENABLE, false);
                out.set(Signal.PS2_POWER_SP_KW, 0.0);
            }
        } else if (softTripped()) {
            limitPower(out);
        }
        if (closesGas()) {
            out.set(Signal.AR_FLOW_SP_SCCM, 0.0);
            out.set(Signal.N2_FLOW_SP_SCCM, 0.0);
            out.set(Signal.GAS_VALVE_OPEN_CMD, false);
        }
    }

    private void limitPower(OutputImage out) {
        double total = out.value(Signal.PS1_POWER_SP_KW) + (zones > 1 ? out.value(Signal.PS2_POWER_SP_KW) : 0.0);
        if (total > softCeilingKw) {
            double scale = softCeilingKw / total;
            out.set(Signal.PS1_POWER_SP_KW, out.value(Signal.PS1_POWER_SP_KW) * scale);
            if (zones > 1) {
                out.set(Signal.PS2_POWER_SP_KW, out.value(Signal.PS2_POWER_SP_KW) * scale);
            }
        }
    }

    private boolean anyActive(Effect effect) {
        for (InterlockId id : active) {
            if (InterlockMatrix.rule(id).effect() == effect) {
                return true;
            }
        }
        return false;
    }

    /** A hard trip is active: the heater is off. */
    public boolean hardTripped() {
        return anyActive(Effect.HARD_TRIP);
    }

    /** A soft trip is active: the heater ramps down to {@link #softCeilingKw()}. */
    public boolean softTripped() {
        return anyActive(Effect.SOFT_TRIP);
    }

    /** The most power a soft trip allows now, kW; infinite when none is active. */
    public double softCeilingKw() {
        return softCeilingKw;
    }

    /** The heater's command must follow its measured power (the PLC or the supply is in charge of it). */
    public boolean tracksHeater() {
        for (InterlockId id : active) {
            if (InterlockMatrix.rule(id).tracksHeater()) {
                return true;
            }
        }
        return false;
    }

    public boolean closesGas() {
        for (InterlockId id : active) {
            if (InterlockMatrix.rule(id).closesGas()) {
                return true;
            }
        }
        return false;
    }

    /** A latching row is active: the run is held and may resume only after a reset. */
    public boolean anyLatched() {
        for (InterlockId id : active) {
            if (InterlockMatrix.rule(id).reset().latches()) {
                return true;
            }
        }
        return false;
    }

    // ---- operator actions ----

    /**
     * Clears the latched rows whose cause is gone (bypassed counts as gone) and opens the window in which the PLC
     * may report its watchdog clear. Returns the rows still active.
     */
    public Set<InterlockId> reset() {
        resetWindowLeftS = RESET_WINDOW_S;
        for (InterlockId id : ROWS) {
            ResetRule rule = InterlockMatrix.rule(id).reset();
            boolean gone = clearNow.contains(id) || bypassLeftS.containsKey(id);
            if (active.contains(id) && rule == ResetRule.OPERATOR && gone) {
                change(id, InterlockEvent.Change.RESET, false, "reset");
            }
        }
        return active();
    }

    /** Bypasses a row for {@code duration}; returns why not, or null when done. */
    public String bypass(InterlockId id, Duration duration, Role role) {
        InterlockRule rule = InterlockMatrix.rule(id);
        if (!rule.bypassable()) {
            return id.label() + " may never be bypassed";
        } else if (!rule.bypassBy().contains(role)) {
            return role.withArticle() + " may not bypass " + id.label() + "; only " + roles(rule);
        } else if (duration.isNegative() || duration.isZero() || duration.compareTo(rule.maxBypass()) > 0) {
            return "a bypass of " + id.label() + " lasts more than 0 and at most " + rule.maxBypass().toMinutes()
                    + " min, not " + duration.toSeconds() + " s";
        } else if (bypassLeftS.containsKey(id)) {
            return id.label() + " is bypassed already, " + Math.round(bypassLeftS.get(id)) + " s left; end it first";
        }
        bypassLeftS.put(id, duration.toNanos() / 1e9);
        change(id, InterlockEvent.Change.BYPASSED, false, "for " + duration.toSeconds() + " s");
        return null;
    }

    /** Ends a bypass; false if the row was not bypassed. */
    public boolean endBypass(InterlockId id) {
        if (bypassLeftS.remove(id) == null) {
            return false;
        }
        change(id, InterlockEvent.Change.BYPASS_ENDED, false, "ended");
        return true;
    }

    private void expireBypasses(double dtS) {
        for (InterlockId id : ROWS) {
            Double left = bypassLeftS.get(id);
            if (left != null && left - dtS <= 1e-9) {
                bypassLeftS.remove(id);
                change(id, InterlockEvent.Change.BYPASS_EXPIRED, false, "time limit reached");
            } else if (left != null) {
                bypassLeftS.put(id, left - dtS);
            }
        }
    }

    /**
     * The controller's own recovery after a restart: opens the window in which the PLC may report its watchdog clear
     * (the caller pulses {@code plc_watchdog_reset}), resetting no other row.
     */
    public void resetPlcWatchdog(double windowS) {
        resetWindowLeftS = windowS;
    }

    // ---- checkpoint ----

    public InterlockCheckpoint checkpoint() {
        EnumMap<InterlockId, Double> held = new EnumMap<>(InterlockId.class);
        for (InterlockId id : ROWS) {
            if (causeHeldS[id.ordinal()] > 0) {
                held.put(id, causeHeldS[id.ordinal()]);
            }
        }
        return new InterlockCheckpoint(active, firstOut, bypassLeftS, held, softCeilingKw);
    }

    /** Takes the matrix up again where a checkpoint left it, before the first scan; records no event. */
    public void restore(InterlockCheckpoint saved) {
        active.clear();
        active.addAll(saved.active());
        activeView = active.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(active));
        firstOut = saved.firstOut();
        bypassLeftS.clear();
        bypassLeftS.putAll(saved.bypassSecondsLeft());
        for (InterlockId id : ROWS) {
            causeHeldS[id.ordinal()] = saved.causeHeldS().getOrDefault(id, 0.0);
        }
        softCeilingKw = saved.softCeilingKw();
    }

    private static String roles(InterlockRule rule) {
        return rule.bypassBy().stream().map(Role::label).sorted().toList().toString();
    }

    // ---- what readers see ----

    /** The active rows. Immutable; the same object until a row latches or clears. */
    public Set<InterlockId> active() {
        return activeView;
    }

    public boolean isActive(InterlockId id) {
        return active.contains(id);
    }

    /** The latching row that latched first while no other was latched; null when none is. */
    public InterlockId firstOut() {
        return firstOut;
    }

    /** Bypassed rows with the seconds each has left. */
    public Map<InterlockId, Double> bypasses() {
        return bypassLeftS.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(bypassLeftS));
    }
}
