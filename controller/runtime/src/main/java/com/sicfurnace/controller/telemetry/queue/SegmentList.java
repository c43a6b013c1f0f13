package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The published segments, oldest first, and how to find and read records in them. Guarded by the owning
 * {@link DiskQueue}.
 */
final class SegmentList {
    /** Where a record starts in a segment and the sequence number expected there. */
    record Position(Segment segment, long offset, long sequence) {
        boolean atEnd() {
            return offset >= segment.sizeBytes();
        }
    }

    private final List<Segment> segments;

    SegmentList(List<Segment> recovered) {
        this.segments = new ArrayList<>(recovered);
    }

    /** Oldest first; a read-only view. */
    List<Segment> all() {
        return Collections.unmodifiableList(segments);
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    Segment oldest() {
        return segments.get(0);
    }

    Segment newest() {
        return segments.get(segments.size() - 1);
    }

    void add(Segment segment) {
        segments.add(segment);
    }

    void remove(Segment segment) {
        segments.remove(segment);
    }

    boolean contains(Segment segment) {
        return segments.contains(segment);
    }

    long bytes() {
        return segments.stream().mapToLong(Segment::sizeBytes).sum();
    }

    long recordsAfter(long doneThroughSequence) {
        return segments.stream().mapToLong(s -> s.recordsAfter(doneThroughSequence)).sum();
    }

    /** The first sequence number on disk after {@code doneThroughSequence}, or {@code orElse} if there is none. */
    long firstSequenceAfter(long doneThroughSequence, long orElse) {
        for (Segment s : segments) {
            if (s.lastSequence() > doneThroughSequence) {
                return Math.max(s.firstSequence, doneThroughSequence + 1);
            }
        }
        return orElse;
    }

    /** Where record {@code sequence} is, or the first one after it; the end of the newest segment if none is. */
    Position locate(long sequence) throws IOException {
        for (Segment s : segments) {
            if (s.lastSequence() >= sequence) {
                Position at = new Position(s, 0, s.firstSequence);
                while (at.sequence() < sequence) {
                    at = new Position(s, at.offset() + readAt(at, false).recordBytes(), at.sequence() + 1);
                }
                return at;
            }
        }
        return new Position(newest(), newest().sizeBytes(), newest().lastSequence() + 1);
    }

    /** The start of the next segment if {@code at} is at the end of its segment and there is a next one. */
    Position nextIfAtEnd(Position at) {
        if (!at.atEnd()) {
            return at;
        }
        int index = segments.indexOf(at.segment());
        if (index + 1 < segments.size()) {
            Segment next = segments.get(index + 1);
            return new Position(next, 0, next.firstSequence);
        }
        return at;
    }

    /** The record at {@code at}, verified. */
    RecordReader.Decoded readAt(Position at, boolean withPayload) throws IOException {
        RecordReader.Decoded record = at.segment().reader().decode(at.offset(), at.segment().sizeBytes(),
                withPayload);
        if (!record.ok() || record.sequence() != at.sequence()) {
            String problem = record.ok() ? "sequence " + record.sequence() + " where " + at.sequence()
                    + " was expected" : record.status().description;
            throw new IOException("telemetry queue: record unreadable file=" + at.segment().path + " offset="
                    + at.offset() + " problem=\"" + problem + "\"; reopening the queue moves the damage aside");
        }
        return record;
    }
}
