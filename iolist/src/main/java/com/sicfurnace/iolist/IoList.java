package com.sicfurnace.iolist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The I/O list: every signal between the controller and the furnace, in the order of the document.
 *
 * <p>The build copies {@code docs/io-list.csv} into each module's resources as {@code iolist/io-list.csv};
 * {@link #fromClasspath()} reads that copy. The list is checked on load: names are unique, ranges are sane,
 * and no two Modbus signals of one device overlap.
 */
public final class IoList {
    public static final String RESOURCE = "/iolist/io-list.csv";
    public static final String ALL_FURNACES = "all";

    private final List<SignalSpec> signals;
    private final Map<String, SignalSpec> byName;

    private IoList(List<SignalSpec> signals) {
        this.signals = List.copyOf(signals);
        Map<String, SignalSpec> index = new LinkedHashMap<>();
        signals.forEach(s -> index.put(s.name(), s));
        this.byName = Collections.unmodifiableMap(index);
    }

    /** Reads the copy of the I/O list that the build placed in this module's resources. */
    public static IoList fromClasspath() {
        InputStream stream = IoList.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IoListException("I/O list resource " + RESOURCE + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse(reader, "io-list.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses CSV text; {@code source} names the file in error messages. */
    public static IoList parse(Reader reader, String source) {
        List<String> lines = readLines(reader, source);
        if (lines.isEmpty()) {
            throw new IoListException(source + ": the file is empty");
        }
        CsvHeader header = CsvHeader.parse(lines.get(0), source);
        List<SignalSpec> signals = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            signals.add(header.parseRow(line, source, i + 1));
        }
        requireUniqueNames(signals, source);
        requireNoModbusOverlap(signals, source);
        return new IoList(signals);
    }

    private static List<String> readLines(Reader reader, String source) {
        try (BufferedReader buffered = new BufferedReader(reader)) {
            return buffered.lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IoListException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireUniqueNames(List<SignalSpec> signals, String source) {
        Map<String, Integer> seen = new HashMap<>();
        for (SignalSpec s : signals) {
            if (seen.merge(s.name(), 1, Integer::sum) > 1) {
                throw new IoListException(source + ": signal '" + s.name() + "' appears more than once");
            }
        }
    }

    private static void requireNoModbusOverlap(List<SignalSpec> signals, String source) {
        for (int i = 0; i < signals.size(); i++) {
            for (int j = i + 1; j < signals.size(); j++) {
                SignalSpec a = signals.get(i);
                SignalSpec b = signals.get(j);
                if (overlap(a, b)) {
                    throw new IoListException(source + ": Modbus signals '" + a.name() + "' and '" + b.name()
                            + "' overlap in unit " + a.modbus().orElseThrow().unitId() + " "
                            + a.modbus().orElseThrow().table().name().toLowerCase());
                }
            }
        }
    }

    private static boolean overlap(SignalSpec a, SignalSpec b) {
        if (a.modbus().isEmpty() || b.modbus().isEmpty() || !shareAFurnace(a, b)) {
            return false;
        }
        ModbusAddress x = a.modbus().get();
        ModbusAddress y = b.modbus().get();
        return x.unitId() == y.unitId() && x.table() == y.table()
                && x.address() < y.end() && y.address() < x.end();
    }

    private static boolean shareAFurnace(SignalSpec a, SignalSpec b) {
        return a.furnaces().isEmpty() || b.furnaces().isEmpty()
                || a.furnaces().stream().anyMatch(b.furnaces()::contains);
    }

    public List<SignalSpec> signals() {
        return signals;
    }

    public Optional<SignalSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The signal with this name; an unknown name is an error that names it. */
    public SignalSpec get(String name) {
        SignalSpec spec = byName.get(name);
        if (spec == null) {
            throw new IoListException("unknown signal '" + name + "': it is not in the I/O list");
        }
        return spec;
    }

    /** The signals that a furnace variant (e.g. {@code 6inch}) has. */
    public IoList forFurnace(String furnace) {
        return filter(s -> s.appliesTo(furnace));
    }

    public IoList filter(Predicate<SignalSpec> predicate) {
        return new IoList(signals.stream().filter(predicate).collect(Collectors.toList()));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public int size() {
        return signals.size();
    }
}
