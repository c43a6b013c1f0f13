package com.sicfurnace.simulator.opcua;

import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.CefactEngineeringUnits;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;

/**
 * The I/O list's units as OPC UA EUInformation, with the UN/CEFACT Recommendation 20 code (OPC UA Part 8) where
 * one exists. The display name is the unit as the I/O list writes it, so that every client shows the same text
 * as the document; the codes and descriptions come from Milo's copy of the UNECE table.
 */
final class EngineeringUnits {
    /** Units with no Recommendation 20 code get unitId -1 and this namespace: the I/O list defines them. */
    static final String IO_LIST_UNITS_URI = "urn:sicfurnace:iolist:units";

    private static final Map<String, EUInformation> UNECE = Map.ofEntries(
            Map.entry("°C", CefactEngineeringUnits.CODE_CEL),
            Map.entry("mm", CefactEngineeringUnits.CODE_MMT),
            Map.entry("%", CefactEngineeringUnits.CODE_P1),
            Map.entry("kW", CefactEngineeringUnits.CODE_KWT),
            Map.entry("V", CefactEngineeringUnits.CODE_VLT),
            Map.entry("A", CefactEngineeringUnits.CODE_AMP),
            Map.entry("kHz", CefactEngineeringUnits.CODE_KHZ),
            Map.entry("Hz", CefactEngineeringUnits.CODE_HTZ),
            Map.entry("mbar", CefactEngineeringUnits.CODE_MBR),
            Map.entry("L/min", CefactEngineeringUnits.CODE_L2));
    // sccm has no code: Rec 20's cm³/min (G49) is at actual, not standard, conditions.

    private EngineeringUnits() {
    }

    static EUInformation of(String unit) {
        EUInformation code = UNECE.get(unit);
        if (code == null) {
            return new EUInformation(IO_LIST_UNITS_URI, -1, LocalizedText.english(unit), LocalizedText.english(unit));
        }
        return new EUInformation(code.getNamespaceUri(), code.getUnitId(), LocalizedText.english(unit),
                code.getDescription());
    }
}
