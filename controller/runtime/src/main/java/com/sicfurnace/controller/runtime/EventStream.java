package com.sicfurnace.controller.runtime;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The core's events in order, for any number of readers on any thread, each following from its own position:
 * reading takes nothing away from another reader. The scan thread appends without waiting for anybody (one writer,
 * a ring of the last {@code capacity} events, published by one volatile write); a reader that falls more than the
 * ring behind is told how many events it missed instead of silently skipping them.
 */
public final class EventStream {
    private final AtomicReferenceArray<FurnaceEvent> ring;
    private final int mask;
    /** The sequence number of the last event readers may see; 0 before the first. */
    private volatile long published;

    /** @param capacity events kept for readers that lag; rounded up to a power of two */
    public EventStream(int capacity) {
        if (capacity < 1 || capacity > 1 << 24) {
            throw new IllegalArgumentException("capacity must lie in 1..16777216, not " + capacity);
        }
        int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.ring = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /**
     * Appends one scan's events; only the scan thread calls it.
     *
     * @throws IllegalStateException if the events do not continue the sequence without a gap
     */
    public void append(List<? extends FurnaceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long last = published;
        for (FurnaceEvent event : events) {
            if (event.seq() != last + 1) {
                throw new IllegalStateException("event " + event.seq() + " does not follow event " + last);
            }
            last = event.seq();
            ring.set((int) (last & mask), event);
        }
        published = last;
    }

    /** The sequence number of the newest event; 0 before the first. */
    public long lastSeq() {
        return published;
    }

    /**
     * The events after {@code afterSeq}, oldest first, at most {@code max}; with how many of them are no longer kept
     * and the sequence number up to which the call has looked.
     */
    public Batch read(long afterSeq, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, not " + max);
        }
        long last = published;
        long first = Math.max(afterSeq + 1, last - mask);
        long missed = first - (afterSeq + 1);
        long through = Math.min(last, first - 1 + max);
        List<FurnaceEvent> events = new ArrayList<>((int) Math.max(0, through - first + 1));
        for (long seq = first; seq <= through; seq++) {
            FurnaceEvent event = ring.get((int) (seq & mask));
            if (event == null || event.seq() != seq) {
                missed++; // overwritten by a newer event while we read: this reader lags by a whole ring
            } else {
                events.add(event);
            }
        }
        return new Batch(List.copyOf(events), missed, through);
    }

    /** A reader that starts after the newest event (or from the first, with {@code fromStart}). */
    public Reader reader(boolean fromStart) {
        return new Reader(fromStart ? 0 : published);
    }

    /**
     * Events read in one call; how many were lost to the reader because it lagged a whole ring behind; the sequence
     * number to read after next time.
     */
    public record Batch(List<FurnaceEvent> events, long missed, long through) {
    }

    /** One reader's position in the stream; not shared between threads. */
    public final class Reader {
        private long position;
        private long missed;

        private Reader(long position) {
            this.position = position;
        }

        /** Every event since the last call, oldest first. */
        public List<FurnaceEvent> poll() {
            if (published <= position) {
                return List.of(); // the common case on the scan thread: nothing new, nothing allocated
            }
            Batch batch = read(position, Integer.MAX_VALUE);
            missed += batch.missed();
            position = batch.through();
            return batch.events();
        }

        /** The sequence number of the last event this reader has seen. */
        public long position() {
            return position;
        }

        /** Events this reader lost for lagging a whole ring behind; 0 for a reader that keeps up. */
        public long missed() {
            return missed;
        }
    }
}
