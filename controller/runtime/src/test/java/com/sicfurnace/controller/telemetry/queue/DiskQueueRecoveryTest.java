package com.sicfurnace.controller.telemetry.queue;

import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORDS_PER_SMALL_SEGMENT;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORD_BYTES;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.START;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.drain;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.lines;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.payloads;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.sicfurnace.controller.runtime.VirtualClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a queue does with files that a crash or a bad disk left behind. */
class DiskQueueRecoveryTest {
    private static final QueueSettings SETTINGS = new QueueSettings(4096, 1 << 20, FullPolicy.REJECT_NEW);

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock(START);

    /** Appends {@code batches} batches of {@code size} records, numbered from 1, and closes the queue. */
    private void write(int batches, int size) throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, clock)) {
            for (int b = 0; b < batches; b++) {
                queue.append(lines(1L + (long) b * size, size));
            }
        }
    }

    /** Opens the queue, drains it and returns the payloads. */
    private List<String> reopenAndDrain() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, clock)) {
            return payloads(drain(queue, 50));
        }
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        byte[] one = new byte[1];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.read(ByteBuffer.wrap(one), offset);
            one[0] ^= 0x20;
            channel.write(ByteBuffer.wrap(one), offset);
        }
    }

    private static String only(List<String> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }

    @Test
    void aRecordCutShortAtTheEndOfTheNewestSegmentIsTruncatedWithAWarning() throws IOException {
        write(3, 5);
        Path newest = segment(dir, 1);
        long lastRecordAt = 14L * RECORD_BYTES;
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            channel.truncate(lastRecordAt + 100);
        }

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture();
             DiskQueue queue = DiskQueue.open(dir, SETTINGS, clock)) {
            long sizeAfterRecovery = Files.size(newest);
            List<String> delivered = payloads(drain(queue, 50));

            String warning = only(log.messages(Level.WARN));
            assertTrue(warning.contains("file=" + newest) && warning.contains("offset=" + lastRecordAt), warning);
            assertEquals(List.of(), log.messages(Level.ERROR));
            assertEquals(lastRecordAt, sizeAfterRecovery);
            assertEquals(lines(1, 14), delivered);
        }
    }

    @Test
    void aBadChecksumOnTheLastRecordOfTheNewestSegmentIsATornTail() throws IOException {
        write(3, 5);
        Path newest = segment(dir, 1);
        long lastRecordAt = 14L * RECORD_BYTES;
        flipByte(newest, lastRecordAt + RecordFormat.HEADER_BYTES + 50);

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            String warning = only(log.messages(Level.WARN));
            assertTrue(warning.contains("offset=" + lastRecordAt) && warning.contains("CRC32C"), warning);
            assertEquals(lines(1, 14), delivered);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreCutAndNothingIsLost() throws IOException {
        write(3, 5);
        Path newest = segment(dir, 1);
        overwrite(newest, 15L * RECORD_BYTES, new byte[3000]);

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            assertTrue(only(log.messages(Level.WARN)).contains("offset=" + 15L * RECORD_BYTES));
            assertEquals(lines(1, 15), delivered);
        }
    }

    @Test
    void appendingAfterATruncatedTailContinuesTheSequence() throws IOException {
        write(1, 5);
        try (FileChannel channel = FileChannel.open(segment(dir, 1), StandardOpenOption.WRITE)) {
            channel.truncate(4L * RECORD_BYTES + 10);
        }

        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, clock)) {
            AppendResult appended = queue.append(lines(5, 3));

            assertEquals(5, appended.firstSequence());
            assertEquals(lines(1, 7), payloads(drain(queue, 50)));
        }
    }

    @Test
    void aBadChecksumInAnOlderSegmentIsReportedMovedAsideAndLaterSegmentsAreStillDelivered() throws IOException {
        write(4, RECORDS_PER_SMALL_SEGMENT);
        Path oldest = segment(dir, 1);
        long damagedRecordAt = 5L * RECORD_BYTES;
        long segmentBytes = Files.size(oldest);
        byte[] restBefore = Arrays.copyOfRange(Files.readAllBytes(oldest), (int) damagedRecordAt, (int) segmentBytes);
        flipByte(oldest, damagedRecordAt + RecordFormat.HEADER_BYTES + 7);

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            String error = only(log.messages(Level.ERROR));
            assertTrue(error.contains("file=" + oldest) && error.contains("offset=" + damagedRecordAt)
                    && error.contains("CRC32C"), error);
            Path movedAside = dir.resolve("corrupt").resolve(Segment.fileName(1) + ".from-" + damagedRecordAt);
            byte[] moved = Files.readAllBytes(movedAside);
            restBefore[RecordFormat.HEADER_BYTES + 7] ^= 0x20;
            assertArrayEquals(restBefore, moved, "the damaged rest of the segment, byte for byte");
            List<String> expected = new ArrayList<>(lines(1, 5));
            expected.addAll(lines(18, 3 * RECORDS_PER_SMALL_SEGMENT));
            assertEquals(expected, delivered);
        }
    }

    @Test
    void damageInsideTheNewestSegmentWithIntactRecordsAfterItIsCorruptionNotATornTail() throws IOException {
        write(3, 5);
        Path newest = segment(dir, 1);
        long damagedRecordAt = 3L * RECORD_BYTES;
        overwrite(newest, damagedRecordAt, new byte[] {0, 0, 0, 0});

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            String error = only(log.messages(Level.ERROR));
            assertTrue(error.contains("offset=" + damagedRecordAt) && error.contains("no record marker"), error);
            assertTrue(Files.exists(dir.resolve("corrupt").resolve(Segment.fileName(1) + ".from-"
                    + damagedRecordAt)));
            assertEquals(lines(1, 3), delivered);
        }
    }

    @Test
    void aSegmentDamagedFromItsFirstByteIsMovedAsideWhole() throws IOException {
        write(2, RECORDS_PER_SMALL_SEGMENT);
        flipByte(segment(dir, 1), RecordFormat.HEADER_BYTES + 1);

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            assertTrue(only(log.messages(Level.ERROR)).contains("offset=0"));
            assertTrue(Files.exists(dir.resolve("corrupt").resolve(Segment.fileName(1) + ".from-0")));
            assertEquals(lines(18, RECORDS_PER_SMALL_SEGMENT), delivered);
        }
    }

    @Test
    void anUnreadableCheckpointDeliversEverythingOnDiskAgainRatherThanLosingIt() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, clock)) {
            queue.append(lines(1, 10));
            queue.acknowledge(queue.peek(4, Long.MAX_VALUE).orElseThrow());
        }
        overwrite(dir.resolve(Checkpoint.FILE_NAME), 6, new byte[] {1, 2, 3});

        try (QueueTestSupport.LogCapture log = new QueueTestSupport.LogCapture()) {
            List<String> delivered = reopenAndDrain();

            assertTrue(only(log.messages(Level.ERROR)).contains("checkpoint unreadable"));
            assertEquals(lines(1, 10), delivered);
        }
    }
}
