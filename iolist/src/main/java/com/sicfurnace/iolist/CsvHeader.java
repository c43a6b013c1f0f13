package com.sicfurnace.iolist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The header of the I/O list CSV: maps column names to positions and turns rows into signals. */
final class CsvHeader {
    static final List<String> COLUMNS = List.of("name", "description", "direction", "unit", "min", "max",
            "device", "protocol", "address", "data_type", "unit_id", "table", "word_order", "scale", "scan_class",
            "furnaces");

    private final Map<String, Integer> positions;

    private CsvHeader(Map<String, Integer> positions) {
        this.positions = positions;
    }

    static CsvHeader parse(String line, String source) {
        List<String> names = split(stripBom(line));
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i).trim(), i);
        }
        for (String column : COLUMNS) {
            if (!positions.containsKey(column)) {
                throw new IoListException(source + ":1: header lacks column '" + column + "'");
            }
        }
        return new CsvHeader(positions);
    }

    SignalSpec parseRow(String line, String source, int lineNumber) {
        List<String> cells = split(line);
        if (cells.size() != positions.size()) {
            throw new IoListException(source + ":" + lineNumber + ": expected " + positions.size()
                    + " columns, found " + cells.size());
        }
        Row row = new Row(cells);
        try {
            return toSignal(row);
        } catch (IllegalArgumentException e) {
            throw new IoListException(source + ":" + lineNumber + ": signal '" + row.text("name") + "': "
                    + e.getMessage(), e);
        }
    }

    private SignalSpec toSignal(Row row) {
        Protocol protocol = Protocol.parse(row.text("protocol"));
        DataType dataType = DataType.parse(row.text("data_type"));
        Optional<String> nodeId = Optional.empty();
        Optional<ModbusAddress> modbus = Optional.empty();
        if (protocol == Protocol.OPCUA) {
            nodeId = Optional.of(requireNodeId(row.text("address")));
        } else {
            modbus = Optional.of(new ModbusAddress(row.integer("unit_id"), ModbusTable.parse(row.text("table")),
                    row.integer("address"), dataType, row.optional("word_order").map(WordOrder::parse).orElse(null),
                    row.optional("scale").map(s -> row.number("scale")).orElse(1.0)));
        }
        return new SignalSpec(row.text("name"), row.text("description"), Direction.parse(row.text("direction")),
                row.text("unit"), row.number("min"), row.number("max"), row.text("device"), protocol, dataType,
                nodeId, modbus, ScanClass.parse(row.text("scan_class")), furnaces(row.text("furnaces")));
    }

    private static String requireNodeId(String address) {
        if (!address.matches("ns=\\d+;[sin]=.+")) {
            throw new IllegalArgumentException("address '" + address + "' is not an OPC UA node id like "
                    + "ns=2;s=Furnace/Heating/PowerSetpoint");
        }
        return address;
    }

    private static Set<String> furnaces(String text) {
        if (text.equals(IoList.ALL_FURNACES)) {
            return Set.of();
        }
        Set<String> variants = new HashSet<>(Arrays.asList(text.split("\\s+")));
        variants.remove("");
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("furnaces must be 'all' or a list of variants like '8inch'");
        }
        return variants;
    }

    /** Splits a CSV line; fields may be quoted with double quotes, a doubled quote stands for one. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** One data row, with typed access that names the column on error. */
    private final class Row {
        private final List<String> cells;

        Row(List<String> cells) {
            this.cells = cells;
        }

        String text(String column) {
            String value = cells.get(positions.get(column)).trim();
            if (value.isEmpty() && !column.equals("description")) {
                throw new IllegalArgumentException("column '" + column + "' is empty");
            }
            return value;
        }

        Optional<String> optional(String column) {
            String value = cells.get(positions.get(column)).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        double number(String column) {
            String value = text(column);
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column '" + column + "' must be a number, not '" + value + "'", e);
            }
        }

        int integer(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column '" + column + "' must be a whole number, not '" + value
                        + "'", e);
            }
        }
    }
}
