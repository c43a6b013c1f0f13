package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The appender's handle on a segment file: what it has written may run ahead of what the {@link Segment} has
 * published until {@link #publish()}; {@link #rollBack()} cuts the file back to the published part.
 */
final class SegmentWriter implements AutoCloseable {
    final Segment segment;
    private final FileChannel channel;
    private long writtenBytes;
    private long writtenLastSequence;

    private SegmentWriter(Segment segment, FileChannel channel) {
        this.segment = segment;
        this.channel = channel;
        this.writtenBytes = segment.sizeBytes();
        this.writtenLastSequence = segment.lastSequence();
    }

    /** A new, empty segment file whose first record will carry {@code firstSequence}. */
    static SegmentWriter create(Path dir, long firstSequence) throws IOException {
        Path path = dir.resolve(Segment.fileName(firstSequence));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new SegmentWriter(new Segment(path, firstSequence, firstSequence - 1, 0), channel);
    }

    long writtenBytes() {
        return writtenBytes;
    }

    void write(ByteBuffer records, long lastSequence) throws IOException {
        while (records.hasRemaining()) {
            writtenBytes += channel.write(records, writtenBytes);
        }
        writtenLastSequence = lastSequence;
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Makes what was written visible to readers; the caller holds the queue's lock. */
    void publish() {
        segment.publish(writtenLastSequence, writtenBytes);
    }

    void rollBack() throws IOException {
        channel.truncate(segment.sizeBytes());
        channel.force(false);
        writtenBytes = segment.sizeBytes();
        writtenLastSequence = segment.lastSequence();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
