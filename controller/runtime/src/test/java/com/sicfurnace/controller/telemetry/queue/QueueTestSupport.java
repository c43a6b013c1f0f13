package com.sicfurnace.controller.telemetry.queue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** Records, draining and file inspection shared by the queue tests. */
final class QueueTestSupport {
    /** Payload bytes of every record made here: 228 bytes on disk, so 17 records fill a 4096-byte segment. */
    static final int PAYLOAD_BYTES = 200;
    static final int RECORD_BYTES = PAYLOAD_BYTES + RecordFormat.HEADER_BYTES;
    static final int RECORDS_PER_SMALL_SEGMENT = 17;
    static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private QueueTestSupport() {
    }

    /** A line-protocol line of exactly {@link #PAYLOAD_BYTES} bytes that names its number. */
    static String line(long number) {
        String head = "furnace,zone=seed temperature_c=2310.25,point=" + number + "i,pad=\"";
        return head + "x".repeat(PAYLOAD_BYTES - head.length() - 1) + "\"";
    }

    /** Lines {@code first} .. {@code first + count - 1}. */
    static List<String> lines(long first, int count) {
        List<String> lines = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            lines.add(line(n));
        }
        return lines;
    }

    /** Peeks and acknowledges until the queue is empty; the records in delivery order. */
    static List<QueuedRecord> drain(DiskQueue queue, int maxRecords) throws IOException {
        List<QueuedRecord> delivered = new ArrayList<>();
        for (Optional<Batch> batch = queue.peek(maxRecords, Long.MAX_VALUE); batch.isPresent();
             batch = queue.peek(maxRecords, Long.MAX_VALUE)) {
            delivered.addAll(batch.get().records());
            queue.acknowledge(batch.get());
        }
        return delivered;
    }

    static List<String> payloads(List<QueuedRecord> records) {
        return records.stream().map(QueuedRecord::payload).toList();
    }

    static List<Long> sequences(List<QueuedRecord> records) {
        return records.stream().map(QueuedRecord::sequence).toList();
    }

    /** Segment file names in the queue directory, sorted. */
    static List<String> segmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Segment::isSegmentFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Path segment(Path dir, long firstSequence) {
        return dir.resolve(Segment.fileName(firstSequence));
    }

    /** Collects what the queue's classes log while it is open. */
    static final class LogCapture implements AutoCloseable {
        private final List<Logger> loggers = new ArrayList<>();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        LogCapture() {
            appender.start();
            for (Class<?> type : List.of(DiskQueue.class, BatchWriter.class, Recovery.class, Checkpoint.class)) {
                Logger logger = (Logger) LoggerFactory.getLogger(type);
                logger.addAppender(appender);
                loggers.add(logger);
            }
        }

        /** Formatted messages logged at exactly {@code level}. */
        List<String> messages(Level level) {
            return appender.list.stream().filter(e -> e.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            loggers.forEach(l -> l.detachAppender(appender));
            appender.stop();
        }
    }
}
