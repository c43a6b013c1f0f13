package com.sicfurnace.controller.virtual;

import com.sicfurnace.controller.io.inprocess.InProcessLinks;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.fault.FaultScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fault scenario for a virtual run: a fault script in the simulator's format ({@link FaultScript}: {@code at_s}
 * and the fault object), read by the simulator's own reader, then checked against the furnace it will run on, so
 * that nothing in it can fail half-way through a run.
 */
public final class FaultScenario {
    private FaultScenario() {
    }

    /**
     * The script's entries, in furnace-time order. A bad entry (unknown fault or parameter, a bad value, a time
     * negative or out of order, a Modbus unit the furnace does not have) is refused with an
     * {@link IllegalArgumentException} naming the file, the entry's number and the field.
     */
    public static List<FaultScript.Entry> load(Path file, String furnace) throws IOException {
        FaultScript script = FaultScript.load(file);
        InProcessLinks links = new InProcessLinks(IoList.fromClasspath().forFurnace(furnace).signals());
        List<FaultScript.Entry> entries = script.entries();
        for (int i = 0; i < entries.size(); i++) {
            FaultScript.Entry entry = entries.get(i);
            if (entry.command().fault().equals("modbus-unit")) {
                int unit = ((Number) entry.command().parameters().get("unit")).intValue();
                try {
                    links.unit(unit);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": entry " + (i + 1) + ": unit: " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }
}
