package com.sicfurnace.controller.recipe;

import java.util.OptionalDouble;

/**
 * Setpoint targets a step gives; an empty value keeps what the previous step left. Seed is the top (lid)
 * pyrometer, source the bottom one.
 */
public record Targets(OptionalDouble seedC, OptionalDouble sourceC, OptionalDouble powerKw,
                      OptionalDouble pressureMbar, OptionalDouble argonSccm, OptionalDouble nitrogenSccm) {

    public static final Targets NONE = new Targets(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
}
