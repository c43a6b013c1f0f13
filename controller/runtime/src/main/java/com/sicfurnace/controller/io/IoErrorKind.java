package com.sicfurnace.controller.io;

import java.util.Locale;

/** What went wrong in a request to a field device; the {@code kind} tag of {@code furnace.io.errors}. */
public enum IoErrorKind {
    /** No answer within the request timeout. */
    TIMEOUT,
    /** The connection broke during a request (closed by the peer, reset). */
    DISCONNECTED,
    /** A connection could not be opened. */
    CONNECT_FAILED,
    /** The device answered a read with a Modbus exception response. */
    EXCEPTION_RESPONSE,
    /** The device refused a write: a Modbus exception response, or a bad OPC UA status for the item. */
    REFUSED_WRITE,
    /** A reading far outside its instrument's range: most often a wrong word order or scale. */
    IMPLAUSIBLE_VALUE,
    /** Any other failed request. */
    REQUEST_FAILED;

    /** The tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
