package com.sicfurnace.controller.telemetry.queue;

import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORDS_PER_SMALL_SEGMENT;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.RECORD_BYTES;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.START;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.drain;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.lines;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.payloads;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.segmentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.runtime.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two full policies, with a budget of two segments: each batch of 17 records fills one 4096-byte segment, so
 * the third batch never fits.
 */
class DiskQueueFullPolicyTest {
    private static final int SEGMENT = RECORDS_PER_SMALL_SEGMENT;

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock(START);

    private DiskQueue open(FullPolicy policy) throws IOException {
        return DiskQueue.open(dir, new QueueSettings(4096, 8192, policy), clock);
    }

    /** Appends the first two batches (records 1..34), which fill the budget but for 440 bytes. */
    private static void fillTwoSegments(DiskQueue queue) throws IOException {
        queue.append(lines(1, SEGMENT));
        queue.append(lines(1 + SEGMENT, SEGMENT));
    }

    @Test
    void dropOldestDeletesTheOldestSegmentAndCountsItsRecords() throws IOException {
        try (DiskQueue queue = open(FullPolicy.DROP_OLDEST)) {
            fillTwoSegments(queue);

            AppendResult third = queue.append(lines(35, SEGMENT));
            QueueStats stats = queue.stats();

            assertEquals(new AppendResult(SEGMENT, 35, 51, 0, SEGMENT, 1), third);
            assertTrue(third.dropped());
            assertEquals(new QueueStats(2L * SEGMENT, 2L * SEGMENT * RECORD_BYTES, 0, 2, SEGMENT, 0, 0, true),
                    stats);
            assertEquals(List.of(Segment.fileName(18), Segment.fileName(35)), segmentFiles(dir));
            assertEquals(lines(18, 2 * SEGMENT), payloads(drain(queue, 10)));
            assertFalse(queue.stats().full(), "delivering freed a segment");
        }
    }

    @Test
    void dropOldestCountsOnlyRecordsThatWereNotDeliveredYet() throws IOException {
        try (DiskQueue queue = open(FullPolicy.DROP_OLDEST)) {
            fillTwoSegments(queue);
            queue.acknowledge(queue.peek(10, Long.MAX_VALUE).orElseThrow());

            AppendResult third = queue.append(lines(35, SEGMENT));

            assertEquals(SEGMENT - 10, third.droppedRecords());
            assertEquals(SEGMENT - 10, queue.stats().droppedRecords());
        }
    }

    @Test
    void aBatchInDeliveryWhoseSegmentWasDroppedCanStillBeAcknowledged() throws IOException {
        try (DiskQueue queue = open(FullPolicy.DROP_OLDEST)) {
            fillTwoSegments(queue);
            Batch inDelivery = queue.peek(10, Long.MAX_VALUE).orElseThrow();

            queue.append(lines(35, SEGMENT));
            queue.acknowledge(inDelivery);

            assertEquals(lines(18, 2 * SEGMENT), payloads(drain(queue, 10)));
        }
    }

    @Test
    void droppedRecordsStayDroppedAfterReopening() throws IOException {
        try (DiskQueue queue = open(FullPolicy.DROP_OLDEST)) {
            fillTwoSegments(queue);
            queue.append(lines(35, SEGMENT));
        }
        try (DiskQueue reopened = open(FullPolicy.DROP_OLDEST)) {
            assertEquals(52, reopened.append(lines(52, 1)).firstSequence());
            assertEquals(lines(18, 2 * SEGMENT + 1), payloads(drain(reopened, 100)));
        }
    }

    @Test
    void rejectNewRefusesTheBatchKeepsWhatIsQueuedAndCountsIt() throws IOException {
        try (DiskQueue queue = open(FullPolicy.REJECT_NEW)) {
            fillTwoSegments(queue);

            AppendResult third = queue.append(lines(35, SEGMENT));
            AppendResult fourth = queue.append(lines(35, 3));
            QueueStats whileFull = queue.stats();
            queue.acknowledge(queue.peek(SEGMENT, Long.MAX_VALUE).orElseThrow());
            boolean fullAfterDelivery = queue.stats().full();
            AppendResult retried = queue.append(lines(35, SEGMENT));

            assertEquals(new AppendResult(0, 0, 0, SEGMENT, 0, 0), third);
            assertTrue(third.rejected());
            assertTrue(fourth.rejected());
            assertEquals(new QueueStats(2L * SEGMENT, 2L * SEGMENT * RECORD_BYTES, 0, 2, 0, SEGMENT + 3, 2, true),
                    whileFull);
            assertFalse(fullAfterDelivery, "delivering freed a segment");
            assertEquals(new AppendResult(SEGMENT, 35, 51, 0, 0, 0), retried, "rejected batches take no numbers");
            assertEquals(lines(18, 2 * SEGMENT), payloads(drain(queue, 100)));
        }
    }
}
