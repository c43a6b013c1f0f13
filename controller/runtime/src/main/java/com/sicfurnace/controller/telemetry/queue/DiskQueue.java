package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable store-and-forward queue of telemetry records (InfluxDB line-protocol lines) on local disk: the appender
 * writes batches, a forwarder peeks the oldest records, delivers them and acknowledges them, and only acknowledged
 * records are forgotten. Records survive database outages and a {@code kill -9} of the process; the disk used is
 * bounded by {@link QueueSettings#budgetBytes()} and a full queue applies {@link QueueSettings#policy()}, counted in
 * every {@link AppendResult} and in {@link #stats()}, never silently.
 *
 * <p>Threads: one appender and one drainer may work at the same time. {@link #append} writes and fsyncs outside
 * the lock that {@link #peek} and {@link #acknowledge} take, so a delivery never waits for new records to be
 * flushed (an append may wait a few milliseconds for an acknowledgement's checkpoint); records become visible to
 * {@link #peek} only once they are durable. Only one {@code DiskQueue} may have a directory open (a file lock).
 *
 * <p>On-disk format, all integers big-endian, in directory {@code dir}:
 * <ul>
 *   <li>{@code <first sequence number, 20 digits>.seg}: segment files, each a run of records with consecutive
 *   sequence numbers starting at the one in its name. Sequence numbers start at 1 and go up by one per record;
 *   one is given again only if the record that had it never became durable (a torn tail). A segment is closed
 *   when the next record would take it past {@link QueueSettings#segmentBytes()}; a batch may span segments.</li>
 *   <li>One record: magic {@code 0xFE515201} (4 bytes; {@code 0xFE} never occurs in UTF-8, the last byte is the
 *   format version), payload length in bytes (4), sequence number (8), append time in epoch milliseconds (8),
 *   CRC32C over length, sequence number, time and payload (4), then the UTF-8 payload; 28 bytes of header.</li>
 *   <li>{@code checkpoint}: 16 bytes, magic {@code 0xFE514301}, the sequence number through which every record is
 *   done with (acknowledged, or dropped by {@link FullPolicy#DROP_OLDEST}), CRC32C of that number. Replaced
 *   atomically: written to {@code checkpoint.tmp}, fsynced, renamed over, directory fsynced.</li>
 *   <li>{@code lock}: held with a file lock while the queue is open.</li>
 *   <li>{@code corrupt/<segment file>.from-<offset>}: damaged data moved aside by recovery, kept for analysis.</li>
 * </ul>
 *
 * <p>Durability: an append is durable when it returns: one fdatasync per segment file written (one, unless the
 * batch crosses into a new segment), plus a directory fsync when a segment file was created. An acknowledgement is
 * durable when it returns (the checkpoint); segment files whose records are all done are then deleted, except the
 * one being appended to.
 *
 * <p>Recovery ({@link #open}) verifies every record. A damaged tail of the newest segment, with no intact record
 * after it, is what a crash in the middle of a write leaves: it is cut off with a WARN naming file and offset.
 * Damage anywhere else is corruption: an ERROR names file, offset and problem, and the rest of that segment from
 * the damage on is moved to {@code corrupt/}; the records before it and all other segments are still delivered.
 */
public final class DiskQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskQueue.class);

    /** What making room for a batch did. */
    private record Room(boolean rejected, long droppedRecords, int droppedSegments) {
        static final Room FITS = new Room(false, 0, 0);
        static final Room REJECTED = new Room(true, 0, 0);
    }

    private final Path dir;
    private final QueueSettings settings;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final Object appendLock = new Object();

    // The appender's own state, guarded by appendLock.
    private final BatchWriter batchWriter;
    private SegmentWriter writer;

    // Shared state, guarded by this.
    private final SegmentList segments;
    private Segment activeSegment;
    private long nextSequence;
    private long doneThroughSequence;
    private long acknowledgedThroughSequence;
    private SegmentList.Position cursor;
    private SegmentList.Position peekEnd;
    private long droppedRecords;
    private long rejectedRecords;
    private long rejectedBatches;
    private boolean full;
    private boolean closed;

    private DiskQueue(Path dir, QueueSettings settings, Clock clock, FileChannel lockChannel, List<Segment> segments,
                      long doneThroughSequence) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.batchWriter = new BatchWriter(dir, settings.segmentBytes());
        this.segments = new SegmentList(segments);
        this.doneThroughSequence = doneThroughSequence;
        this.acknowledgedThroughSequence = doneThroughSequence;
        long lastOnDisk = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).lastSequence();
        this.nextSequence = Math.max(lastOnDisk, doneThroughSequence) + 1;
    }

    /**
     * Opens the queue in {@code dir}, creating it if needed, and recovers what is on disk: every record is verified,
     * damage is cut off or moved aside (see the class description), records already done with are deleted.
     *
     * @throws IOException if the directory cannot be used or is already open
     */
    public static DiskQueue open(Path dir, QueueSettings settings, Clock clock) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(dir);
        FileChannel lockChannel = lock(dir);
        try {
            long done = Checkpoint.read(dir);
            List<Segment> segments = new ArrayList<>(Recovery.recover(dir));
            while (!segments.isEmpty() && segments.get(0).lastSequence() <= done) {
                Files.delete(segments.remove(0).path);
            }
            DiskQueue queue = new DiskQueue(dir, settings, clock, lockChannel, segments, done);
            LOG.info("telemetry queue opened dir={} records={} segments={} nextSequence={}", dir,
                    queue.undeliveredRecords(), segments.size(), queue.nextSequence);
            return queue;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(lockChannel, e);
            throw e;
        }
    }

    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(Recovery.LOCK_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("telemetry queue directory " + dir + " is already open, in this or another process");
        }
        return channel;
    }

    /**
     * Appends {@code records} (one line-protocol line each) in order and returns once they are durable. When they do
     * not fit in the budget the full policy applies: see the result. An empty list appends nothing.
     *
     * @throws IllegalArgumentException if a record is null or longer than 1 MiB in UTF-8, or the batch alone is
     *                                  larger than the whole budget
     * @throws IOException              if writing failed; nothing of the batch is then kept
     */
    public AppendResult append(List<String> records) throws IOException {
        Objects.requireNonNull(records, "records");
        List<byte[]> payloads = utf8(records);
        long bytes = payloads.stream().mapToLong(p -> RecordFormat.recordBytes(p.length)).sum();
        if (bytes > settings.budgetBytes()) {
            throw new IllegalArgumentException("telemetry queue: a batch of " + payloads.size() + " records takes "
                    + bytes + " bytes on disk, more than the whole budgetBytes " + settings.budgetBytes()
                    + "; append smaller batches");
        }
        synchronized (appendLock) {
            if (batchWriter.broken()) {
                throw new IOException("telemetry queue " + dir + " could not undo a failed append; reopen it");
            }
            long firstSequence;
            Room room;
            synchronized (this) {
                ensureOpen();
                if (payloads.isEmpty()) {
                    return AppendResult.empty();
                }
                room = makeRoom(bytes, payloads.size());
                firstSequence = nextSequence;
            }
            if (room.rejected()) {
                return AppendResult.rejected(payloads.size());
            }
            publish(batchWriter.write(writer, payloads, firstSequence, clock.millis()));
            return AppendResult.appended(firstSequence, firstSequence + payloads.size() - 1, room.droppedRecords(),
                    room.droppedSegments());
        }
    }

    private static List<byte[]> utf8(List<String> records) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (String record : records) {
            if (record == null) {
                throw new IllegalArgumentException("telemetry queue: record " + payloads.size()
                        + " of the batch is null");
            }
            byte[] payload = record.getBytes(StandardCharsets.UTF_8);
            if (payload.length > RecordFormat.MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("telemetry queue: record " + payloads.size() + " of the batch is "
                        + payload.length + " bytes, more than the limit of " + RecordFormat.MAX_PAYLOAD_BYTES);
            }
            payloads.add(payload);
        }
        return payloads;
    }

    /** Applies the full policy if {@code bytes} more do not fit. Called by the appender, holding this. */
    private Room makeRoom(long bytes, int records) throws IOException {
        long onDisk = bytesOnDisk();
        if (onDisk + bytes <= settings.budgetBytes()) {
            setFull(false);
            return Room.FITS;
        }
        setFull(true);
        if (settings.policy() == FullPolicy.REJECT_NEW) {
            rejectedRecords += records;
            rejectedBatches++;
            LOG.debug("telemetry queue rejected a batch records={} rejectedRecords={}", records, rejectedRecords);
            return Room.REJECTED;
        }
        return dropOldest(onDisk + bytes - settings.budgetBytes());
    }

    /** Deletes the oldest segments until {@code excessBytes} are freed; their undelivered records are lost. */
    private Room dropOldest(long excessBytes) throws IOException {
        List<Segment> victims = new ArrayList<>();
        long freed = 0;
        for (Segment s : segments.all()) {
            if (freed >= excessBytes) {
                break;
            }
            victims.add(s);
            freed += s.sizeBytes();
        }
        long lost = victims.stream().mapToLong(s -> s.recordsAfter(doneThroughSequence)).sum();
        long lastDropped = victims.get(victims.size() - 1).lastSequence();
        if (lastDropped > doneThroughSequence) {
            // Recorded first, so that a crash right after cannot bring dropped sequence numbers back into use.
            Checkpoint.write(dir, lastDropped);
            doneThroughSequence = lastDropped;
        }
        for (Segment victim : victims) {
            segments.remove(victim);
            victim.close();
            if (victim == activeSegment) {
                writer.close();
                writer = null;
                activeSegment = null;
            }
            Files.deleteIfExists(victim.path);
        }
        droppedRecords += lost;
        cursor = null;
        peekEnd = null;
        LOG.warn("telemetry queue full, dropped oldest segments policy=DROP_OLDEST segments={} firstFile={} "
                        + "undeliveredRecordsLost={} droppedRecordsTotal={} budgetBytes={}", victims.size(),
                victims.get(0), lost, droppedRecords, settings.budgetBytes());
        return new Room(false, lost, victims.size());
    }

    /** Makes the written records visible to the drainer and keeps the newest segment open for the next append. */
    private void publish(List<SegmentWriter> touched) {
        SegmentWriter newest = touched.get(touched.size() - 1);
        synchronized (this) {
            for (SegmentWriter w : touched) {
                w.publish();
                if (w != writer) {
                    segments.add(w.segment);
                }
            }
            nextSequence = newest.segment.lastSequence() + 1;
            activeSegment = newest.segment;
        }
        if (writer != null && writer != newest) {
            closeFinished(writer);
        }
        for (SegmentWriter w : touched.subList(0, touched.size() - 1)) {
            if (w != writer) {
                closeFinished(w);
            }
        }
        writer = newest;
    }

    /** The records of a full segment are durable already; failing to close its file must not fail the append. */
    private void closeFinished(SegmentWriter finished) {
        try {
            finished.close();
        } catch (IOException e) {
            LOG.warn("telemetry queue could not close a full segment file={}", finished.segment.path, e);
        }
    }

    /**
     * The oldest undelivered records, in order: at most {@code maxRecords}, and at most {@code maxBytes} of payload
     * unless the first record alone is larger. Peeking again without acknowledging returns the same records.
     *
     * @throws IOException if a record cannot be read back intact (reopening the queue moves the damage aside)
     */
    public synchronized Optional<Batch> peek(int maxRecords, long maxBytes) throws IOException {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("telemetry queue: peek needs maxRecords >= 1 and maxBytes >= 1, not "
                    + maxRecords + " and " + maxBytes);
        }
        ensureOpen();
        List<QueuedRecord> records = new ArrayList<>();
        long bytes = 0;
        SegmentList.Position at = cursor();
        while (at != null && records.size() < maxRecords) {
            at = segments.nextIfAtEnd(at);
            if (at.atEnd()) {
                break;
            }
            RecordReader.Decoded record = segments.readAt(at, true);
            if (!records.isEmpty() && bytes + record.payloadBytes() > maxBytes) {
                break;
            }
            records.add(new QueuedRecord(record.sequence(), record.appendTimeMs(), record.payload()));
            bytes += record.payloadBytes();
            at = new SegmentList.Position(at.segment(), at.offset() + record.recordBytes(), record.sequence() + 1);
        }
        if (records.isEmpty()) {
            return Optional.empty();
        }
        peekEnd = at;
        return Optional.of(new Batch(records));
    }

    /**
     * Marks a batch from {@link #peek} as delivered, durably, and deletes segment files all of whose records are
     * done with. A batch that the full policy dropped while it was being delivered is accepted.
     *
     * @throws IllegalArgumentException if the batch was never handed out or would skip undelivered records
     * @throws IllegalStateException    if (part of) it was acknowledged before
     */
    public synchronized void acknowledge(Batch batch) throws IOException {
        Objects.requireNonNull(batch, "batch");
        ensureOpen();
        long first = batch.firstSequence();
        long last = batch.lastSequence();
        if (last >= nextSequence) {
            throw new IllegalArgumentException("telemetry queue: batch " + first + ".." + last
                    + " was never handed out; the newest record is " + (nextSequence - 1));
        }
        if (first <= acknowledgedThroughSequence) {
            throw new IllegalStateException("telemetry queue: batch " + first + ".." + last
                    + " overlaps records acknowledged before (through " + acknowledgedThroughSequence + ")");
        }
        long firstUndelivered = segments.firstSequenceAfter(doneThroughSequence, nextSequence);
        if (first > firstUndelivered) {
            throw new IllegalArgumentException("telemetry queue: batch " + first + ".." + last
                    + " would skip undelivered records from " + firstUndelivered);
        }
        acknowledgedThroughSequence = last;
        if (last <= doneThroughSequence) {
            LOG.info("telemetry queue acknowledged records the full policy had dropped already first={} last={}",
                    first, last);
            return;
        }
        Checkpoint.write(dir, last);
        doneThroughSequence = last;
        cursor = peekEnd != null && peekEnd.sequence() == last + 1 ? peekEnd : null;
        peekEnd = null;
        deleteDoneSegments();
    }

    private void deleteDoneSegments() {
        boolean deleted = false;
        while (!segments.isEmpty() && segments.oldest() != activeSegment
                && segments.oldest().lastSequence() <= doneThroughSequence) {
            Segment done = segments.oldest();
            segments.remove(done);
            deleted = true;
            try {
                done.close();
                Files.deleteIfExists(done.path);
            } catch (IOException e) {
                // Its records are done with: the next open deletes it.
                LOG.warn("telemetry queue could not delete a delivered segment file={}", done.path, e);
            }
        }
        if (deleted) {
            if (cursor != null && !segments.contains(cursor.segment())) {
                cursor = null;
            }
            setFull(false);
        }
    }

    /** Logs the changes between full and not full; each drop or rejection is reported by itself. */
    private void setFull(boolean nowFull) {
        if (nowFull != full) {
            if (nowFull) {
                LOG.warn("telemetry queue full bytesOnDisk={} budgetBytes={} policy={}", bytesOnDisk(),
                        settings.budgetBytes(), settings.policy());
            } else {
                LOG.info("telemetry queue has room again bytesOnDisk={} budgetBytes={}", bytesOnDisk(),
                        settings.budgetBytes());
            }
        }
        full = nowFull;
    }

    /** Records, bytes, age of the oldest undelivered record, segments, and what the full policy did. */
    public synchronized QueueStats stats() throws IOException {
        ensureOpen();
        long records = undeliveredRecords();
        long oldestAgeMs = 0;
        if (records > 0) {
            long appendTimeMs = segments.readAt(segments.nextIfAtEnd(cursor()), false).appendTimeMs();
            oldestAgeMs = Math.max(0, clock.millis() - appendTimeMs);
        }
        return new QueueStats(records, bytesOnDisk(), oldestAgeMs, segments.all().size(), droppedRecords,
                rejectedRecords, rejectedBatches, full);
    }

    private long undeliveredRecords() {
        return segments.recordsAfter(doneThroughSequence);
    }

    private long bytesOnDisk() {
        return segments.bytes();
    }

    /** Where the first undelivered record is, found again by a scan after the position became unknown. */
    private SegmentList.Position cursor() throws IOException {
        if (cursor == null && !segments.isEmpty()) {
            cursor = segments.locate(doneThroughSequence + 1);
        }
        return cursor;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("telemetry queue " + dir + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                List<AutoCloseable> resources = new ArrayList<>(segments.all());
                if (writer != null) {
                    resources.add(writer);
                }
                resources.add(lockChannel);
                closeAll(resources);
            }
        }
    }

    private static void closeAll(List<AutoCloseable> resources) throws IOException {
        IOException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IOException("telemetry queue: closing failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeAfterFailure(AutoCloseable resource, Exception failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
