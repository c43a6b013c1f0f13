package com.sicfurnace.controller.telemetry.queue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one record, big-endian: magic (4 bytes), payload length (4), sequence number (8), append
 * time in epoch milliseconds (8), CRC32C (4) over length, sequence, time and payload, then the UTF-8 payload.
 */
final class RecordFormat {
    /** 0xFE never occurs in UTF-8, so a marker cannot be faked by payload text. Last byte: format version 1. */
    static final int MAGIC = 0xFE515201;
    static final int HEADER_BYTES = 28;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    static final int CRC_OFFSET = 24;
    /** Bytes covered by the CRC before the payload: length, sequence and time. */
    private static final int CRC_HEADER_FROM = 4;
    private static final int CRC_HEADER_BYTES = 20;

    private RecordFormat() {
    }

    static long recordBytes(int payloadBytes) {
        return HEADER_BYTES + (long) payloadBytes;
    }

    /** Writes one record at the buffer's position (a heap buffer, as the CRC is taken from its array). */
    static void encode(ByteBuffer out, long sequence, long appendTimeMs, byte[] payload) {
        int start = out.position();
        out.putInt(MAGIC).putInt(payload.length).putLong(sequence).putLong(appendTimeMs).putInt(0).put(payload);
        out.putInt(start + CRC_OFFSET, crc(out.array(), out.arrayOffset() + start, payload.length));
    }

    /** The CRC of the record whose header starts at {@code start} in {@code bytes}. */
    static int crc(byte[] bytes, int start, int payloadBytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, start + CRC_HEADER_FROM, CRC_HEADER_BYTES);
        crc.update(bytes, start + HEADER_BYTES, payloadBytes);
        return (int) crc.getValue();
    }
}
