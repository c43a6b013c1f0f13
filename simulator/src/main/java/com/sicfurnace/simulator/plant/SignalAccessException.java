package com.sicfurnace.simulator.plant;

/** A read or write the furnace refuses: unknown signal, write to an input, out-of-range or non-boolean value. */
public final class SignalAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the access was refused, so that protocol servers can map it to their own status codes. */
    public enum Reason { UNKNOWN_SIGNAL, NOT_WRITABLE, OUT_OF_RANGE }

    private final Reason reason;

    public SignalAccessException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
