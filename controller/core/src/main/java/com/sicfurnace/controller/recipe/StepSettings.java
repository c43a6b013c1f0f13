package com.sicfurnace.controller.recipe;

import java.util.Objects;
import java.util.Optional;

/** What every step may set: heater and vacuum modes (modal: empty keeps the previous), targets, holdback. */
public record StepSettings(Optional<HeaterMode> heater, Optional<VacuumMode> vacuum, Targets targets,
                           Optional<Holdback> holdback) {
    public static final StepSettings NONE =
            new StepSettings(Optional.empty(), Optional.empty(), Targets.NONE, Optional.empty());

    public StepSettings {
        Objects.requireNonNull(heater, "heater");
        Objects.requireNonNull(vacuum, "vacuum");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(holdback, "holdback");
    }
}
