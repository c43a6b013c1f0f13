package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Condition;
import com.sicfurnace.controller.recipe.RecipeLimits;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Maps one step of the YAML tree to a {@link Step}, reporting every problem in it: structure, types, and each
 * value against the furnace limits. Rules that relate steps to each other are {@link RecipeValidator}'s. One
 * instance per recipe, as it remembers the step names seen.
 */
final class StepParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]*");
    private static final Duration DEFAULT_SETTLE = Duration.ofMinutes(1);

    private final RecipeLimits limits;
    private final Problems problems;
    private final Map<String, Integer> stepNumbersByName = new HashMap<>();

    StepParser(RecipeLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** The step, or empty if it is too broken to build; either way its problems are reported. */
    Optional<LocatedStep> parse(YamlNode node, int number) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.step(number, "").add(node.line(), "",
                    "a step must be a mapping like {name: pump-down, type: wait, ...}, not " + node.describe());
            return Optional.empty();
        }
        String name = writtenName(mapping);
        MappingReader fields = new MappingReader(mapping, "", problems.step(number, name));
        checkName(fields, number);
        Optional<StepType> type = fields.required("type").choice(YamlNames.STEP_TYPES);
        fields.checkKeys(StepType.ALL_FIELDS, type.map(StepType::fields).orElse(StepType.ALL_FIELDS));
        type.ifPresent(known -> rejectFieldsNotFor(known, fields));
        StepSettings settings = settings(fields, type);
        return type.flatMap(known -> build(known, name, settings, fields))
                .map(step -> new LocatedStep(number, step, fields.keyLines()));
    }

    /** The name as written, for messages, even if it is not a valid one. */
    private static String writtenName(YamlNode.Mapping mapping) {
        return mapping.find("name")
                .map(entry -> entry.value() instanceof YamlNode.Scalar scalar ? scalar.text() : "")
                .orElse("");
    }

    private void checkName(MappingReader fields, int number) {
        fields.required("name").nonEmptyText().ifPresent(name -> {
            if (!NAME.matcher(name).matches()) {
                fields.report("name", "'" + name + "' is not a valid step name: start with a letter or digit, "
                        + "then use letters, digits, spaces, '_' or '-'");
                return;
            }
            Integer firstNumber = stepNumbersByName.putIfAbsent(name, number);
            if (firstNumber != null) {
                fields.report("name", "'" + name + "' is already the name of step " + firstNumber);
            }
        });
    }

    private static void rejectFieldsNotFor(StepType type, MappingReader fields) {
        for (String key : fields.keyLines().keySet()) {
            if (StepType.ALL_FIELDS.contains(key)) {
                type.whyNotApplicable(key).ifPresent(reason -> fields.report(key, reason));
            }
        }
    }

    private StepSettings settings(MappingReader fields, Optional<StepType> type) {
        return new StepSettings(
                applicable(fields, type, "heater").choice(YamlNames.HEATER_MODES),
                applicable(fields, type, "vacuum").choice(YamlNames.VACUUM_MODES),
                TargetChannel.targets(channel -> applicable(fields, type, channel.key()).number(channel.range(limits))),
                applies(type, "holdback") ? HoldbackReader.read(fields) : Optional.empty());
    }

    /** Fields that do not apply to the type were reported already; reading them would only add noise. */
    private static FieldValue applicable(MappingReader fields, Optional<StepType> type, String key) {
        return applies(type, key) ? fields.optional(key) : new FieldValue(fields, key, Optional.empty());
    }

    private static boolean applies(Optional<StepType> type, String key) {
        return type.map(known -> known.fields().contains(key)).orElse(true);
    }

    private Optional<Step> build(StepType type, String name, StepSettings settings, MappingReader fields) {
        return switch (type) {
            case RAMP -> ramp(name, settings, fields);
            case SOAK -> fields.required("duration").duration(limits.maxStepHours())
                    .map(duration -> new Step.Soak(name, fields.line(), settings, duration));
            case WAIT -> waitStep(name, settings, fields);
            case LEAK_CHECK -> leakCheck(name, settings, fields);
        };
    }

    private Optional<Step> ramp(String name, StepSettings settings, MappingReader fields) {
        if (Arrays.stream(TargetChannel.values()).noneMatch(channel -> fields.has(channel.key()))) {
            fields.scope().add(fields.line(), "", "a ramp needs at least one target: seed_c, source_c, power_kw, "
                    + "pressure_mbar, ar_sccm or n2_sccm");
        }
        return pace(fields).map(pace -> new Step.Ramp(name, fields.line(), settings, pace));
    }

    private Optional<Step.Pace> pace(MappingReader fields) {
        List<String> given = StepType.PACES.stream().filter(fields::has).toList();
        if (given.isEmpty()) {
            fields.scope().add(fields.line(), "", "a ramp needs a pace: time, rate_c_per_h or rate_kw_per_h");
            return Optional.empty();
        }
        if (given.size() > 1) {
            fields.report(given.get(1), "a ramp takes one pace; give " + given.get(0) + " or " + given.get(1)
                    + ", not both");
            return Optional.empty();
        }
        return switch (given.get(0)) {
            case "time" -> fields.optional("time").duration(limits.maxStepHours()).map(Step.ByTime::new);
            case "rate_c_per_h" -> temperatureRate(fields);
            default -> powerRate(fields);
        };
    }

    private Optional<Step.Pace> temperatureRate(MappingReader fields) {
        if (!fields.has("seed_c") && !fields.has("source_c")) {
            fields.report("rate_c_per_h", "needs a seed_c or source_c target in the same step");
        }
        OptionalDouble rate = fields.optional("rate_c_per_h")
                .number(Range.positiveUpTo(limits.maxRampRateCPerH(), "°C/h"));
        return rate.isPresent() ? Optional.of(new Step.ByTemperatureRate(rate.getAsDouble())) : Optional.empty();
    }

    private Optional<Step.Pace> powerRate(MappingReader fields) {
        if (!fields.has("power_kw")) {
            fields.report("rate_kw_per_h", "needs a power_kw target in the same step");
        }
        OptionalDouble rate = fields.optional("rate_kw_per_h")
                .number(Range.positiveUpTo(limits.maxPowerRateKwPerH(), "kW/h"));
        return rate.isPresent() ? Optional.of(new Step.ByPowerRate(rate.getAsDouble())) : Optional.empty();
    }

    private Optional<Step> waitStep(String name, StepSettings settings, MappingReader fields) {
        Optional<List<Condition>> until = ConditionReader.read(fields);
        Optional<Duration> timeout = fields.optional("timeout").duration(limits.maxStepHours());
        Step.TimeoutAction onTimeout = fields.optional("on_timeout").choice(YamlNames.TIMEOUT_ACTIONS)
                .orElse(Step.TimeoutAction.HOLD);
        if (fields.has("on_timeout") && !fields.has("timeout")) {
            fields.report("on_timeout", "has no effect without a timeout");
        }
        return until.map(conditions -> new Step.Wait(name, fields.line(), settings, conditions, timeout, onTimeout));
    }

    /** The second window's rate as a fraction of the first: a ratio, so more than 0 and at most 1; NaN if bad. */
    private static double linearRatio(MappingReader fields) {
        double ratio = fields.optional("linear_ratio").number(Range.ANY).orElse(Double.NaN);
        if (!Double.isNaN(ratio) && !(ratio > 0 && ratio <= 1)) {
            fields.report("linear_ratio", Units.format(ratio) + " must be greater than 0 and at most 1");
            return Double.NaN;
        }
        return ratio;
    }

    private Optional<Step> leakCheck(String name, StepSettings settings, MappingReader fields) {
        Optional<Duration> duration = fields.required("duration").duration(limits.maxStepHours());
        OptionalDouble maxLeakRate = fields.required("max_leak_rate_mbar_l_per_s")
                .number(Range.positiveUpTo(Double.POSITIVE_INFINITY, "mbar·l/s"));
        Duration settle = fields.optional("settle").duration(limits.maxStepHours()).orElse(DEFAULT_SETTLE);
        Step.FailAction onFail = fields.optional("on_fail").choice(YamlNames.FAIL_ACTIONS).orElse(Step.FailAction.ABORT);
        double linearRatio = fields.has("linear_ratio") ? linearRatio(fields) : Step.LeakCheck.DEFAULT_LINEAR_RATIO;
        if (duration.isEmpty() || maxLeakRate.isEmpty() || Double.isNaN(linearRatio)) {
            return Optional.empty();
        }
        return Optional.of(new Step.LeakCheck(name, fields.line(), settings, settle, duration.get(),
                maxLeakRate.getAsDouble(), linearRatio, onFail));
    }
}
