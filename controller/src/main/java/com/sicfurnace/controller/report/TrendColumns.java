package com.sicfurnace.controller.report;

import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.loop.FurnaceController;
import java.util.ArrayList;
import java.util.List;

/** The trend every run records: setpoints, process values and outputs, one row per furnace minute. */
public final class TrendColumns {
    private TrendColumns() {
    }

    public static List<TrendColumn> standard(FurnaceProfile profile, ProcessImage in, OutputImage out,
                                             FurnaceController controller) {
        List<TrendColumn> columns = new ArrayList<>();
        columns.add(new TrendColumn("seed_sp_c", () -> controller.state().seedSetpointC()));
        columns.add(new TrendColumn("seed_c", () -> in.value(Signal.PYRO_TOP_C)));
        columns.add(new TrendColumn("source_sp_c", () -> controller.state().sourceSetpointC()));
        columns.add(new TrendColumn("source_c", () -> in.value(Signal.PYRO_BOTTOM_C)));
        columns.add(new TrendColumn("ps1_power_sp_kw", () -> out.value(Signal.PS1_POWER_SP_KW)));
        columns.add(new TrendColumn("ps1_power_kw", () -> in.value(Signal.PS1_POWER_KW)));
        columns.add(new TrendColumn("ps1_dc_resistance_ohm",
                () -> in.value(Signal.PS1_DC_VOLTAGE_V) / in.value(Signal.PS1_DC_CURRENT_A)));
        if (profile.zones() > 1) {
            columns.add(new TrendColumn("ps2_power_sp_kw", () -> out.value(Signal.PS2_POWER_SP_KW)));
            columns.add(new TrendColumn("ps2_power_kw", () -> in.value(Signal.PS2_POWER_KW)));
        } else {
            columns.add(new TrendColumn("coil_position_sp_mm", () -> out.value(Signal.COIL_POSITION_SP_MM)));
            columns.add(new TrendColumn("coil_position_mm", () -> in.value(Signal.COIL_POSITION_MM)));
        }
        columns.add(new TrendColumn("pressure_sp_mbar", () -> controller.state().pressureSetpointMbar()));
        columns.add(new TrendColumn("pressure_mbar", () -> controller.state().pressureMbar()));
        columns.add(new TrendColumn("throttle_valve_sp_pct", () -> out.value(Signal.THROTTLE_VALVE_SP_PCT)));
        columns.add(new TrendColumn("throttle_valve_pct", () -> in.value(Signal.THROTTLE_VALVE_PCT)));
        columns.add(new TrendColumn("ar_flow_sp_sccm", () -> out.value(Signal.AR_FLOW_SP_SCCM)));
        columns.add(new TrendColumn("ar_flow_sccm", () -> in.value(Signal.AR_FLOW_SCCM)));
        columns.add(new TrendColumn("n2_flow_sp_sccm", () -> out.value(Signal.N2_FLOW_SP_SCCM)));
        columns.add(new TrendColumn("n2_flow_sccm", () -> in.value(Signal.N2_FLOW_SCCM)));
        columns.add(new TrendColumn("tc_insulation_c", () -> in.value(Signal.TC_INSULATION_C)));
        columns.add(new TrendColumn("water_coil_outlet_c", () -> in.value(Signal.WATER_COIL_OUTLET_C)));
        columns.add(new TrendColumn("turbo_pump_speed_pct", () -> in.value(Signal.TURBO_PUMP_SPEED_PCT)));
        return columns;
    }
}
