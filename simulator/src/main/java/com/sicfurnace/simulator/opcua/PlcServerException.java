package com.sicfurnace.simulator.opcua;

/** The PLC OPC UA server could not start or stop cleanly; the message says which endpoint and why. */
public final class PlcServerException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlcServerException(String message, Throwable cause) {
        super(message, cause);
    }

    public PlcServerException(String message) {
        super(message);
    }
}
