package com.sicfurnace.simulator.modbus;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Modbus TCP by hand, for requests j2mod's master cannot send and for checking what comes back byte by byte. */
final class RawClient implements AutoCloseable {
    /** A response: the MBAP transaction and unit id, and the PDU. */
    record Response(int transactionId, int unitId, byte[] pdu) {
        int functionCode() {
            return pdu[0] & 0xFF;
        }
    }

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final DataOutputStream out;

    RawClient(int port, int timeoutMs) throws IOException {
        socket.connect(new InetSocketAddress(ServerFixture.LOOPBACK, port), timeoutMs);
        socket.setSoTimeout(timeoutMs);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    /** Sends one frame in a single write, so a server that closes after the header cannot break the pipe. */
    void sendWithProtocolId(int transactionId, int protocolId, int unitId, int... pdu) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(frame);
        data.writeShort(transactionId);
        data.writeShort(protocolId);
        data.writeShort(pdu.length + 1);
        data.writeByte(unitId);
        for (int b : pdu) {
            data.writeByte(b);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    void send(int transactionId, int unitId, int... pdu) throws IOException {
        sendWithProtocolId(transactionId, 0, unitId, pdu);
    }

    /** The next response; SocketTimeoutException if none comes within the timeout. */
    Response receive() throws IOException {
        int transactionId = in.readUnsignedShort();
        in.readUnsignedShort();
        int length = in.readUnsignedShort();
        int unitId = in.readUnsignedByte();
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        return new Response(transactionId, unitId, pdu);
    }

    /** True if the server closed the connection (end of stream) within the timeout. */
    boolean closedByServer() throws IOException {
        return in.read() == -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
