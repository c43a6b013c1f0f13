package com.sicfurnace.controller.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One catalogue says which values a furnace's snapshots hold: every signal of its list, and the controller's own. */
class CatalogueTest {
    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everySignalOfTheFurnaceWithItsUnitAndTheControllersValues(String furnace) {
        IoList signals = IoList.fromClasspath().forFurnace(furnace);
        Catalogue catalogue = Catalogue.of(signals);
        List<CatalogueItem> items = catalogue.items();
        assertEquals(items.size(), items.stream().map(CatalogueItem::name).distinct().count(), "names are unique");
        for (SignalSpec spec : signals.signals()) {
            CatalogueItem item = catalogue.item(spec.name());
            assertEquals(Signal.byIoName(spec.name()), item.signal().orElseThrow());
            assertEquals(spec.unit(), item.unit(), spec.name());
            assertEquals(spec.isBoolean(), item.type() == CatalogueItem.Type.BOOLEAN, spec.name());
        }
        assertEquals(signals.size(), items.stream().filter(i -> i.signal().isPresent()).count(),
                "no signal the furnace lacks");
        Set<String> controller = items.stream().filter(i -> i.group().equals("control") || i.group().equals("run"))
                .map(CatalogueItem::name).collect(Collectors.toSet());
        assertTrue(controller.containsAll(Set.of("seed_sp_c", "source_sp_c", "pressure_sp_mbar", "pressure_mbar",
                "power_demand_kw", "power_sp_kw", "temperature_loop", "pressure_loop", "heater_mode", "vacuum_mode",
                "state", "hold_reason", "step_number", "step_name", "step_time_s", "step_time_left_s", "holding_back",
                "active_alarms", "interlocks_active")), controller.toString());
        assertEquals("ohm", catalogue.item("ps1_dc_resistance_ohm").unit());
        assertEquals(furnace.equals("8inch"), catalogue.contains("ps2_dc_resistance_ohm"));
        assertEquals(furnace.equals("6inch"), catalogue.contains("coil_position_mm"));
    }

    @Test
    void signalsAreGroupedByTheSubsystemTheyServe() {
        Catalogue catalogue = Catalogue.of(IoList.fromClasspath().forFurnace("6inch"));
        assertEquals("temperature", catalogue.item("pyro_top_c").group(), "the PLC folder of its node");
        assertEquals("heating", catalogue.item("ps1_power_kw").group(), "a supply serves the heating");
        assertEquals("gas", catalogue.item("ar_flow_sccm").group());
        assertEquals("vacuum", catalogue.item("cdg_pressure_mbar").group());
        assertEquals("cooling", catalogue.item("chiller_supply_c").group());
        assertTrue(catalogue.item("pyro_top_c").isInput());
        assertFalse(catalogue.item("heater_enable").isInput());
        assertTrue(catalogue.item("ps1_dc_resistance_ohm").measured(), "computed from inputs, with their quality");
    }

    @Test
    void anUnknownValueIsAnErrorThatNamesIt() {
        Catalogue catalogue = Catalogue.of(IoList.fromClasspath().forFurnace("6inch"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalogue.item("ps2_power_kw"));
        assertTrue(e.getMessage().startsWith("unknown value 'ps2_power_kw'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> catalogue.item("state").number(null), "state is text");
    }
}
