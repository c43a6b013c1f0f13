package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.RecipeLimits;
import com.sicfurnace.controller.recipe.Targets;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The setpoint channels a step may target, with their YAML keys, units and furnace limits. */
enum TargetChannel {
    SEED_C("seed_c", "°C"),
    SOURCE_C("source_c", "°C"),
    POWER_KW("power_kw", "kW"),
    PRESSURE_MBAR("pressure_mbar", "mbar"),
    ARGON_SCCM("ar_sccm", "sccm"),
    NITROGEN_SCCM("n2_sccm", "sccm");

    private final String key;
    private final String unit;

    TargetChannel(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    String key() {
        return key;
    }

    String unit() {
        return unit;
    }

    /** The setpoints a recipe may ask of this channel on this furnace. */
    Range range(RecipeLimits limits) {
        return switch (this) {
            case SEED_C, SOURCE_C -> Range.between(limits.minTemperatureC(), limits.maxTemperatureC(), unit);
            case POWER_KW -> Range.between(0, limits.maxPowerKw(), unit);
            case PRESSURE_MBAR -> Range.between(limits.minPressureMbar(), limits.maxPressureMbar(), unit);
            case ARGON_SCCM -> Range.between(0, limits.maxArgonSccm(), unit);
            case NITROGEN_SCCM -> Range.between(0, limits.maxNitrogenSccm(), unit);
        };
    }

    /** The heater mode in which this channel is a setpoint; empty for the vacuum and gas channels. */
    Optional<HeaterMode> heaterMode() {
        return switch (this) {
            case SEED_C, SOURCE_C -> Optional.of(HeaterMode.TEMPERATURE);
            case POWER_KW -> Optional.of(HeaterMode.POWER);
            default -> Optional.empty();
        };
    }

    /** How fast a heater channel may move, per hour; only for channels with a {@link #heaterMode()}. */
    double maxRatePerHour(RecipeLimits limits) {
        return switch (this) {
            case SEED_C, SOURCE_C -> limits.maxRampRateCPerH();
            case POWER_KW -> limits.maxPowerRateKwPerH();
            default -> throw new IllegalArgumentException(key + " has no rate limit");
        };
    }

    boolean isGasFlow() {
        return this == ARGON_SCCM || this == NITROGEN_SCCM;
    }

    OptionalDouble of(Targets targets) {
        return switch (this) {
            case SEED_C -> targets.seedC();
            case SOURCE_C -> targets.sourceC();
            case POWER_KW -> targets.powerKw();
            case PRESSURE_MBAR -> targets.pressureMbar();
            case ARGON_SCCM -> targets.argonSccm();
            case NITROGEN_SCCM -> targets.nitrogenSccm();
        };
    }

    /** Builds {@link Targets} channel by channel. */
    static Targets targets(Function<TargetChannel, OptionalDouble> valueOf) {
        return new Targets(valueOf.apply(SEED_C), valueOf.apply(SOURCE_C), valueOf.apply(POWER_KW),
                valueOf.apply(PRESSURE_MBAR), valueOf.apply(ARGON_SCCM), valueOf.apply(NITROGEN_SCCM));
    }
}
