package com.sicfurnace.simulator.plant;

import com.sicfurnace.simulator.fault.Faults.Circuit;
import com.sicfurnace.simulator.model.FurnaceModel;
import com.sicfurnace.simulator.model.SupplyReadings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The simulator's side of the I/O list: every signal name bound to what the model reads or commands. Output
 * signals write into {@link OutputLatch} registers; the model sees them as commands.
 */
final class PlantSignals {
    private final FurnaceModel model;
    private final OutputLatch latch;
    private final Map<String, Binding> bindings = new HashMap<>();

    private PlantSignals(FurnaceModel model, OutputLatch latch) {
        this.model = model;
        this.latch = latch;
    }

    static Map<String, Binding> bind(FurnaceModel model, OutputLatch latch) {
        PlantSignals signals = new PlantSignals(model, latch);
        signals.temperatures();
        signals.heating();
        for (int zone = 1; zone <= model.zoneCount(); zone++) {
            signals.supply(zone);
        }
        signals.vacuum();
        signals.safety();
        signals.gas();
        signals.cooling();
        return Map.copyOf(signals.bindings);
    }

    private void temperatures() {
        bindings.put("pyro_top_c", Binding.sensor(model::pyrometerTopC, model::pyrometerTopStatus));
        bindings.put("pyro_bottom_c", Binding.sensor(model::pyrometerBottomC, model::pyrometerBottomStatus));
        bindings.put("tc_insulation_c",
                Binding.sensor(model::thermocoupleInsulationC, model::thermocoupleInsulationStatus));
        bindings.put("tc_chamber_wall_c", Binding.reading(model::thermocoupleChamberWallC));
    }

    private void heating() {
        bindings.put("heater_enable", Binding.command(v -> model.setHeaterEnable(v != 0)));
        bindings.put("heater_contactor_closed", Binding.flag(model::heaterContactorClosed));
        if (model.hasCoilLift()) {
            bindings.put("coil_position_sp_mm", Binding.command(model::setCoilPositionSetpointMm,
                    model.config().heating().coil().initialMm()));
            bindings.put("coil_position_mm", Binding.reading(model::coilPositionMm));
        }
    }

    private void supply(int zone) {
        String p = "ps" + zone + "_";
        bindings.put(p + "power_sp_kw", Binding.command(v -> latch.supplySetpoint(zone, v)));
        bindings.put(p + "output_enable", Binding.command(v -> latch.supplyEnable(zone, v != 0)));
        bindings.put(p + "fault_reset", Binding.command(v -> latch.supplyReset(zone, v != 0)));
        supplyReading(p + "power_kw", zone, SupplyReadings::powerKw);
        supplyReading(p + "voltage_v", zone, SupplyReadings::voltageV);
        supplyReading(p + "current_a", zone, SupplyReadings::currentA);
        supplyReading(p + "frequency_khz", zone, SupplyReadings::frequencyKhz);
        supplyReading(p + "dc_voltage_v", zone, SupplyReadings::dcVoltageV);
        supplyReading(p + "dc_current_a", zone, SupplyReadings::dcCurrentA);
        bindings.put(p + "output_on", Binding.flag(() -> model.supply(zone).outputOn()));
        bindings.put(p + "fault", Binding.flag(() -> model.supply(zone).fault()));
    }

    private void supplyReading(String name, int zone, ToDoubleFunction<SupplyReadings> field) {
        bindings.put(name, Binding.reading(() -> field.applyAsDouble(model.supply(zone))));
    }

    private void vacuum() {
        bindings.put("gate_valve_open_cmd", Binding.command(v -> model.setGateValve(v != 0)));
        bindings.put("gate_valve_open", Binding.flag(model::gateValveOpen));
        bindings.put("roughing_valve_open_cmd", Binding.command(v -> model.setRoughingValve(v != 0)));
        bindings.put("roughing_valve_open", Binding.flag(model::roughingValveOpen));
        bindings.put("vent_valve_open_cmd", Binding.command(v -> model.setVentValve(v != 0)));
        bindings.put("vent_valve_open", Binding.flag(model::ventValveOpen));
        bindings.put("throttle_valve_sp_pct", Binding.command(model::setThrottleSetpointPct));
        bindings.put("throttle_valve_pct", Binding.reading(model::throttleValvePct));
        bindings.put("roughing_pump_run_cmd", Binding.command(v -> model.setRoughingPump(v != 0)));
        bindings.put("roughing_pump_running", Binding.flag(model::roughingPumpRunning));
        bindings.put("roughing_pump_speed_hz", Binding.reading(model::roughingPumpSpeedHz));
        bindings.put("turbo_pump_run_cmd", Binding.command(v -> model.setTurboPump(v != 0)));
        bindings.put("turbo_pump_speed_pct", Binding.reading(model::turboPumpSpeedPct));
        bindings.put("turbo_pump_at_speed", Binding.flag(model::turboPumpAtSpeed));
        bindings.put("cdg_pressure_mbar", Binding.reading(model::capacitanceManometerMbar));
        bindings.put("pirani_pressure_mbar", Binding.reading(model::piraniMbar));
        bindings.put("ion_gauge_pressure_mbar", Binding.reading(model::ionGaugeMbar));
        bindings.put("ion_gauge_on", Binding.flag(model::ionGaugeOn));
    }

    private void safety() {
        bindings.put("lid_closed", Binding.flag(model::lidClosed));
        bindings.put("cabinet_door_closed", Binding.flag(model::cabinetDoorClosed));
        bindings.put("estop_active", Binding.flag(model::emergencyStopActive));
        bindings.put("controller_heartbeat", Binding.command(v -> model.setControllerHeartbeat((int) v)));
        bindings.put("plc_heartbeat", Binding.reading(model::plcHeartbeat));
        bindings.put("plc_watchdog_tripped", Binding.flag(model::watchdogTripped));
        bindings.put("plc_watchdog_reset", Binding.command(v -> model.setWatchdogReset(v != 0)));
        bindings.put("heater_power_limit_pct", Binding.reading(model::heaterPowerLimitPct));
    }

    private void gas() {
        bindings.put("gas_valve_open_cmd", Binding.command(v -> model.setGasValve(v != 0)));
        bindings.put("gas_valve_open", Binding.flag(model::gasValveOpen));
        bindings.put("ar_flow_sp_sccm", Binding.command(model::setArgonSetpointSccm));
        bindings.put("ar_flow_sccm", Binding.reading(model::argonFlowSccm));
        bindings.put("n2_flow_sp_sccm", Binding.command(model::setNitrogenSetpointSccm));
        bindings.put("n2_flow_sccm", Binding.reading(model::nitrogenFlowSccm));
    }

    private void cooling() {
        bindings.put("chiller_supply_sp_c", Binding.command(model::setChillerSetpointC,
                model.config().cooling().chillerSetpointC()));
        bindings.put("chiller_supply_c", Binding.reading(model::chillerSupplyC));
        bindings.put("chiller_running", Binding.flag(model::chillerRunning));
        circuit("water_coil_", Circuit.COIL);
        circuit("water_chamber_", Circuit.CHAMBER);
        circuit("water_ps_", Circuit.POWER_SUPPLY);
    }

    private void circuit(String prefix, Circuit circuit) {
        bindings.put(prefix + "flow_lpm", Binding.reading(() -> model.waterFlowLpm(circuit)));
        bindings.put(prefix + "inlet_c", Binding.reading(() -> model.waterInletC(circuit)));
        bindings.put(prefix + "outlet_c", Binding.reading(() -> model.waterOutletC(circuit)));
    }
}
