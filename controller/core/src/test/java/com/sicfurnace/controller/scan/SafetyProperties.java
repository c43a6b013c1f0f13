package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.safety.Effect;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.safety.Permissive;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.IoList;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The safety properties every scan must keep, whatever came before it:
 * <ol>
 *   <li>while a hard trip is active the heater outputs are off and zero;</li>
 *   <li>every output is finite and within its I/O-list range;</li>
 *   <li>a held run changes no programmer setpoint, and its open-loop power does not ramp;</li>
 *   <li>the heater goes from off to on only while every start permissive holds, and a running recipe is above
 *       the heating threshold only once the vacuum was reached;</li>
 *   <li>a bypass never outlives its time limit.</li>
 * </ol>
 * The first violation is kept, with the scan it happened in.
 */
final class SafetyProperties {
    private static final double SCAN_S = 0.1;
    private final FurnaceProfile profile;
    private final IoList signals;
    private final Map<InterlockId, Instant> bypassedAt = new EnumMap<>(InterlockId.class);
    private ScanSnapshot previous;
    private String violation;

    SafetyProperties(FurnaceProfile profile) {
        this.profile = profile;
        this.signals = IoList.fromClasspath().forFurnace(profile.furnace());
    }

    String violation() {
        return violation;
    }

    void check(ScanSnapshot now, List<FurnaceEvent> events) {
        if (violation == null) {
            violation = firstViolation(now, events);
            if (violation != null) {
                violation = "scan " + now.scan() + ": " + violation;
            }
        }
        previous = now;
    }

    private String firstViolation(ScanSnapshot now, List<FurnaceEvent> events) {
        String found = hardTripMeansHeaterOff(now);
        found = found != null ? found : outputsFiniteAndInRange(now);
        found = found != null ? found : heldRunStandsStill(now);
        found = found != null ? found : heatingNeedsPermissives(now);
        return found != null ? found : bypassWithinLimit(now, events);
    }

    private String hardTripMeansHeaterOff(ScanSnapshot now) {
        boolean hard = now.safety().active().stream()
                .anyMatch(id -> InterlockMatrix.rule(id).effect() == Effect.HARD_TRIP);
        if (hard && (now.value(Signal.HEATER_ENABLE) != 0 || now.value(Signal.PS1_OUTPUT_ENABLE) != 0
                || now.value(Signal.PS1_POWER_SP_KW) != 0 || profile.zones() > 1
                && (now.value(Signal.PS2_OUTPUT_ENABLE) != 0 || now.value(Signal.PS2_POWER_SP_KW) != 0))) {
            return "heater energised under a hard trip " + now.safety().active();
        }
        return null;
    }

    private String outputsFiniteAndInRange(ScanSnapshot now) {
        for (var spec : signals.signals()) {
            Signal s = Signal.byIoName(spec.name());
            if (s.isInput()) {
                continue;
            }
            double v = now.value(s);
            if (!Double.isFinite(v) || v < spec.minimum() || v > spec.maximum()) {
                return s.ioName() + " = " + v + " outside " + spec.minimum() + ".." + spec.maximum();
            }
        }
        return null;
    }

    private String heldRunStandsStill(ScanSnapshot now) {
        if (previous == null || previous.run().state() != RunState.HELD || now.run().state() != RunState.HELD
                || previous.run().stepNumber() != now.run().stepNumber()) {
            return null;
        }
        LoopStatus was = previous.loops();
        LoopStatus is = now.loops();
        if (!same(was.seedSetpointC(), is.seedSetpointC()) || !same(was.sourceSetpointC(), is.sourceSetpointC())
                || !same(was.pressureSetpointMbar(), is.pressureSetpointMbar())
                || !same(was.powerSetpointKw(), is.powerSetpointKw())) {
            return "a held run's setpoints changed: " + was + " -> " + is;
        }
        boolean openLoop = is.heaterMode() == HeaterMode.TEMPERATURE && !was.temperatureControlled()
                && !is.temperatureControlled() && now.safety().active().stream()
                .noneMatch(id -> InterlockMatrix.rule(id).tracksHeater());
        if (openLoop && is.powerDemandKw() > was.powerDemandKw() + 1e-9) {
            return "a held run's open-loop power ramped: " + was.powerDemandKw() + " -> " + is.powerDemandKw();
        }
        return null;
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    private String heatingNeedsPermissives(ScanSnapshot now) {
        boolean switchedOn = previous != null && previous.value(Signal.HEATER_ENABLE) == 0
                && now.value(Signal.HEATER_ENABLE) != 0;
        if (switchedOn && now.safety().missingPermissives().stream().anyMatch(Permissive::energising)) {
            return "heater switched on with permissives missing: " + now.safety().missingPermissives();
        }
        double threshold = profile.permissives().heatingAboveC();
        boolean aboveThreshold = now.run().state() == RunState.RUNNING
                && now.loops().heaterMode() == HeaterMode.TEMPERATURE && now.loops().seedSetpointC() > threshold;
        if (aboveThreshold && now.safety().missingPermissives().contains(Permissive.VACUUM_REACHED)) {
            return "running above " + threshold + " °C without the vacuum reached";
        }
        return null;
    }

    private String bypassWithinLimit(ScanSnapshot now, List<FurnaceEvent> events) {
        for (FurnaceEvent event : events) {
            if (event instanceof InterlockEvent e && e.change() == InterlockEvent.Change.BYPASSED) {
                bypassedAt.put(e.interlock(), e.time());
            }
        }
        for (var bypass : now.safety().bypassSecondsLeft().entrySet()) {
            Duration max = InterlockMatrix.rule(bypass.getKey()).maxBypass();
            Instant since = bypassedAt.get(bypass.getKey());
            double lastedS = since == null ? Double.POSITIVE_INFINITY
                    : Duration.between(since, now.time()).toNanos() / 1e9;
            if (lastedS > max.toSeconds() + SCAN_S || bypass.getValue() > max.toSeconds()) {
                return bypass.getKey().label() + " bypassed for " + lastedS + " s, limit " + max;
            }
        }
        return null;
    }
}
