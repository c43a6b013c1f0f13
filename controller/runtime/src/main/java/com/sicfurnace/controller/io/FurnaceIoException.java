package com.sicfurnace.controller.io;

/** The furnace refused an output: the message names the signal, the value and the reason. */
public final class FurnaceIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FurnaceIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
