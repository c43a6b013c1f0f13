package com.sicfurnace.controller.profile;

import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.alarm.AlarmSettings;
import com.sicfurnace.controller.recipe.RecipeLimits;
import java.util.List;
import java.util.Objects;

/**
 * What the controller knows about one furnace: its variant, scan rate, recipe limits, loop tunings, vacuum
 * sequence thresholds, interlock and alarm limits. Read from {@code profiles/<variant>.yaml}; documented in
 * docs/operations.md.
 */
public record FurnaceProfile(String furnace, String description, int scanPeriodMs, double chamberVolumeL,
                             GradientActuator gradientActuator, List<Double> powerModeZoneShare, Limits limits,
                             Heater heater, Loops loops, Vacuum vacuum, Interlocks interlocks,
                             Permissives permissives, Alarms alarms, Comm comm, double chillerSetpointC) {

    /**
     * How the axial gradient is steered: by moving the coil (one zone), or by the share of the total power that
     * goes to the lower zone (two zones).
     */
    public enum GradientActuator { COIL, ZONE2 }

    public FurnaceProfile {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(gradientActuator, "gradient_actuator");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(heater, "heater");
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(vacuum, "vacuum");
        Objects.requireNonNull(interlocks, "interlocks");
        Objects.requireNonNull(permissives, "permissives");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(comm, "comm");
        powerModeZoneShare = List.copyOf(powerModeZoneShare);
        if (scanPeriodMs < 10 || scanPeriodMs > 1000) {
            throw new IllegalArgumentException("scan_period_ms must lie in 10..1000, not " + scanPeriodMs);
        }
        int zones = gradientActuator == GradientActuator.ZONE2 ? 2 : 1;
        if (powerModeZoneShare.size() != zones
                || Math.abs(powerModeZoneShare.stream().mapToDouble(Double::doubleValue).sum() - 1.0) > 1e-9) {
            throw new IllegalArgumentException("power_mode_zone_share needs " + zones + " shares that add up to 1");
        }
        if (gradientActuator == GradientActuator.COIL && heater.coil() == null) {
            throw new IllegalArgumentException("a furnace steered by its coil needs heater.coil");
        }
    }

    public int zones() {
        return powerModeZoneShare.size();
    }

    public double scanPeriodS() {
        return scanPeriodMs / 1000.0;
    }

    public RecipeLimits recipeLimits() {
        return new RecipeLimits(furnace, limits.minTemperatureC(), limits.maxTemperatureC(), limits.minGradientK(),
                limits.maxGradientK(), limits.maxRampRateCPerH(), limits.maxPowerKw(), limits.maxPowerRateKwPerH(),
                limits.minPressureMbar(), limits.maxPressureMbar(), limits.maxArgonSccm(),
                limits.maxNitrogenSccm(), limits.maxStepHours(), chamberVolumeL);
    }

    public record Limits(double minTemperatureC, double maxTemperatureC, double minGradientK, double maxGradientK,
                         double maxRampRateCPerH, double maxPowerKw, double maxPowerRateKwPerH,
                         double minPressureMbar, double maxPressureMbar, double maxArgonSccm,
                         double maxNitrogenSccm, double maxStepHours) {
    }

    /**
     * Heater behaviour. Below the pyrometers' range a temperature step runs open loop, ramping power at
     * {@code openLoopRateKwPerH} up to {@code openLoopMaxKw}; once both pyrometers read {@code engageMarginK}
     * above their range floor for {@code engageConfirmS}, closed-loop control takes over bumplessly. The gradient
     * loop acts only with the seed setpoint at or above {@code gradientMinC}; below, the split stays where it is.
     * The seed loop's gains are scheduled on the seed setpoint (see {@link Schedule}); its feed-forward is the
     * power curve plus {@code rampHeatCapacityKjPerK} times the setpoint's rate of change (the power that heats
     * the hot zone's mass during a ramp, and that must stop when the ramp stops).
     */
    public record Heater(double engageMarginK, double engageConfirmS, double openLoopRateKwPerH,
                         double openLoopMaxKw, double zoneMaxPowerKw, double gradientMinC, Schedule seedSchedule,
                         List<PowerPoint> powerCurve, double rampHeatCapacityKjPerK, Coil coil) {
        public Heater {
            Objects.requireNonNull(seedSchedule, "heater.seed_schedule");
            powerCurve = List.copyOf(powerCurve == null ? List.of() : powerCurve);
            for (int i = 1; i < powerCurve.size(); i++) {
                if (!(powerCurve.get(i).seedC() > powerCurve.get(i - 1).seedC())) {
                    throw new IllegalArgumentException("heater.power_curve must rise in seed_c, point " + (i + 1)
                            + " does not");
                }
            }
        }

        /**
         * Steady-state heater power for a seed temperature, interpolated in the power curve (flat beyond its
         * ends); 0 without a curve. The seed loop adds it as feed-forward.
         */
        public double steadyPowerKw(double seedC) {
            if (powerCurve.isEmpty()) {
                return 0.0;
            }
            if (seedC <= powerCurve.get(0).seedC()) {
                return powerCurve.get(0).powerKw();
            }
            for (int i = 1; i < powerCurve.size(); i++) {
                PowerPoint hi = powerCurve.get(i);
                if (seedC <= hi.seedC()) {
                    PowerPoint lo = powerCurve.get(i - 1);
                    return lo.powerKw() + (hi.powerKw() - lo.powerKw()) * (seedC - lo.seedC()) / (hi.seedC() - lo.seedC());
                }
            }
            return powerCurve.get(powerCurve.size() - 1).powerKw();
        }
    }

    /** One point of the furnace's power curve: total heater power that holds the seed at a temperature. */
    public record PowerPoint(double seedC, double powerKw) {
    }

    /**
     * Gain schedule: radiation makes the furnace's gain fall and its response quicken roughly with a power of the
     * absolute temperature, so at setpoint T the gain is multiplied by {@code (T/Tref)^gainExponent} and the
     * integral and derivative times by {@code (Tref/T)^timeExponent}, temperatures in kelvin. The loop's tuning is
     * the tuning at {@code referenceC}.
     */
    public record Schedule(double referenceC, double gainExponent, double timeExponent) {
        private static final double KELVIN = 273.15;

        public double gainScale(double temperatureC) {
            return Math.pow((temperatureC + KELVIN) / (referenceC + KELVIN), gainExponent);
        }

        public double timeScale(double temperatureC) {
            return Math.pow((referenceC + KELVIN) / (temperatureC + KELVIN), timeExponent);
        }
    }

    public record Coil(double minMm, double maxMm, double parkMm) {
    }

    /**
     * Loop tunings: seed temperature (total heater power, kW), gradient (coil position in mm, or the lower zone's
     * share of the power, 0..1) and chamber pressure (throttle valve, %).
     */
    public record Loops(PidTuning seed, PidTuning gradient, PidTuning pressure) {
        public Loops {
            Objects.requireNonNull(seed, "loops.seed");
            Objects.requireNonNull(gradient, "loops.gradient");
            Objects.requireNonNull(pressure, "loops.pressure");
        }
    }

    /**
     * Vacuum sequence: the gate valve opens to the turbo pump below {@code crossoverMbar} and closes again above
     * {@code turboMaxMbar}; the vent valve opens only when the turbo has slowed below {@code ventMaxTurboSpeedPct}.
     * The chamber pressure comes from the capacitance manometer above {@code cdgMinMbar}, from the ion gauge below
     * {@code ionMaxMbar} when it is on, and from the Pirani between.
     */
    public record Vacuum(double crossoverMbar, double turboMaxMbar, double ventMaxTurboSpeedPct, double cdgMinMbar,
                         double ionMaxMbar) {
    }

    /**
     * The interlock matrix's limits and delays (docs/safety.md). Water flows are per circuit: coil, chamber, power
     * supply. A soft trip ramps the heater down at {@code softTripRateKwPerH}. The heater "follows" while its
     * measured power is within {@code heaterFollowToleranceKw} or {@code heaterFollowTolerancePct} of the command,
     * whichever is wider.
     */
    public record Interlocks(double overTemperatureC, double overPressureMbar, double pressureUnknownDelayS,
                             double pyrometerFailurePowerKw, double waterDebounceS, double minCoilWaterLpm,
                             double minChamberWaterLpm, double minSupplyWaterLpm, double chillerDelayS,
                             double softTripRateKwPerH, double heaterFollowToleranceKw,
                             double heaterFollowTolerancePct, double heaterFollowDelayS) {
        public Interlocks {
            requirePositive(softTripRateKwPerH, "interlocks.soft_trip_rate_kw_per_h");
            requirePositive(heaterFollowToleranceKw, "interlocks.heater_follow_tolerance_kw");
            requirePositive(heaterFollowTolerancePct, "interlocks.heater_follow_tolerance_pct");
            requirePositive(heaterFollowDelayS, "interlocks.heater_follow_delay_s");
            requirePositive(pressureUnknownDelayS, "interlocks.pressure_unknown_delay_s");
            requirePositive(chillerDelayS, "interlocks.chiller_delay_s");
        }
    }

    /**
     * What must hold before the heater may be energised, or heat above {@code heatingAboveC}: the chamber must have
     * reached {@code vacuumReachedMbar} in this run and, if {@code leakCheckRequired}, passed a leak check.
     */
    public record Permissives(double heatingAboveC, double vacuumReachedMbar, boolean leakCheckRequired) {
        public Permissives {
            requirePositive(heatingAboveC, "permissives.heating_above_c");
            requirePositive(vacuumReachedMbar, "permissives.vacuum_reached_mbar");
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
    }

    /**
     * What the controller does when it loses a field device (docs/operations.md, "Communication faults"). A signal
     * stale for {@code staleScans} consecutive scans is lost; the loops that use it hold their outputs. The heater
     * holds its power for {@code heaterHoldS}, then ramps it to zero over {@code heaterRampDownS}, as the PLC's
     * watchdog would. A run held by a loss shorter than {@code autoResumeWithinS} resumes when the device is back.
     */
    public record Comm(int staleScans, double heaterHoldS, double heaterRampDownS, double autoResumeWithinS) {
        public Comm {
            if (staleScans < 1) {
                throw new IllegalArgumentException("comm.stale_scans must be at least 1, not " + staleScans);
            }
            if (!(heaterRampDownS > 0) || heaterHoldS < 0 || autoResumeWithinS < 0) {
                throw new IllegalArgumentException("comm: hold and resume times must not be negative, ramp-down "
                        + "must be positive");
            }
        }
    }

    /**
     * The alarm system: its rules and the furnace's process alarms (docs/alarms.md). A soak counts as settling for
     * {@code settleS} (deviation alarms are suppressed by design meanwhile: the furnace still settles from the step
     * before, and an alarm would only teach operators to ignore it). The heater contactor may lag its command by
     * {@code contactorDelayS} before CONTACTOR_MISMATCH.
     */
    public record Alarms(double settleS, double contactorDelayS, double maxShelveS, AlarmSettings.Flood flood,
                         AlarmSettings.Chatter chatter, double staleAfterH, List<AlarmDefinition> definitions) {
        public Alarms {
            definitions = List.copyOf(definitions == null ? List.of() : definitions);
            if (settleS < 0 || contactorDelayS < 0) {
                throw new IllegalArgumentException("alarms: settle_s and contactor_delay_s must not be negative");
            }
            settings(maxShelveS, flood, chatter, staleAfterH);
        }

        private static AlarmSettings settings(double maxShelveS, AlarmSettings.Flood flood,
                                              AlarmSettings.Chatter chatter, double staleAfterH) {
            return new AlarmSettings(maxShelveS, flood, chatter, staleAfterH);
        }

        public AlarmSettings settings() {
            return settings(maxShelveS, flood, chatter, staleAfterH);
        }
    }

    /**
     * This profile for a simulator running {@code speed} times faster than real time. Checks that wait out a
     * round trip through the field devices count wall time on a real furnace, so their delays stretch by the
     * speed; everything that concerns the process itself stays in furnace time.
     */
    public FurnaceProfile atSpeed(double speed) {
        Alarms a = new Alarms(alarms.settleS(), alarms.contactorDelayS() * Math.max(1.0, speed), alarms.maxShelveS(),
                alarms.flood(), alarms.chatter(), alarms.staleAfterH(), alarms.definitions());
        Interlocks i = new Interlocks(interlocks.overTemperatureC(), interlocks.overPressureMbar(),
                interlocks.pressureUnknownDelayS(), interlocks.pyrometerFailurePowerKw(), interlocks.waterDebounceS(),
                interlocks.minCoilWaterLpm(), interlocks.minChamberWaterLpm(), interlocks.minSupplyWaterLpm(),
                interlocks.chillerDelayS(), interlocks.softTripRateKwPerH(), interlocks.heaterFollowToleranceKw(),
                interlocks.heaterFollowTolerancePct(), interlocks.heaterFollowDelayS() * Math.max(1.0, speed));
        return new FurnaceProfile(furnace, description, scanPeriodMs, chamberVolumeL, gradientActuator,
                powerModeZoneShare, limits, heater, loops, vacuum, i, permissives, a, comm, chillerSetpointC);
    }
}
