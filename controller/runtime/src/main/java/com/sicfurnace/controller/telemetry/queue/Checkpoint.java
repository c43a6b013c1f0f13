package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint file: the highest sequence number through which every record is done with (delivered and
 * acknowledged, or dropped by the full policy). 16 bytes, big-endian: magic, sequence number, CRC32C of the sequence
 * number. Replaced atomically: written to a temporary file, fsynced, renamed over the old one, directory fsynced.
 */
final class Checkpoint {
    static final String FILE_NAME = "checkpoint";
    static final String TEMP_NAME = "checkpoint.tmp";
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
    private static final int MAGIC = 0xFE514301;
    private static final int BYTES = 16;

    private Checkpoint() {
    }

    /**
     * The sequence number done through, 0 when there is no checkpoint yet. An unreadable checkpoint is reported and
     * read as 0: every record still on disk is delivered again rather than lost.
     */
    static long read(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(TEMP_NAME));
        Path file = dir.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != BYTES || buffer.getInt(0) != MAGIC || buffer.getInt(12) != crc(buffer.getLong(4))) {
            LOG.error("telemetry queue checkpoint unreadable, delivering every record on disk again file={} bytes={}",
                    file, bytes.length);
            return 0;
        }
        return buffer.getLong(4);
    }

    static void write(Path dir, long doneThroughSequence) throws IOException {
        Path temp = dir.resolve(TEMP_NAME);
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putInt(MAGIC).putLong(doneThroughSequence).putInt(crc(doneThroughSequence)).flip();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
        Durable.syncDirectory(dir);
    }

    private static int crc(long sequence) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence));
        return (int) crc.getValue();
    }
}
