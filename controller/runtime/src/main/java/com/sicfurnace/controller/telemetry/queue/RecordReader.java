package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads and verifies records of one segment file through a window of the file, so that a run of small records costs
 * one read system call per window rather than per record. Not thread-safe; the owner serialises calls.
 */
final class RecordReader {
    private static final int WINDOW_BYTES = 256 * 1024;

    /** Why a record could not be read, worded for the log. */
    enum Status {
        OK("ok"),
        TRUNCATED("record cut short by the end of the file"),
        BAD_MAGIC("no record marker"),
        BAD_LENGTH("impossible payload length"),
        BAD_CRC("CRC32C mismatch");

        final String description;

        Status(String description) {
            this.description = description;
        }
    }

    /** One decoded record; {@code payload} is null unless asked for or when the status is not OK. */
    record Decoded(Status status, long sequence, long appendTimeMs, int payloadBytes, String payload) {
        boolean ok() {
            return status == Status.OK;
        }

        long recordBytes() {
            return RecordFormat.recordBytes(payloadBytes);
        }

        static Decoded failed(Status status) {
            return new Decoded(status, 0, 0, 0, null);
        }
    }

    private final FileChannel channel;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private long windowStart;
    private int windowLength;

    RecordReader(FileChannel channel) {
        this.channel = channel;
    }

    /** Decodes and verifies the record at {@code offset}; {@code limit} is where the readable part of the file ends. */
    Decoded decode(long offset, long limit, boolean withPayload) throws IOException {
        if (!fill(offset, RecordFormat.HEADER_BYTES, limit)) {
            return Decoded.failed(Status.TRUNCATED);
        }
        int at = (int) (offset - windowStart);
        if (window.getInt(at) != RecordFormat.MAGIC) {
            return Decoded.failed(Status.BAD_MAGIC);
        }
        int length = window.getInt(at + 4);
        if (length < 0 || length > RecordFormat.MAX_PAYLOAD_BYTES) {
            return Decoded.failed(Status.BAD_LENGTH);
        }
        if (!fill(offset, RecordFormat.HEADER_BYTES + length, limit)) {
            return Decoded.failed(Status.TRUNCATED);
        }
        at = (int) (offset - windowStart);
        if (window.getInt(at + RecordFormat.CRC_OFFSET) != RecordFormat.crc(window.array(), at, length)) {
            return Decoded.failed(Status.BAD_CRC);
        }
        String payload = withPayload
                ? new String(window.array(), at + RecordFormat.HEADER_BYTES, length, StandardCharsets.UTF_8) : null;
        return new Decoded(Status.OK, window.getLong(at + 8), window.getLong(at + 16), length, payload);
    }

    /**
     * Whether any intact record starts after {@code offset}: tells damage followed by good data (corruption) from
     * a tail that a crash left half-written.
     */
    boolean intactRecordAfter(long offset, long limit) throws IOException {
        byte first = (byte) (RecordFormat.MAGIC >>> 24);
        for (long p = offset + 1; p + RecordFormat.HEADER_BYTES <= limit; p++) {
            fill(p, 1, limit);
            if (window.get((int) (p - windowStart)) == first && decode(p, limit, false).ok()) {
                return true;
            }
        }
        return false;
    }

    /** Makes file bytes [offset, offset + length) available in the window; false if {@code limit} comes first. */
    private boolean fill(long offset, int length, long limit) throws IOException {
        if (offset + length > limit) {
            return false;
        }
        if (offset >= windowStart && offset + length <= windowStart + windowLength) {
            return true;
        }
        if (window.capacity() < length) {
            window = ByteBuffer.allocate(length);
        }
        window.clear();
        window.limit((int) Math.min(window.capacity(), limit - offset));
        long position = offset;
        while (window.hasRemaining()) {
            int n = channel.read(window, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        windowStart = offset;
        windowLength = window.position();
        return windowLength >= length;
    }
}
