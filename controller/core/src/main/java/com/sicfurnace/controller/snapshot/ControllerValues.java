package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.snapshot.CatalogueItem.Type;
import java.util.List;
import java.util.Locale;

/** The controller's own values in the catalogue: its loops and modes ({@code control}) and the run ({@code run}). */
final class ControllerValues {
    private static final String CONTROL = "control";
    private static final String RUN = "run";

    private ControllerValues() {
    }

    static List<CatalogueItem> control() {
        return List.of(
                CatalogueItem.number("seed_sp_c", "°C", Type.NUMBER, false, CONTROL,
                        "Seed (top pyrometer) temperature setpoint; none until closed-loop control",
                        s -> s.loops().seedSetpointC()),
                CatalogueItem.number("source_sp_c", "°C", Type.NUMBER, false, CONTROL,
                        "Source (bottom pyrometer) temperature setpoint; none until closed-loop control",
                        s -> s.loops().sourceSetpointC()),
                CatalogueItem.number("pressure_sp_mbar", "mbar", Type.NUMBER, false, CONTROL,
                        "Chamber pressure setpoint; none outside pressure control", s -> s.loops().pressureSetpointMbar()),
                CatalogueItem.number("pressure_mbar", "mbar", Type.NUMBER, false, CONTROL,
                        "Chamber pressure from the gauge that fits the range; none while no gauge reads usably",
                        s -> s.loops().pressureMbar()),
                CatalogueItem.number("power_demand_kw", "kW", Type.NUMBER, false, CONTROL,
                        "Total heater power commanded, whatever the heater mode", s -> s.loops().powerDemandKw()),
                CatalogueItem.number("power_sp_kw", "kW", Type.NUMBER, false, CONTROL,
                        "Open-loop heater power setpoint in power mode; 0 otherwise", s -> s.loops().powerSetpointKw()),
                CatalogueItem.number("temperature_loop", "bool", Type.BOOLEAN, true, CONTROL,
                        "The seed loop controls the heater in closed loop", s -> flag(s.loops().temperatureControlled())),
                CatalogueItem.number("pressure_loop", "bool", Type.BOOLEAN, true, CONTROL,
                        "The throttle valve holds the chamber pressure", s -> flag(s.loops().pressureControlled())),
                CatalogueItem.text("heater_mode", CONTROL, "off, power or temperature",
                        s -> lower(s.loops().heaterMode())),
                CatalogueItem.text("vacuum_mode", CONTROL, "vent, rough, high_vacuum, isolated or process",
                        s -> lower(s.loops().vacuumMode())));
    }

    static List<CatalogueItem> run() {
        return List.of(
                CatalogueItem.text("recipe", RUN, "The recipe the run follows; another may be loaded before the start",
                        s -> s.run().recipe()),
                CatalogueItem.text("state", RUN, "ready, running, held, complete or aborted",
                        s -> s.run().state().label()),
                CatalogueItem.text("hold_reason", RUN,
                        "none, operator, interlock, comm_loss, wait_timeout or leak_check_failed",
                        s -> s.run().holdReason().label()),
                CatalogueItem.number("step_number", "count", Type.INTEGER, true, RUN,
                        "The recipe step running, from 1; 0 before the start", s -> s.run().stepNumber()),
                CatalogueItem.text("step_name", RUN, "The recipe step's name", s -> s.run().stepName()),
                CatalogueItem.number("step_time_s", "s", Type.NUMBER, false, RUN,
                        "How long the step timer has run in this step (it stands still while held or held back)",
                        s -> s.run().stepTimeS()),
                CatalogueItem.number("step_time_left_s", "s", Type.NUMBER, false, RUN,
                        "Step-timer time left in this step; empty for a wait step, whose end depends on its conditions",
                        s -> s.run().stepTimeLeftS()),
                CatalogueItem.number("holding_back", "bool", Type.BOOLEAN, true, RUN,
                        "Holdback stopped the step timer in this scan: the temperature lags its setpoint beyond the "
                                + "step's holdback limit", s -> flag(s.run().holdingBack())),
                CatalogueItem.number("active_alarms", "count", Type.INTEGER, true, RUN,
                        "Alarms whose condition holds, acknowledged or not", s -> s.activeAlarms().size()),
                CatalogueItem.number("interlocks_active", "count", Type.INTEGER, true, RUN,
                        "Rows of the interlock matrix active", s -> s.safety().active().size()));
    }

    private static double flag(boolean on) {
        return on ? 1.0 : 0.0;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
