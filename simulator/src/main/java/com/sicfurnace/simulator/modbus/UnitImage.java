package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.sicfurnace.iolist.ModbusTable;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The register map of one field device (one Modbus unit id) over the simulated furnace. Coils and holding
 * registers are the device's outputs (read back as last written), discrete inputs and input registers its
 * readings. Every furnace access holds the furnace's lock, which the simulation thread holds while it steps the
 * model, so a multi-register value is never torn.
 *
 * <p>Reads follow j2mod's {@link ProcessImage} contract (an unoccupied address throws
 * {@link IllegalAddressException}, exception code 2). Writes do not go through j2mod's per-register
 * {@code setValue}, which would write the first registers of a request before it finds a bad one and could only
 * refuse with code 2: {@link #writeRegisters} and {@link #writeCoils} check the whole request first.
 */
final class UnitImage implements ProcessImage {
    private final int unitId;
    private final SimulatedFurnace furnace;
    private final Map<ModbusTable, SignalTable> tables;

    private UnitImage(int unitId, SimulatedFurnace furnace, Map<ModbusTable, SignalTable> tables) {
        this.unitId = unitId;
        this.furnace = furnace;
        this.tables = tables;
    }

    /** One image per unit id that the furnace's Modbus signals use, by unit id. */
    static SortedMap<Integer, UnitImage> forFurnace(SimulatedFurnace furnace) {
        Map<Integer, List<MappedSignal>> byUnit;
        synchronized (furnace) {
            byUnit = furnace.signals().stream()
                    .filter(s -> s.protocol() == Protocol.MODBUS)
                    .map(s -> MappedSignal.of(s, furnace.index(s.name())))
                    .collect(Collectors.groupingBy(s -> s.address().unitId()));
        }
        SortedMap<Integer, UnitImage> images = new TreeMap<>();
        byUnit.forEach((unit, signals) -> images.put(unit, new UnitImage(unit, furnace, tables(signals))));
        return Collections.unmodifiableSortedMap(images);
    }

    private static Map<ModbusTable, SignalTable> tables(List<MappedSignal> signals) {
        Map<ModbusTable, SignalTable> tables = new EnumMap<>(ModbusTable.class);
        for (ModbusTable table : ModbusTable.values()) {
            List<MappedSignal> inTable = signals.stream().filter(s -> s.address().table() == table).toList();
            tables.put(table, new SignalTable(table, inTable));
        }
        return tables;
    }

    SignalTable table(ModbusTable table) {
        return tables.get(table);
    }

    // ---- reads (j2mod ProcessImage) ----

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        return Snapshots.registers(readWords(ModbusTable.HOLDING_REGISTER, ref, count));
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return table(ModbusTable.HOLDING_REGISTER).size();
    }

    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        return Snapshots.registers(readWords(ModbusTable.INPUT_REGISTER, ref, count));
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return table(ModbusTable.INPUT_REGISTER).size();
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int ref, int count) {
        return Snapshots.bits(readBits(ModbusTable.COIL, ref, count));
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        return getDigitalOutRange(ref, 1)[0];
    }

    @Override
    public int getDigitalOutCount() {
        return table(ModbusTable.COIL).size();
    }

    @Override
    public DigitalIn[] getDigitalInRange(int ref, int count) {
        return Snapshots.bits(readBits(ModbusTable.DISCRETE_INPUT, ref, count));
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        return getDigitalInRange(ref, 1)[0];
    }

    @Override
    public int getDigitalInCount() {
        return table(ModbusTable.DISCRETE_INPUT).size();
    }

    // The field devices have no files or FIFOs; the server never asks (function codes 20, 21, 24 answer code 1).

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException("unit " + unitId + " has no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("unit " + unitId + " has no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException("unit " + unitId + " has no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("unit " + unitId + " has no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }

    private int[] readWords(ModbusTable table, int ref, int count) {
        List<MappedSignal> signals = table(table).covering(ref, count);
        double[] values = read(signals);
        int[] words = new int[count];
        for (int i = 0; i < signals.size(); i++) {
            MappedSignal signal = signals.get(i);
            int[] encoded = signal.encode(values[i]);
            System.arraycopy(encoded, 0, words, signal.start() - ref, encoded.length);
        }
        return words;
    }

    private boolean[] readBits(ModbusTable table, int ref, int count) {
        List<MappedSignal> signals = table(table).covering(ref, count);
        double[] values = read(signals);
        boolean[] bits = new boolean[count];
        for (int i = 0; i < signals.size(); i++) {
            bits[signals.get(i).start() - ref] = values[i] != 0.0;
        }
        return bits;
    }

    /** All values of one request under one lock: a consistent snapshot of the model. */
    private double[] read(List<MappedSignal> signals) {
        double[] values = new double[signals.size()];
        synchronized (furnace) {
            for (int i = 0; i < values.length; i++) {
                values[i] = furnace.read(signals.get(i).index());
            }
        }
        return values;
    }

    // ---- writes: the whole request is checked before anything is written ----

    /**
     * Writes holding registers (function codes 6 and 16).
     *
     * @throws IllegalAddressException (code 2) if an address holds no output or the request splits a float32
     * @throws IllegalValueException   (code 3) if a value is outside its signal's range
     */
    void writeRegisters(int ref, int[] words) {
        List<PendingWrite> writes = new ArrayList<>();
        for (MappedSignal signal : table(ModbusTable.HOLDING_REGISTER).covering(ref, words.length)) {
            writes.add(new PendingWrite(signal, signal.writeValue(words, signal.start() - ref)));
        }
        apply(writes);
    }

    /**
     * Writes coils (function codes 5 and 15).
     *
     * @throws IllegalAddressException (code 2) if an address holds no coil
     */
    void writeCoils(int ref, boolean[] bits) {
        List<PendingWrite> writes = new ArrayList<>();
        for (MappedSignal signal : table(ModbusTable.COIL).covering(ref, bits.length)) {
            writes.add(new PendingWrite(signal, bits[signal.start() - ref] ? 1.0 : 0.0));
        }
        apply(writes);
    }

    private void apply(List<PendingWrite> writes) {
        synchronized (furnace) {
            // Cannot fail part-way: every value was checked against the range the furnace checks.
            for (PendingWrite write : writes) {
                furnace.write(write.signal().index(), write.value());
            }
        }
    }

    /** A checked value waiting for the rest of its request to be checked. */
    private record PendingWrite(MappedSignal signal, double value) {
    }
}
