package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.RecipeLimits;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks the rules that follow the furnace from step to step (modal heater and vacuum modes, carried-over
 * setpoints) against the furnace limits. It runs only on a recipe that parsed without problems: after a broken
 * step the state of the furnace is unknown, and guessing it would report problems that are not there.
 */
final class RecipeValidator {
    private static final Set<VacuumMode> HEATING_VACUUM =
            EnumSet.of(VacuumMode.HIGH_VACUUM, VacuumMode.ISOLATED, VacuumMode.PROCESS);
    private static final List<TargetChannel> TEMPERATURES = List.of(TargetChannel.SEED_C, TargetChannel.SOURCE_C);
    private static final List<TargetChannel> GAS_FLOWS =
            List.of(TargetChannel.ARGON_SCCM, TargetChannel.NITROGEN_SCCM);

    private final RecipeLimits limits;
    private final Problems problems;

    RecipeValidator(RecipeLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** {@code steps} is not empty: the parser reports an empty recipe. */
    void validate(List<LocatedStep> steps) {
        List<Transition> transitions = transitions(steps);
        for (Transition t : transitions) {
            checkHeaterVacuum(t);
            checkSetpointModes(t);
            checkFirstTemperatureStep(t);
            checkGradient(t);
            checkRamp(t);
            checkPressure(t);
            checkGasFlows(t);
            checkHoldback(t);
            checkLeakCheck(t);
        }
        checkHeaterOffAtEnd(transitions.get(transitions.size() - 1));
    }

    private List<Transition> transitions(List<LocatedStep> steps) {
        List<Transition> transitions = new ArrayList<>();
        FurnaceState state = FurnaceState.AT_START;
        for (LocatedStep step : steps) {
            FurnaceState after = state.after(step.step().settings());
            transitions.add(new Transition(step, state, after, problems.step(step.number(), step.step().name())));
            state = after;
        }
        return transitions;
    }

    /** Reported only where the heater or vacuum changes, not again on every step that carries them over. */
    private static void checkHeaterVacuum(Transition t) {
        HeaterMode heater = t.after().heater();
        VacuumMode vacuum = t.after().vacuum();
        if (heater == HeaterMode.OFF || HEATING_VACUUM.contains(vacuum) || !(t.gives("heater") || t.gives("vacuum"))) {
            return;
        }
        t.report(t.gives("heater") ? "heater" : "vacuum", "heater " + quote(heater)
                + " needs vacuum 'high-vacuum', 'isolated' or 'process', not " + quote(vacuum));
    }

    private static void checkSetpointModes(Transition t) {
        for (TargetChannel channel : TargetChannel.values()) {
            channel.heaterMode()
                    .filter(mode -> t.gives(channel.key()) && mode != t.after().heater())
                    .ifPresent(mode -> t.report(channel.key(), needsHeater(mode, t)));
        }
    }

    /** Temperature control needs both setpoints; later steps may then change one and carry the other over. */
    private static void checkFirstTemperatureStep(Transition t) {
        if (t.before().heater() == HeaterMode.TEMPERATURE || t.after().heater() != HeaterMode.TEMPERATURE) {
            return;
        }
        for (TargetChannel channel : TEMPERATURES) {
            if (t.after().setpoint(channel).isEmpty()) {
                t.report(channel.key(), "heater", "has no setpoint yet; the first step with heater 'temperature' "
                        + "must set both seed_c and source_c");
            }
        }
    }

    private void checkGradient(Transition t) {
        OptionalDouble seedC = t.after().setpoint(TargetChannel.SEED_C);
        OptionalDouble sourceC = t.after().setpoint(TargetChannel.SOURCE_C);
        boolean changed = t.gives("seed_c") || t.gives("source_c") || t.before().heater() != HeaterMode.TEMPERATURE;
        if (t.after().heater() != HeaterMode.TEMPERATURE || !changed || seedC.isEmpty() || sourceC.isEmpty()) {
            return;
        }
        double gradientK = sourceC.getAsDouble() - seedC.getAsDouble();
        String field = t.gives("source_c") ? "source_c" : t.gives("seed_c") ? "seed_c" : "heater";
        String gradient = "source_c - seed_c = " + Units.format(sourceC.getAsDouble()) + " - "
                + Units.format(seedC.getAsDouble()) + " = " + Units.format(gradientK, "K");
        if (gradientK > limits.maxGradientK()) {
            t.report(field, gradient + ", above the furnace limit of " + Units.format(limits.maxGradientK(), "K"));
        } else if (gradientK < limits.minGradientK()) {
            t.report(field, gradient + ", below the furnace minimum of " + Units.format(limits.minGradientK(), "K"));
        }
    }

    private void checkRamp(Transition t) {
        if (!(t.step().step() instanceof Step.Ramp ramp)) {
            return;
        }
        if (ramp.pace() instanceof Step.ByTemperatureRate) {
            requireHeater(t, "rate_c_per_h", HeaterMode.TEMPERATURE);
        } else if (ramp.pace() instanceof Step.ByPowerRate) {
            requireHeater(t, "rate_kw_per_h", HeaterMode.POWER);
        } else if (ramp.pace() instanceof Step.ByTime byTime) {
            checkImpliedRates(t, byTime.time());
        }
    }

    private static void requireHeater(Transition t, String key, HeaterMode mode) {
        if (t.after().heater() != mode) {
            t.report(key, needsHeater(mode, t));
        }
    }

    /** The start of a timed ramp is known only if the channel was already the setpoint in the step before. */
    private void checkImpliedRates(Transition t, Duration time) {
        for (TargetChannel channel : TargetChannel.values()) {
            Optional<HeaterMode> mode = channel.heaterMode();
            OptionalDouble start = t.before().setpoint(channel);
            if (mode.isEmpty() || !t.gives(channel.key()) || t.before().heater() != mode.get()
                    || t.after().heater() != mode.get() || start.isEmpty()) {
                continue;
            }
            double target = t.after().setpoint(channel).getAsDouble();
            double ratePerHour = Math.abs(target - start.getAsDouble()) / Units.hours(time);
            double maxPerHour = channel.maxRatePerHour(limits);
            String rateUnit = channel.unit() + "/h";
            if (ratePerHour > maxPerHour) {
                t.report("time", channel.key() + " " + Units.format(start.getAsDouble()) + " → "
                        + Units.format(target, channel.unit()) + " in " + Units.format(time) + " is "
                        + Units.format(ratePerHour, rateUnit) + ", above the furnace limit of "
                        + Units.format(maxPerHour, rateUnit));
            }
        }
    }

    private static void checkPressure(Transition t) {
        VacuumMode vacuum = t.after().vacuum();
        if (t.gives("pressure_mbar") && vacuum != VacuumMode.PROCESS) {
            t.report("pressure_mbar", "a pressure setpoint needs vacuum 'process', not " + quote(vacuum));
        }
    }

    /** A flow carried over into a step that leaves 'process' is reported at that step's vacuum key. */
    private static void checkGasFlows(Transition t) {
        VacuumMode vacuum = t.after().vacuum();
        if (vacuum == VacuumMode.PROCESS) {
            return;
        }
        for (TargetChannel channel : GAS_FLOWS) {
            double flowSccm = t.after().setpoint(channel).orElse(0);
            String key = channel.key();
            if (flowSccm == 0) {
                continue;
            }
            if (t.gives(key)) {
                t.report(key, Units.format(flowSccm, "sccm") + " of gas needs vacuum 'process', not "
                        + quote(vacuum) + "; outside 'process' set " + key + ": 0");
            } else if (t.gives("vacuum")) {
                t.report(key, "vacuum", Units.format(flowSccm, "sccm") + " from an earlier step still flows, "
                        + "but gas needs vacuum 'process', not " + quote(vacuum) + "; set " + key + ": 0 in this step");
            }
        }
    }

    private static void checkHoldback(Transition t) {
        if (t.step().step().settings().holdback().isPresent() && t.after().heater() != HeaterMode.TEMPERATURE) {
            t.report("holdback", needsHeater(HeaterMode.TEMPERATURE, t));
        }
    }

    /** The step isolates the chamber itself; what it measures means nothing unless it starts from high vacuum. */
    private static void checkLeakCheck(Transition t) {
        if (!(t.step().step() instanceof Step.LeakCheck)) {
            return;
        }
        if (t.after().heater() != HeaterMode.OFF) {
            t.report("heater", "a leak check needs the heater 'off', not " + quote(t.after().heater()));
        }
        if (t.before().vacuum() != VacuumMode.HIGH_VACUUM) {
            t.report("", "", "a leak check needs vacuum 'high-vacuum' before it, not " + quote(t.before().vacuum()));
        }
    }

    private static void checkHeaterOffAtEnd(Transition last) {
        if (last.after().heater() != HeaterMode.OFF) {
            last.report("heater", "the last step must leave the heater 'off', not " + quote(last.after().heater()));
        }
    }

    private static String needsHeater(HeaterMode mode, Transition t) {
        return "needs heater " + quote(mode) + ", but the heater is " + quote(t.after().heater());
    }

    private static String quote(HeaterMode mode) {
        return "'" + mode.yamlName() + "'";
    }

    private static String quote(VacuumMode mode) {
        return "'" + mode.yamlName() + "'";
    }

    /** One step with the furnace state before and after it, and where its problems go. */
    private record Transition(LocatedStep step, FurnaceState before, FurnaceState after, Problems.Scope scope) {
        boolean gives(String key) {
            return step.gives(key);
        }

        void report(String key, String message) {
            report(key, key, message);
        }

        /** A problem with {@code field}, at the line of {@code lineKey} (the step's line if it does not give it). */
        void report(String field, String lineKey, String message) {
            scope.add(step.line(lineKey), field, message);
        }
    }
}
