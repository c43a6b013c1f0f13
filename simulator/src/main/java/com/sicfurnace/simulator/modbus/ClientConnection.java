package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransport;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one master's TCP connection on one handler thread: reads a request, applies the unit's
 * {@link UnitMode}, answers through j2mod's transport, and so on until either side closes.
 */
final class ClientConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final Socket socket;
    private final String peer;
    private final int idleTimeoutMillis;
    private final ModbusTCPTransport transport;
    private final RequestHandler handler;
    private final IntFunction<UnitMode> modes;
    private final Consumer<ClientConnection> onEnd;
    /** Why this server closed the connection; null while open or when the master closed it. */
    private volatile String closedBecause;

    ClientConnection(Socket socket, int idleTimeoutMillis, RequestHandler handler, IntFunction<UnitMode> modes,
                     Consumer<ClientConnection> onEnd) throws IOException {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.transport = new ModbusTCPTransport(socket);
        // After the transport: its constructor puts j2mod's 3 s default on the socket.
        transport.setTimeout(idleTimeoutMillis);
        socket.setTcpNoDelay(true);
        this.handler = handler;
        this.modes = modes;
        this.onEnd = onEnd;
    }

    String peer() {
        return peer;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (EOFException e) {
            log.info("{}: the master closed the connection", peer);
        } catch (SocketTimeoutException e) {
            log.info("{}: nothing received for {} ms, closing the connection", peer, idleTimeoutMillis);
        } catch (ProtocolException e) {
            log.warn("{}: closing the connection, it does not speak Modbus TCP: {}", peer, e.getMessage());
        } catch (IOException e) {
            if (closedBecause != null) {
                log.info("{}: connection closed by the server: {}", peer, closedBecause);
            } else {
                log.warn("{}: connection lost: {}", peer, e.toString());
            }
        } catch (RuntimeException e) {
            log.error("{}: the connection handler failed; closing the connection", peer, e);
        } finally {
            closeSocket();
            onEnd.accept(this);
        }
    }

    private void serve() throws IOException {
        FrameReader reader = new FrameReader(socket.getInputStream());
        while (true) {
            Frame frame = reader.next();
            switch (modes.apply(frame.unitId())) {
                case NORMAL -> send(frame, handler.respond(frame));
                case EXCEPTION -> {
                    log.debug("{}: unit in EXCEPTION mode, answering exception 4", frame);
                    send(frame, frame.exception(Modbus.SLAVE_DEVICE_FAILURE));
                }
                case SILENT -> log.debug("{}: unit in SILENT mode, request dropped unanswered", frame);
                case CLOSE -> {
                    close("unit " + frame.unitId() + " is in CLOSE mode (" + frame + ")");
                    log.info("{}: connection closed by the server: {}", peer, closedBecause);
                    return;
                }
            }
        }
    }

    private void send(Frame frame, ModbusResponse response) throws IOException {
        try {
            transport.writeResponse(response);
        } catch (ModbusIOException e) {
            throw new IOException(frame + ": the answer cannot be sent: " + e.getMessage(), e);
        }
    }

    /** Closes the connection from any thread; its handler thread then ends. */
    void close(String reason) {
        closedBecause = reason;
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("{}: closing the socket failed", peer, e);
        }
    }
}
