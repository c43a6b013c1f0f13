package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appender's disk work: writes a batch after the records of the current segment, rolling to new segment files
 * when the next record would take a segment past its size, and fsyncs everything it touched. Used by one thread.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final Path dir;
    private final long segmentBytes;
    private boolean broken;

    BatchWriter(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** True once a failed batch could not be undone: the files may hold records nobody was told about. */
    boolean broken() {
        return broken;
    }

    /**
     * Writes the records after what {@code current} holds ({@code null}: no open segment) and makes them durable,
     * not yet published. Returns the writers touched, oldest first; all but the pre-existing one are new files.
     * On failure, the batch is cut off again and the new files deleted.
     */
    List<SegmentWriter> write(SegmentWriter current, List<byte[]> payloads, long firstSequence, long appendTimeMs)
            throws IOException {
        List<SegmentWriter> touched = new ArrayList<>();
        try {
            int from = 0;
            while (from < payloads.size()) {
                SegmentWriter target = writerFor(current, payloads.get(from), firstSequence + from, touched);
                int to = chunkEnd(payloads, from, target.writtenBytes());
                target.write(encode(payloads, from, to, firstSequence, appendTimeMs), firstSequence + to - 1);
                from = to;
            }
            for (SegmentWriter w : touched) {
                w.force();
            }
            if (touched.get(touched.size() - 1) != current) {
                Durable.syncDirectory(dir);
            }
            return touched;
        } catch (IOException | RuntimeException e) {
            rollBack(current, touched, e);
            throw e;
        }
    }

    /** Where the record at {@code sequence} goes: the segment last written, or a new one if it would overflow. */
    private SegmentWriter writerFor(SegmentWriter current, byte[] payload, long sequence, List<SegmentWriter> touched)
            throws IOException {
        SegmentWriter last = touched.isEmpty() ? current : touched.get(touched.size() - 1);
        if (last != null && (last.writtenBytes() == 0
                || last.writtenBytes() + RecordFormat.recordBytes(payload.length) <= segmentBytes)) {
            if (touched.isEmpty()) {
                touched.add(last);
            }
            return last;
        }
        SegmentWriter created = SegmentWriter.create(dir, sequence);
        touched.add(created);
        return created;
    }

    /** End (exclusive) of the records from {@code from} that fit in a segment already holding {@code sizeBytes}. */
    private int chunkEnd(List<byte[]> payloads, int from, long sizeBytes) {
        long size = sizeBytes + RecordFormat.recordBytes(payloads.get(from).length);
        int to = from + 1;
        while (to < payloads.size() && size + RecordFormat.recordBytes(payloads.get(to).length) <= segmentBytes) {
            size += RecordFormat.recordBytes(payloads.get(to).length);
            to++;
        }
        return to;
    }

    private static ByteBuffer encode(List<byte[]> payloads, int from, int to, long firstSequence, long appendTimeMs) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += RecordFormat.recordBytes(payloads.get(i).length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        for (int i = from; i < to; i++) {
            RecordFormat.encode(buffer, firstSequence + i, appendTimeMs, payloads.get(i));
        }
        return buffer.flip();
    }

    private void rollBack(SegmentWriter current, List<SegmentWriter> touched, Exception cause) {
        for (SegmentWriter w : touched) {
            try {
                if (w == current) {
                    w.rollBack();
                } else {
                    w.close();
                    Files.deleteIfExists(w.segment.path);
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
                broken = true;
            }
        }
        LOG.error("telemetry queue append failed, batch not kept dir={} undone={}", dir, !broken, cause);
    }
}
