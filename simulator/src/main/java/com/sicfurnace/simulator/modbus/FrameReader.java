package com.sicfurnace.simulator.modbus;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * Reads Modbus TCP frames (MBAP header and PDU) from a connection.
 *
 * <p>Why not j2mod's {@code ModbusTCPTransport.readRequest}: for a function code j2mod does not know it reads past
 * the end of the frame and reports "End of File", so the connection is dropped as if the master had closed it
 * instead of answering exception 1; and a length field above its 262-byte buffer throws an unchecked
 * {@code IndexOutOfBoundsException}. Framing here is strict and small; j2mod still parses the PDU
 * ({@link RequestDecoder}) and writes every response.
 */
final class FrameReader {
    /** Longest PDU (function code and data) the Modbus specification allows. */
    static final int MAX_PDU = 253;

    private final DataInputStream in;

    FrameReader(InputStream in) {
        this.in = new DataInputStream(new BufferedInputStream(in));
    }

    /**
     * The next frame. Blocks up to the socket's read timeout.
     *
     * @throws java.io.EOFException            when the master closes the connection
     * @throws java.net.SocketTimeoutException when the master sends nothing within the read timeout
     * @throws ProtocolException               for a header that is not Modbus TCP: the stream cannot be re-framed
     *                                         after it, so the connection must be closed
     */
    Frame next() throws IOException {
        int transactionId = in.readUnsignedShort();
        int protocolId = in.readUnsignedShort();
        int length = in.readUnsignedShort();
        if (protocolId != 0) {
            throw new ProtocolException("MBAP protocol id " + protocolId + " is not Modbus (0)");
        }
        if (length < 2 || length > MAX_PDU + 1) {
            throw new ProtocolException("MBAP length " + length + " is outside 2.." + (MAX_PDU + 1));
        }
        int unitId = in.readUnsignedByte();
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        return new Frame(transactionId, unitId, pdu);
    }
}
