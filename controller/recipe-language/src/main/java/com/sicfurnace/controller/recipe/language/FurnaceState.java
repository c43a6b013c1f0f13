package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.util.OptionalDouble;

/**
 * The modes and setpoints in force after a step: each step changes only what it gives and carries the rest over.
 * Empty setpoints are not known yet.
 */
record FurnaceState(HeaterMode heater, VacuumMode vacuum, Targets setpoints) {
    /** Before step 1: heater off, chamber at atmosphere, no setpoints except closed gas flows. */
    static final FurnaceState AT_START = new FurnaceState(HeaterMode.OFF, VacuumMode.VENT,
            TargetChannel.targets(channel -> channel.isGasFlow() ? OptionalDouble.of(0) : OptionalDouble.empty()));

    FurnaceState after(StepSettings step) {
        return new FurnaceState(step.heater().orElse(heater), step.vacuum().orElse(vacuum),
                TargetChannel.targets(channel -> {
                    OptionalDouble given = channel.of(step.targets());
                    return given.isPresent() ? given : channel.of(setpoints);
                }));
    }

    OptionalDouble setpoint(TargetChannel channel) {
        return channel.of(setpoints);
    }
}
