package com.sicfurnace.controller.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Numbers and time-stamps the events of one core as they happen, and hands over those of each scan. One per core,
 * shared by the parts that produce events; single-threaded like the core itself.
 */
public final class EventLog {
    private final List<FurnaceEvent> pending = new ArrayList<>();
    private long lastSeq;
    private Instant time = Instant.EPOCH;

    /** An event still to be numbered and stamped. */
    @FunctionalInterface
    public interface Unstamped<E extends FurnaceEvent> {
        E at(long seq, Instant time);
    }

    /** The time that events recorded from now on carry: the scan's, or the command's. */
    public void setTime(Instant now) {
        this.time = Objects.requireNonNull(now, "now");
    }

    /** The time events are stamped with now: the scan's, or the command's. */
    public Instant time() {
        return time;
    }

    public <E extends FurnaceEvent> E record(Unstamped<E> event) {
        E stamped = event.at(++lastSeq, time);
        pending.add(stamped);
        return stamped;
    }

    /** The sequence number of the last event recorded; 0 before the first. */
    public long lastSeq() {
        return lastSeq;
    }

    /** The events recorded after {@code seq} and not yet drained, oldest first. */
    public List<FurnaceEvent> pendingAfter(long seq) {
        int first = pending.size();
        while (first > 0 && pending.get(first - 1).seq() > seq) {
            first--;
        }
        return first == pending.size() ? List.of() : List.copyOf(pending.subList(first, pending.size()));
    }

    /** The events recorded since the last call, oldest first. */
    public List<FurnaceEvent> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<FurnaceEvent> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }
}
