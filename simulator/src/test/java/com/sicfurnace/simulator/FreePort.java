package com.sicfurnace.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports nobody listens on now, for servers under test. */
public final class FreePort {
    private FreePort() {
    }

    public static int pick() {
        return pick(1)[0];
    }

    /** Distinct ports: every one is held open until all are chosen. */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        } finally {
            sockets.forEach(FreePort::release);
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release port " + socket.getLocalPort(), e);
        }
    }
}
