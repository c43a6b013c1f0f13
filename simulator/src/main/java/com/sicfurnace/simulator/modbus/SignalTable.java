package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.sicfurnace.iolist.ModbusTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the four Modbus tables of one unit: which signal occupies which address. Immutable. */
final class SignalTable {
    private static final int ADDRESS_SPACE = 65536;

    private final ModbusTable table;
    private final Map<Integer, MappedSignal> byAddress = new HashMap<>();

    SignalTable(ModbusTable table, List<MappedSignal> signals) {
        this.table = table;
        for (MappedSignal signal : signals) {
            for (int a = signal.start(); a < signal.end(); a++) {
                MappedSignal other = byAddress.put(a, signal);
                if (other != null) {
                    // IoList refuses overlaps; a second source of signals must not slip one through.
                    throw new IllegalArgumentException(signal + " overlaps " + other);
                }
            }
        }
    }

    /** Number of occupied addresses (registers or bits). */
    int size() {
        return byAddress.size();
    }

    /**
     * The signals that exactly fill {@code count} addresses from {@code ref}, in address order. A real device
     * refuses the whole request if any address in it holds nothing, and so does this one; a range that starts or
     * ends inside a float32 would hand out half a value and is refused too.
     *
     * @throws IllegalAddressException (exception code 2) otherwise
     */
    List<MappedSignal> covering(int ref, int count) {
        if (ref < 0 || count < 1 || ref + count > ADDRESS_SPACE) {
            throw illegal(ref, count, "is outside the address space");
        }
        List<MappedSignal> signals = new ArrayList<>();
        for (int a = ref; a < ref + count; a++) {
            MappedSignal signal = byAddress.get(a);
            if (signal == null) {
                throw illegal(ref, count, "has no signal at address " + a);
            }
            if (signal.start() == a) {
                signals.add(signal);
            } else if (a == ref) {
                throw illegal(ref, count, "starts inside " + signal);
            }
        }
        MappedSignal last = signals.get(signals.size() - 1);
        if (last.end() > ref + count) {
            throw illegal(ref, count, "ends inside " + last);
        }
        return signals;
    }

    private IllegalAddressException illegal(int ref, int count, String why) {
        return new IllegalAddressException(table.name().toLowerCase() + " range " + ref + ".." + (ref + count - 1)
                + " " + why);
    }
}
