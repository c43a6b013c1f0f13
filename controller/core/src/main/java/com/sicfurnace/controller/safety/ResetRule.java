package com.sicfurnace.controller.safety;

/** How a row that has acted is cleared again. */
public enum ResetRule {
    /** Latched; an operator's reset clears it once its cause is gone. */
    OPERATOR,
    /**
     * Latched; an operator's reset also pulses the PLC's watchdog reset, and the row clears when the PLC reports
     * its watchdog clear within {@link Interlocks#RESET_WINDOW_S} of the reset.
     */
    OPERATOR_PLC,
    /** Not latched: clears by itself when its cause is gone. */
    SELF;

    public boolean latches() {
        return this != SELF;
    }
}
