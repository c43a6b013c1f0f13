package com.sicfurnace.controller.telemetry;

import java.util.List;

/**
 * One scan's telemetry on its way to the disk queue: how many lines it makes is known when the scan hands it over,
 * the lines themselves may be formatted later, on the writer thread, so that the scan does not pay for it.
 */
public interface ScanLines {
    int count();

    List<String> lines();

    /** Lines already formatted. */
    static ScanLines of(List<String> lines) {
        List<String> copy = List.copyOf(lines);
        return new ScanLines() {
            @Override
            public int count() {
                return copy.size();
            }

            @Override
            public List<String> lines() {
                return copy;
            }
        };
    }
}
