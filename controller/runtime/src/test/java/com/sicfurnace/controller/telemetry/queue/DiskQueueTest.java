package com.sicfurnace.controller.telemetry.queue;

import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORDS_PER_SMALL_SEGMENT;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORD_BYTES;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.START;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.drain;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.line;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.lines;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.payloads;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.segmentFiles;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.sequences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.runtime.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery, acknowledgement, segment life cycle, reopening and statistics of the disk queue. */
class DiskQueueTest {
    private static final QueueSettings SMALL_SEGMENTS = new QueueSettings(4096, 1 << 20, FullPolicy.REJECT_NEW);

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock(START);
    private final List<DiskQueue> opened = new ArrayList<>();

    @AfterEach
    void closeQueues() throws IOException {
        for (DiskQueue queue : opened) {
            queue.close();
        }
    }

    private DiskQueue open() throws IOException {
        DiskQueue queue = DiskQueue.open(dir, SMALL_SEGMENTS, clock);
        opened.add(queue);
        return queue;
    }

    @Test
    void deliversEveryRecordExactlyOnceInAppendOrderAcrossSegments() throws IOException {
        DiskQueue queue = open();
        List<String> appended = new ArrayList<>();
        long number = 1;
        for (int size : new int[] {5, 40, 1, 23}) {
            queue.append(lines(number, size));
            appended.addAll(lines(number, size));
            number += size;
        }
        int segmentsBeforeDraining = segmentFiles(dir).size();

        List<QueuedRecord> delivered = drain(queue, 7);

        assertEquals(5, segmentsBeforeDraining, "69 records, 17 to a segment");
        assertEquals(appended, payloads(delivered));
        assertEquals(LongStream.rangeClosed(1, 69).boxed().toList(), sequences(delivered));
        assertEquals(Optional.empty(), queue.peek(7, Long.MAX_VALUE));
    }

    @Test
    void appendReportsTheSequenceNumbersItGave() throws IOException {
        DiskQueue queue = open();

        AppendResult first = queue.append(lines(1, 5));
        AppendResult second = queue.append(lines(6, 3));
        AppendResult nothing = queue.append(List.of());

        assertEquals(new AppendResult(5, 1, 5, 0, 0, 0), first);
        assertEquals(new AppendResult(3, 6, 8, 0, 0, 0), second);
        assertEquals(new AppendResult(0, 0, 0, 0, 0, 0), nothing);
    }

