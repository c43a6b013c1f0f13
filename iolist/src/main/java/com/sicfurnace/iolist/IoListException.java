package com.sicfurnace.iolist;

/** A malformed I/O list; the message names the file, the line and, where known, the column. */
public final class IoListException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IoListException(String message) {
        super(message);
    }

    public IoListException(String message, Throwable cause) {
        super(message, cause);
    }
}
