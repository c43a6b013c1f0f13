package com.sicfurnace.hmi.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * When the HMI must speak HTTPS: whenever it listens beyond the machine. Bound to loopback (127.0.0.0/8, ::1,
 * localhost) only processes on the same machine reach it, and plain HTTP is the default there; bound to any other
 * address, or to all of them, passwords and session cookies would cross a network, so only HTTPS is served.
 */
public final class TlsPolicy {
    private TlsPolicy() {
    }

    /** Whether {@code bind} (an address or a host name) is loopback only. */
    public static boolean loopback(String bind) {
        if ("localhost".equalsIgnoreCase(bind)) {
            return true;
        }
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // a name that does not resolve cannot be bound either; the server says so when it binds
            return false;
        }
    }

    /** Whether a server bound to {@code bind} must serve HTTPS only. */
    public static boolean requiresTls(String bind) {
        return !loopback(bind);
    }
}
