package com.sicfurnace.controller.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private record Marker(long seq, Instant time) implements FurnaceEvent {
    }

    private static List<FurnaceEvent> events(long first, long last) {
        return LongStream.rangeClosed(first, last).<FurnaceEvent>mapToObj(s -> new Marker(s, Instant.EPOCH)).toList();
    }

    private static List<Long> seqs(List<FurnaceEvent> events) {
        return events.stream().map(FurnaceEvent::seq).toList();
    }

    @Test
    void everyReaderFollowsFromItsOwnPositionAndTakesNothingFromTheOthers() {
        EventStream stream = new EventStream(16);
        EventStream.Reader early = stream.reader(true);
        stream.append(events(1, 3));
        EventStream.Reader late = stream.reader(false);
        EventStream.Reader fromStart = stream.reader(true);
        stream.append(events(4, 5));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(early.poll()));
        assertEquals(List.of(4L, 5L), seqs(late.poll()), "a reader that joined later starts after the newest event");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(fromStart.poll()), "the first reader took nothing away");
        assertEquals(List.of(), early.poll());
        stream.append(events(6, 6));
        assertEquals(List.of(6L), seqs(early.poll()));
        assertEquals(6, stream.lastSeq());
    }

    @Test
    void aReaderThatLagsAWholeRingBehindIsToldHowManyItMissed() {
        EventStream stream = new EventStream(8);
        EventStream.Reader slow = stream.reader(true);
        stream.append(events(1, 20));
        List<FurnaceEvent> kept = slow.poll();
        assertEquals(List.of(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L), seqs(kept), "the last ring's worth");
        assertEquals(12, slow.missed());
        assertEquals(20, slow.position());
    }

    @Test
    void readsComeInBatchesOfAtMostTheAskedSize() {
        EventStream stream = new EventStream(64);
        stream.append(events(1, 10));
        EventStream.Batch first = stream.read(0, 4);
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(first.events()));
        assertEquals(4, first.through());
        EventStream.Batch rest = stream.read(first.through(), 100);
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), seqs(rest.events()));
        assertEquals(0, rest.missed());
        assertThrows(IllegalArgumentException.class, () -> stream.read(0, 0));
    }

    @Test
    void aGapInTheSequenceIsRefused() {
        EventStream stream = new EventStream(8);
        stream.append(events(1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stream.append(events(4, 4)));
        assertEquals("event 4 does not follow event 2", e.getMessage());
    }

    /** One writer, three readers on their own threads: each sees every event once, in order. */
    @Test
    void readersOnOtherThreadsSeeEveryEventInOrder() throws Exception {
        EventStream stream = new EventStream(1 << 16);
        int total = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch ready = new CountDownLatch(3);
            List<Future<List<Long>>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    EventStream.Reader reader = stream.reader(true);
                    ready.countDown();
                    List<Long> seen = new ArrayList<>();
                    while (seen.size() < total) {
                        seqs(reader.poll()).forEach(seen::add);
                        Thread.onSpinWait();
                    }
                    assertEquals(0, reader.missed());
                    return seen;
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            for (long seq = 1; seq <= total; seq += 10) {
                stream.append(events(seq, seq + 9));
            }
            List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
            for (Future<List<Long>> reader : readers) {
                assertEquals(expected, reader.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
