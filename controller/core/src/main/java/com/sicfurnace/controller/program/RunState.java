package com.sicfurnace.controller.program;

import java.util.Locale;

/** Where a recipe run stands. */
public enum RunState {
    READY, RUNNING, HELD, COMPLETE, ABORTED;

    /** The run has ended, completed or not. */
    public boolean finished() {
        return this == COMPLETE || this == ABORTED;
    }

    /** The name as journals, reports and telemetry write it: {@code running}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
