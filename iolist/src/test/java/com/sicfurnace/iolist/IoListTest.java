package com.sicfurnace.iolist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IoListTest {
    private static final String HEADER = String.join(",", CsvHeader.COLUMNS) + "\n";
    private static final String GOOD_OPCUA =
            "pyro_top_c,Top pyrometer,in,°C,1000,3000,plc,opcua,ns=2;s=Furnace/Temperature/PyrometerTop,double,,,,,fast,all\n";
    private static final String GOOD_MODBUS =
            "ps1_power_kw,Power,in,kW,0,40,ps1,modbus,0,float32,1,input_register,ABCD,,fast,all\n";

    @Test
    void shippedListLoadsAndCoversBothProtocolsAndBothFurnaces() {
        IoList list = IoList.fromClasspath();
        assertTrue(list.size() > 60, "the list has " + list.size() + " signals");
        assertTrue(list.signals().stream().anyMatch(s -> s.protocol() == Protocol.OPCUA));
        assertTrue(list.signals().stream().anyMatch(s -> s.protocol() == Protocol.MODBUS));
        assertTrue(list.forFurnace("8inch").find("ps2_power_sp_kw").isPresent());
        assertFalse(list.forFurnace("6inch").find("ps2_power_sp_kw").isPresent());
        assertTrue(list.forFurnace("6inch").find("coil_position_sp_mm").isPresent());
        assertFalse(list.forFurnace("8inch").find("coil_position_sp_mm").isPresent());
    }

    @Test
    void readsModbusEncodingAndScale() {
        IoList list = IoList.fromClasspath();
        ModbusAddress n2 = list.get("n2_flow_sp_sccm").modbus().orElseThrow();
        assertEquals(4, n2.unitId());
        assertEquals(ModbusTable.HOLDING_REGISTER, n2.table());
        assertEquals(DataType.UINT16, n2.dataType());
        assertEquals(0.001, n2.scale(), 1e-12);
        assertEquals(WordOrder.CDAB, list.get("ar_flow_sccm").modbus().orElseThrow().wordOrder());
        assertEquals("ns=2;s=Furnace/Temperature/PyrometerTop", list.get("pyro_top_c").nodeId().orElseThrow());
    }

    @Test
    void unknownSignalIsNamed() {
        IoListException e = assertThrows(IoListException.class, () -> IoList.fromClasspath().get("pyro_middle_c"));
        assertEquals("unknown signal 'pyro_middle_c': it is not in the I/O list", e.getMessage());
    }

    @Test
    void quotedDescriptionMayHoldCommas() {
        IoList list = parse(HEADER
                + "pyro_top_c,\"Top pyrometer, lid side\",in,°C,1000,3000,plc,opcua,ns=2;s=A/B,double,,,,,fast,all\n");
        assertEquals("Top pyrometer, lid side", list.get("pyro_top_c").description());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        duplicate name        | DUP   | test.csv: signal 'pyro_top_c' appears more than once
        bad direction         | DIR   | test.csv:2: signal 'x_c': direction must be 'in' or 'out', not 'inout'
        min above max         | RANGE | test.csv:2: signal 'x_c': min 10.0 must be below max 5.0
        bad node id           | NODE  | test.csv:2: signal 'x_c': address 'Furnace/X' is not an OPC UA node id like ns=2;s=Furnace/Heating/PowerSetpoint
        float without order   | ORDER | test.csv:2: signal 'x_kw': float32 needs a word_order (ABCD or CDAB)
        output in input table | TABLE | test.csv:2: signal 'x_kw': an output cannot live in table input_register
        bool in registers     | BOOL  | test.csv:2: signal 'x': data_type bool does not fit table holding_register
        registers overlap     | OVER  | test.csv: Modbus signals 'ps1_power_kw' and 'y_kw' overlap in unit 1 input_register
        number expected       | NUM   | test.csv:2: signal 'x_c': column 'max' must be a number, not 'hot'
        missing column count  | COLS  | test.csv:2: expected 16 columns, found 3
        opcua type on modbus  | TYPE  | test.csv:2: signal 'x_kw': data_type double is not used with modbus
        """)
    void malformedRowsAreRejectedWithFileLineAndReason(String title, String key, String message) {
        IoListException e = assertThrows(IoListException.class, () -> parse(HEADER + malformed(key)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingHeaderColumnIsNamed() {
        IoListException e = assertThrows(IoListException.class,
                () -> parse("name,direction\n" + GOOD_OPCUA));
        assertEquals("test.csv:1: header lacks column 'description'", e.getMessage());
    }

    private static String malformed(String key) {
        return switch (key) {
            case "DUP" -> GOOD_OPCUA + GOOD_OPCUA;
            case "DIR" -> "x_c,X,inout,°C,0,1,plc,opcua,ns=2;s=A,double,,,,,fast,all\n";
            case "RANGE" -> "x_c,X,in,°C,10,5,plc,opcua,ns=2;s=A,double,,,,,fast,all\n";
            case "NODE" -> "x_c,X,in,°C,0,5,plc,opcua,Furnace/X,double,,,,,fast,all\n";
            case "ORDER" -> "x_kw,X,in,kW,0,5,ps1,modbus,0,float32,1,input_register,,,fast,all\n";
            case "TABLE" -> "x_kw,X,out,kW,0,5,ps1,modbus,0,float32,1,input_register,ABCD,,fast,all\n";
            case "BOOL" -> "x,X,out,bool,0,1,ps1,modbus,0,bool,1,holding_register,,,fast,all\n";
            case "OVER" -> GOOD_MODBUS + "y_kw,Y,in,kW,0,40,ps1,modbus,1,float32,1,input_register,ABCD,,fast,all\n";
            case "NUM" -> "x_c,X,in,°C,0,hot,plc,opcua,ns=2;s=A,double,,,,,fast,all\n";
            case "COLS" -> "x_c,X,in\n";
            case "TYPE" -> "x_kw,X,in,kW,0,5,ps1,modbus,0,double,1,input_register,ABCD,,fast,all\n";
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static IoList parse(String csv) {
        return IoList.parse(new StringReader(csv), "test.csv");
    }
}
