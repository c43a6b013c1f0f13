package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.iolist.ModbusTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Contiguous input signals of one table, read with one request. */
record ReadBlock(ModbusTable table, int start, int count, List<Slot> slots) {

    /** Groups inputs into as few requests as possible without reading addresses that no signal occupies. */
    static List<ReadBlock> plan(List<Slot> inputs) {
        List<ReadBlock> blocks = new ArrayList<>();
        for (ModbusTable table : ModbusTable.values()) {
            List<Slot> slots = new ArrayList<>(inputs.stream().filter(s -> s.address().table() == table).toList());
            slots.sort(Comparator.comparingInt(s -> s.address().address()));
            List<Slot> run = new ArrayList<>();
            for (Slot slot : slots) {
                if (!run.isEmpty() && slot.address().address() != run.get(run.size() - 1).address().end()) {
                    blocks.add(of(table, run));
                    run = new ArrayList<>();
                }
                run.add(slot);
            }
            if (!run.isEmpty()) {
                blocks.add(of(table, run));
            }
        }
        return blocks;
    }

    private static ReadBlock of(ModbusTable table, List<Slot> run) {
        int start = run.get(0).address().address();
        int end = run.get(run.size() - 1).address().end();
        return new ReadBlock(table, start, end - start, List.copyOf(run));
    }
}
