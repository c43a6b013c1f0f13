package com.sicfurnace.simulator.modbus;

/**
 * A request the device refuses with exception code 3 (illegal data value): a malformed request, a quantity
 * outside the protocol's limits, or a value outside the signal's range. The counterpart of j2mod's
 * {@link com.ghgande.j2mod.modbus.procimg.IllegalAddressException} for code 2.
 */
final class IllegalValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IllegalValueException(String message) {
        super(message);
    }

    IllegalValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
