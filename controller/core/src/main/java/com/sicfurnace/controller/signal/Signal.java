package com.sicfurnace.controller.signal;

import com.sicfurnace.iolist.Direction;

/**
 * Every signal of the I/O list that the controller knows, with the direction and unit it expects. A test holds
 * this catalogue equal to docs/io-list.csv, so a signal added to the list without code (or the reverse) fails
 * the build. Process images are arrays indexed by {@link #ordinal()}.
 */
public enum Signal {
    PYRO_TOP_C("pyro_top_c", Direction.IN, "°C"),
    PYRO_BOTTOM_C("pyro_bottom_c", Direction.IN, "°C"),
    TC_INSULATION_C("tc_insulation_c", Direction.IN, "°C"),
    TC_CHAMBER_WALL_C("tc_chamber_wall_c", Direction.IN, "°C"),
    HEATER_ENABLE("heater_enable", Direction.OUT, "bool"),
    HEATER_CONTACTOR_CLOSED("heater_contactor_closed", Direction.IN, "bool"),
    COIL_POSITION_SP_MM("coil_position_sp_mm", Direction.OUT, "mm"),
    COIL_POSITION_MM("coil_position_mm", Direction.IN, "mm"),
    GATE_VALVE_OPEN_CMD("gate_valve_open_cmd", Direction.OUT, "bool"),
    GATE_VALVE_OPEN("gate_valve_open", Direction.IN, "bool"),
    ROUGHING_VALVE_OPEN_CMD("roughing_valve_open_cmd", Direction.OUT, "bool"),
    ROUGHING_VALVE_OPEN("roughing_valve_open", Direction.IN, "bool"),
    VENT_VALVE_OPEN_CMD("vent_valve_open_cmd", Direction.OUT, "bool"),
    VENT_VALVE_OPEN("vent_valve_open", Direction.IN, "bool"),
    GAS_VALVE_OPEN_CMD("gas_valve_open_cmd", Direction.OUT, "bool"),
    GAS_VALVE_OPEN("gas_valve_open", Direction.IN, "bool"),
    THROTTLE_VALVE_SP_PCT("throttle_valve_sp_pct", Direction.OUT, "%"),
    THROTTLE_VALVE_PCT("throttle_valve_pct", Direction.IN, "%"),
    ROUGHING_PUMP_RUN_CMD("roughing_pump_run_cmd", Direction.OUT, "bool"),
    ROUGHING_PUMP_RUNNING("roughing_pump_running", Direction.IN, "bool"),
    ROUGHING_PUMP_SPEED_HZ("roughing_pump_speed_hz", Direction.IN, "Hz"),
    TURBO_PUMP_RUN_CMD("turbo_pump_run_cmd", Direction.OUT, "bool"),
    TURBO_PUMP_SPEED_PCT("turbo_pump_speed_pct", Direction.IN, "%"),
    TURBO_PUMP_AT_SPEED("turbo_pump_at_speed", Direction.IN, "bool"),
    LID_CLOSED("lid_closed", Direction.IN, "bool"),
    CABINET_DOOR_CLOSED("cabinet_door_closed", Direction.IN, "bool"),
    ESTOP_ACTIVE("estop_active", Direction.IN, "bool"),
    CONTROLLER_HEARTBEAT("controller_heartbeat", Direction.OUT, "count"),
    PLC_HEARTBEAT("plc_heartbeat", Direction.IN, "count"),
    PLC_WATCHDOG_TRIPPED("plc_watchdog_tripped", Direction.IN, "bool"),
    PLC_WATCHDOG_RESET("plc_watchdog_reset", Direction.OUT, "bool"),
    HEATER_POWER_LIMIT_PCT("heater_power_limit_pct", Direction.IN, "%"),
    PS1_POWER_SP_KW("ps1_power_sp_kw", Direction.OUT, "kW"),
    PS1_OUTPUT_ENABLE("ps1_output_enable", Direction.OUT, "bool"),
    PS1_FAULT_RESET("ps1_fault_reset", Direction.OUT, "bool"),
    PS1_POWER_KW("ps1_power_kw", Direction.IN, "kW"),
    PS1_VOLTAGE_V("ps1_voltage_v", Direction.IN, "V"),
    PS1_CURRENT_A("ps1_current_a", Direction.IN, "A"),
    PS1_FREQUENCY_KHZ("ps1_frequency_khz", Direction.IN, "kHz"),
    PS1_DC_VOLTAGE_V("ps1_dc_voltage_v", Direction.IN, "V"),
    PS1_DC_CURRENT_A("ps1_dc_current_a", Direction.IN, "A"),
    PS1_OUTPUT_ON("ps1_output_on", Direction.IN, "bool"),
    PS1_FAULT("ps1_fault", Direction.IN, "bool"),
    PS2_POWER_SP_KW("ps2_power_sp_kw", Direction.OUT, "kW"),
    PS2_OUTPUT_ENABLE("ps2_output_enable", Direction.OUT, "bool"),
    PS2_FAULT_RESET("ps2_fault_reset", Direction.OUT, "bool"),
    PS2_POWER_KW("ps2_power_kw", Direction.IN, "kW"),
    PS2_VOLTAGE_V("ps2_voltage_v", Direction.IN, "V"),
    PS2_CURRENT_A("ps2_current_a", Direction.IN, "A"),
    PS2_FREQUENCY_KHZ("ps2_frequency_khz", Direction.IN, "kHz"),
    PS2_DC_VOLTAGE_V("ps2_dc_voltage_v", Direction.IN, "V"),
    PS2_DC_CURRENT_A("ps2_dc_current_a", Direction.IN, "A"),
    PS2_OUTPUT_ON("ps2_output_on", Direction.IN, "bool"),
    PS2_FAULT("ps2_fault", Direction.IN, "bool"),
    AR_FLOW_SP_SCCM("ar_flow_sp_sccm", Direction.OUT, "sccm"),
    AR_FLOW_SCCM("ar_flow_sccm", Direction.IN, "sccm"),
    N2_FLOW_SP_SCCM("n2_flow_sp_sccm", Direction.OUT, "sccm"),
    N2_FLOW_SCCM("n2_flow_sccm", Direction.IN, "sccm"),
    CDG_PRESSURE_MBAR("cdg_pressure_mbar", Direction.IN, "mbar"),
    PIRANI_PRESSURE_MBAR("pirani_pressure_mbar", Direction.IN, "mbar"),
    ION_GAUGE_PRESSURE_MBAR("ion_gauge_pressure_mbar", Direction.IN, "mbar"),
    ION_GAUGE_ON("ion_gauge_on", Direction.IN, "bool"),
    CHILLER_SUPPLY_SP_C("chiller_supply_sp_c", Direction.OUT, "°C"),
    CHILLER_SUPPLY_C("chiller_supply_c", Direction.IN, "°C"),
    CHILLER_RUNNING("chiller_running", Direction.IN, "bool"),
    WATER_COIL_FLOW_LPM("water_coil_flow_lpm", Direction.IN, "L/min"),
    WATER_COIL_INLET_C("water_coil_inlet_c", Direction.IN, "°C"),
    WATER_COIL_OUTLET_C("water_coil_outlet_c", Direction.IN, "°C"),
    WATER_CHAMBER_FLOW_LPM("water_chamber_flow_lpm", Direction.IN, "L/min"),
    WATER_CHAMBER_INLET_C("water_chamber_inlet_c", Direction.IN, "°C"),
    WATER_CHAMBER_OUTLET_C("water_chamber_outlet_c", Direction.IN, "°C"),
    WATER_PS_FLOW_LPM("water_ps_flow_lpm", Direction.IN, "L/min"),
    WATER_PS_INLET_C("water_ps_inlet_c", Direction.IN, "°C"),
    WATER_PS_OUTLET_C("water_ps_outlet_c", Direction.IN, "°C");

    private static final Signal[] ALL = values();
    private final String ioName;
    private final Direction direction;
    private final String unit;

    Signal(String ioName, Direction direction, String unit) {
        this.ioName = ioName;
        this.direction = direction;
        this.unit = unit;
    }

    /** The name in the I/O list. */
    public String ioName() {
        return ioName;
    }

    public Direction direction() {
        return direction;
    }

    public String unit() {
        return unit;
    }

    public boolean isInput() {
        return direction == Direction.IN;
    }

    public static int count() {
        return ALL.length;
    }

    public static Signal byOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** The signal with this I/O-list name; an unknown name is an error that names it. */
    public static Signal byIoName(String name) {
        for (Signal s : ALL) {
            if (s.ioName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown signal '" + name + "': the controller has no such signal");
    }
}