    @Test
    void peekingAgainWithoutAcknowledgingReturnsTheSameRecords() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 30));

        Batch first = queue.peek(20, Long.MAX_VALUE).orElseThrow();
        Batch again = queue.peek(20, Long.MAX_VALUE).orElseThrow();
        queue.acknowledge(again);
        Batch next = queue.peek(20, Long.MAX_VALUE).orElseThrow();

        assertEquals(first, again);
        assertEquals(lines(1, 20), first.payloads());
        assertEquals(lines(21, 10), next.payloads());
    }

    @Test
    void peekStopsAtMaxRecordsAndMaxBytesButAlwaysHandsOutOneRecord() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 10));

        assertEquals(4, queue.peek(4, Long.MAX_VALUE).orElseThrow().size());
        assertEquals(3, queue.peek(100, 3L * QueueTestSupport.PAYLOAD_BYTES + 199).orElseThrow().size());
        assertEquals(1, queue.peek(100, 1).orElseThrow().size());
        assertThrows(IllegalArgumentException.class, () -> queue.peek(0, 100));
        assertThrows(IllegalArgumentException.class, () -> queue.peek(10, 0));
    }

    @Test
    void aSegmentFileIsDeletedOnceAllItsRecordsAreAcknowledged() throws IOException {
        DiskQueue queue = open();
        for (int i = 0; i < 3; i++) {
            queue.append(lines(1 + i * RECORDS_PER_SMALL_SEGMENT, RECORDS_PER_SMALL_SEGMENT));
        }
        queue.append(lines(52, 5));
        List<String> fourSegments = List.of(Segment.fileName(1), Segment.fileName(18), Segment.fileName(35),
                Segment.fileName(52));
        assertEquals(fourSegments, segmentFiles(dir));

        queue.acknowledge(queue.peek(16, Long.MAX_VALUE).orElseThrow());
        assertEquals(fourSegments, segmentFiles(dir), "one record of the first segment is still undelivered");

        queue.acknowledge(queue.peek(1, Long.MAX_VALUE).orElseThrow());
        assertEquals(fourSegments.subList(1, 4), segmentFiles(dir));

        drain(queue, 10);
        assertEquals(List.of(Segment.fileName(52)), segmentFiles(dir), "the segment being appended to stays");
        assertEquals(1, queue.stats().segments());
    }

    @Test
    void reopeningKeepsUnacknowledgedRecordsAndForgetsAcknowledgedOnes() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 30));
        queue.acknowledge(queue.peek(12, Long.MAX_VALUE).orElseThrow());
        queue.peek(5, Long.MAX_VALUE).orElseThrow();
        queue.close();

        DiskQueue reopened = open();
        AppendResult more = reopened.append(lines(31, 2));
        List<QueuedRecord> delivered = drain(reopened, 100);

        assertEquals(lines(13, 20), payloads(delivered));
        assertEquals(LongStream.rangeClosed(13, 32).boxed().toList(), sequences(delivered));
        assertEquals(31, more.firstSequence());
    }

    @Test
    void sequenceNumbersContinueAfterEverythingWasDeliveredAndDeleted() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 5));
        drain(queue, 100);
        queue.close();

        DiskQueue reopened = open();
        assertEquals(List.of(), segmentFiles(dir));
        assertEquals(6, reopened.append(lines(6, 1)).firstSequence());
    }

    @Test
    void acknowledgingWhatWasNotHandedOutOrAlreadyAcknowledgedIsRefused() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 10));
        Batch firstFive = queue.peek(5, Long.MAX_VALUE).orElseThrow();
        queue.acknowledge(firstFive);
        Batch later = new Batch(List.of(new QueuedRecord(8, 0, line(8))));
        Batch unknown = new Batch(List.of(new QueuedRecord(11, 0, line(11))));

        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> queue.acknowledge(firstFive));
        IllegalArgumentException skipping = assertThrows(IllegalArgumentException.class,
                () -> queue.acknowledge(later));
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                () -> queue.acknowledge(unknown));

        assertTrue(twice.getMessage().contains("1..5"), twice.getMessage());
        assertTrue(skipping.getMessage().contains("skip undelivered records from 6"), skipping.getMessage());
        assertTrue(never.getMessage().contains("never handed out"), never.getMessage());
        assertEquals(lines(6, 5), queue.peek(100, Long.MAX_VALUE).orElseThrow().payloads());
    }

    @Test
    void statsCountRecordsBytesSegmentsAndTheAgeOfTheOldestRecord() throws IOException {
        DiskQueue queue = open();
        assertEquals(new QueueStats(0, 0, 0, 0, 0, 0, 0, false), queue.stats());

        queue.append(lines(1, 10));
        clock.advance(Duration.ofMillis(1500));
        queue.append(lines(11, 10));
        QueueStats twoBatches = queue.stats();
        clock.advance(Duration.ofMillis(500));
        queue.acknowledge(queue.peek(10, Long.MAX_VALUE).orElseThrow());
        QueueStats afterAck = queue.stats();

        assertEquals(new QueueStats(20, 20L * RECORD_BYTES, 1500, 2, 0, 0, 0, false), twoBatches);
        assertEquals(new QueueStats(10, 20L * RECORD_BYTES, 500, 2, 0, 0, 0, false), afterAck,
                "the first segment still holds 7 records of the second batch");
    }

    @Test
    void aRecordLargerThanASegmentGetsASegmentOfItsOwn() throws IOException {
        DiskQueue queue = open();
        char[] big = new char[6000];
        Arrays.fill(big, 'b');
        List<String> batch = List.of(line(1), new String(big), line(3));

        queue.append(batch);

        assertEquals(List.of(Segment.fileName(1), Segment.fileName(2), Segment.fileName(3)), segmentFiles(dir));
        assertEquals(batch, payloads(drain(queue, 100)));
    }

    @Test
    void anAppendThatFailsHalfwayLeavesNothingOfItsBatchBehind() throws IOException {
        DiskQueue queue = open();
        queue.append(lines(1, 10));
        // Records 11..17 fit in the first segment; creating the next one, for record 18, is made to fail.
        Path blocker = Files.createDirectory(QueueTestSupport.segment(dir, 18));

        IOException failed = assertThrows(IOException.class, () -> queue.append(lines(11, 10)));
        long firstSegmentBytes = Files.size(QueueTestSupport.segment(dir, 1));
        QueueStats afterFailure = queue.stats();
        Files.delete(blocker);
        AppendResult retried = queue.append(lines(11, 10));

        assertTrue(failed.getMessage().contains(Segment.fileName(18)), failed.getMessage());
        assertEquals(10L * RECORD_BYTES, firstSegmentBytes, "the records written before the failure were cut off");
        assertEquals(10, afterFailure.records());
        assertEquals(11, retried.firstSequence());
        assertEquals(lines(1, 20), payloads(drain(queue, 100)));
    }

    @Test
    void badBatchesAreRefusedWithAClearMessageAndNothingIsAppended() throws IOException {
        DiskQueue queue = open();
        List<String> withNull = new ArrayList<>(lines(1, 3));
        withNull.set(1, null);
        List<String> tooLong = List.of(line(1), "y".repeat(RecordFormat.MAX_PAYLOAD_BYTES + 1));
        List<String> overBudget = lines(1, (1 << 20) / RECORD_BYTES + 1);

        String nullMessage = assertThrows(IllegalArgumentException.class, () -> queue.append(withNull)).getMessage();
        String longMessage = assertThrows(IllegalArgumentException.class, () -> queue.append(tooLong)).getMessage();
        String budgetMessage = assertThrows(IllegalArgumentException.class,
                () -> queue.append(overBudget)).getMessage();

        assertTrue(nullMessage.contains("record 1 of the batch is null"), nullMessage);
        assertTrue(longMessage.contains("record 1 of the batch is 1048577 bytes"), longMessage);
        assertTrue(budgetMessage.contains("more than the whole budgetBytes 1048576"), budgetMessage);
        assertEquals(0, queue.stats().records());
    }

    @Test
    void aClosedQueueRefusesWorkAndADirectoryIsOpenedOnlyOnce() throws IOException {
        DiskQueue queue = open();
        IOException second = assertThrows(IOException.class, () -> DiskQueue.open(dir, SMALL_SEGMENTS, clock));
        queue.close();

        assertTrue(second.getMessage().contains("already open"), second.getMessage());
        assertThrows(IllegalStateException.class, () -> queue.append(lines(1, 1)));
        assertThrows(IllegalStateException.class, () -> queue.peek(1, 1));
        assertThrows(IllegalStateException.class, queue::stats);
        queue.close();
        assertFalse(open().stats().full());
    }

    @Test
    void oneAppenderAndOneDrainerAtTheSameTimeDeliverEverythingInOrder() throws Exception {
        DiskQueue queue = open();
        int batches = 150;
        int perBatch = 10;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> appender = threads.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    queue.append(lines(1L + (long) b * perBatch, perBatch));
                }
                return null;
            });
            Future<List<String>> drainer = threads.submit(() -> {
                List<String> delivered = new ArrayList<>();
                while (delivered.size() < batches * perBatch && !Thread.currentThread().isInterrupted()) {
                    Optional<Batch> batch = queue.peek(25, Long.MAX_VALUE);
                    if (batch.isPresent()) {
                        delivered.addAll(batch.get().payloads());
                        queue.acknowledge(batch.get());
                    } else {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    }
                }
                return delivered;
            });

            appender.get(30, TimeUnit.SECONDS);
            assertEquals(lines(1, batches * perBatch), drainer.get(30, TimeUnit.SECONDS));
            assertEquals(0, queue.stats().records());
        } finally {
            threads.shutdownNow();
        }
    }
}
