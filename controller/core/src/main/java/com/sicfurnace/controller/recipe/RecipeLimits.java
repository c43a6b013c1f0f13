package com.sicfurnace.controller.recipe;

/**
 * What a furnace allows a recipe to ask for. Recipes are validated against these before they may run; the
 * figures come from the furnace profile (controller/src/main/resources/profiles).
 *
 * @param minTemperatureC   lowest temperature setpoint: the pyrometers cannot control below their range
 * @param chamberVolumeL    used to turn a leak-check's pressure rise into a leak rate
 */
public record RecipeLimits(String furnace, double minTemperatureC, double maxTemperatureC, double minGradientK,
                           double maxGradientK, double maxRampRateCPerH, double maxPowerKw,
                           double maxPowerRateKwPerH, double minPressureMbar, double maxPressureMbar,
                           double maxArgonSccm, double maxNitrogenSccm, double maxStepHours,
                           double chamberVolumeL) {
}
