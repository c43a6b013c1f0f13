package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One segment file as far as its records are published: appended, fsynced and visible to readers. Holds consecutive
 * sequence numbers from {@code firstSequence}. Mutable; guarded by the owning {@link DiskQueue}.
 */
final class Segment implements AutoCloseable {
    /** 20 digits, of which the first is 0: every long fits, and no name that does not parse is taken. */
    private static final Pattern NAME = Pattern.compile("0\\d{19}\\.seg");

    final Path path;
    final long firstSequence;
    private long lastSequence;
    private long sizeBytes;
    private RecordReader reader;
    private FileChannel readChannel;

    Segment(Path path, long firstSequence, long lastSequence, long sizeBytes) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.sizeBytes = sizeBytes;
    }

    static String fileName(long firstSequence) {
        return String.format(Locale.ROOT, "%020d.seg", firstSequence);
    }

    static boolean isSegmentFile(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    static long firstSequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    long lastSequence() {
        return lastSequence;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }

    /** Records in this segment after {@code doneThroughSequence}. */
    long recordsAfter(long doneThroughSequence) {
        return Math.max(0, lastSequence - Math.max(firstSequence, doneThroughSequence + 1) + 1);
    }

    void publish(long newLastSequence, long newSizeBytes) {
        lastSequence = newLastSequence;
        sizeBytes = newSizeBytes;
    }

    /** A reader over the published part of the file, opened on first use. */
    RecordReader reader() throws IOException {
        if (reader == null) {
            readChannel = FileChannel.open(path, StandardOpenOption.READ);
            reader = new RecordReader(readChannel);
        }
        return reader;
    }

    @Override
    public void close() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
            reader = null;
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
