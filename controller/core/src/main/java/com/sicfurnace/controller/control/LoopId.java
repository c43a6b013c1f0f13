package com.sicfurnace.controller.control;

import java.util.Locale;

/** The control loops whose gains an engineer may tune. */
public enum LoopId {
    SEED, GRADIENT, PRESSURE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
