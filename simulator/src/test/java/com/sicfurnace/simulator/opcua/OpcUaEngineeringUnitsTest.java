package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpcUaEngineeringUnitsTest {

    /** The expected codes are written out here from UNECE Recommendation 20, not taken from Milo's table. */
    @ParameterizedTest
    @CsvSource({"°C,CEL", "mm,MMT", "%,P1", "kW,KWT", "V,VLT", "A,AMP", "kHz,KHZ", "Hz,HTZ", "mbar,MBR",
            "L/min,L2"})
    void listUnitsCarryTheirUneceCode(String unit, String code) {
        EUInformation information = EngineeringUnits.of(unit);
        assertEquals("http://www.opcfoundation.org/UA/units/un/cefact", information.getNamespaceUri());
        assertEquals(unitId(code), information.getUnitId(), unit + " = " + code);
        assertEquals(unit, information.getDisplayName().text());
    }

    @ParameterizedTest
    @CsvSource({"sccm", "count"})
    void unitsWithoutACodeGetMinusOneAndTheListsName(String unit) {
        EUInformation information = EngineeringUnits.of(unit);
        assertEquals(-1, information.getUnitId());
        assertEquals(EngineeringUnits.IO_LIST_UNITS_URI, information.getNamespaceUri());
        assertEquals(unit, information.getDisplayName().text());
    }

    /** OPC UA Part 8: the code's ASCII characters, left to right, packed into the low bytes of an Int32. */
    private static int unitId(String code) {
        int id = 0;
        for (char c : code.toCharArray()) {
            id = (id << 8) | c;
        }
        return id;
    }
}
