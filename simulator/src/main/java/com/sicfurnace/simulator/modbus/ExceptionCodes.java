package com.sicfurnace.simulator.modbus;

/** Names of the Modbus exception codes this server answers, for logs. */
final class ExceptionCodes {
    private ExceptionCodes() {
    }

    static String name(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "slave device failure";
            case 11 -> "gateway target device failed to respond";
            default -> "exception " + code;
        };
    }
}
