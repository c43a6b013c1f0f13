package com.sicfurnace.controller.report;

import com.sicfurnace.controller.snapshot.Catalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend every run records: setpoints, process values and outputs, one row per furnace minute. Each column is
 * a value of the furnace's catalogue; columns of values the furnace does not have (the coil on a two-zone furnace,
 * the second supply on a one-zone one) are left out. Process values are written as read, whatever their quality.
 */
public final class TrendColumns {
    /** Column name, then the catalogue value it shows where the two differ. */
    private static final String[][] STANDARD = {
        {"seed_sp_c"}, {"seed_c", "pyro_top_c"}, {"source_sp_c"}, {"source_c", "pyro_bottom_c"},
        {"ps1_power_sp_kw"}, {"ps1_power_kw"}, {"ps1_dc_resistance_ohm"}, {"ps2_power_sp_kw"}, {"ps2_power_kw"},
        {"coil_position_sp_mm"}, {"coil_position_mm"}, {"pressure_sp_mbar"}, {"pressure_mbar"},
        {"throttle_valve_sp_pct"}, {"throttle_valve_pct"}, {"ar_flow_sp_sccm"}, {"ar_flow_sccm"},
        {"n2_flow_sp_sccm"}, {"n2_flow_sccm"}, {"tc_insulation_c"}, {"water_coil_outlet_c"},
        {"turbo_pump_speed_pct"}};

    private TrendColumns() {
    }

    public static List<TrendColumn> standard(Catalogue catalogue) {
        List<TrendColumn> columns = new ArrayList<>();
        for (String[] column : STANDARD) {
            String value = column[column.length - 1];
            if (catalogue.contains(value)) {
                columns.add(new TrendColumn(column[0], catalogue.item(value)::number));
            }
        }
        return columns;
    }
}
