package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies every record of every segment file at start-up. A damaged tail of the newest segment (a crash while it
 * was being written) is cut off with a WARN; damage anywhere else is reported with an ERROR and the rest of that
 * segment, from the first damaged byte, is moved to {@code corrupt/} so that it can be examined.
 */
final class Recovery {
    static final String CORRUPT_DIR = "corrupt";
    static final String LOCK_NAME = "lock";
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final Set<String> OWN_FILES = Set.of(Checkpoint.FILE_NAME, Checkpoint.TEMP_NAME, CORRUPT_DIR,
            LOCK_NAME);

    private final Path dir;

    private Recovery(Path dir) {
        this.dir = dir;
    }

    /** The intact, non-empty segments of {@code dir}, oldest first; damaged and empty files are dealt with. */
    static List<Segment> recover(Path dir) throws IOException {
        return new Recovery(dir).run();
    }

    private List<Segment> run() throws IOException {
        List<Path> files = segmentFiles();
        List<Segment> segments = new ArrayList<>();
        long previousLast = 0;
        for (int i = 0; i < files.size(); i++) {
            Segment segment = verify(files.get(i), previousLast, i == files.size() - 1);
            if (segment.isEmpty()) {
                if (Files.deleteIfExists(segment.path)) {
                    LOG.info("telemetry queue removed empty segment file={}", segment.path);
                }
            } else {
                segments.add(segment);
                previousLast = segment.lastSequence();
            }
        }
        return segments;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Segment.isSegmentFile(entry)) {
                    files.add(entry);
                } else if (!OWN_FILES.contains(entry.getFileName().toString())) {
                    LOG.warn("telemetry queue ignores a file it did not write file={}", entry);
                }
            }
            files.sort(Comparator.comparingLong(Segment::firstSequenceOf));
            return files;
        }
    }

    private Segment verify(Path file, long previousLast, boolean newest) throws IOException {
        long first = Segment.firstSequenceOf(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (first <= previousLast) {
                moveAside(file, channel, 0, "first sequence " + first + " overlaps the previous segment, which ends at "
                        + previousLast);
                return new Segment(file, first, first - 1, 0);
            }
            RecordReader reader = new RecordReader(channel);
            long offset = 0;
            long expected = first;
            while (offset < size) {
                RecordReader.Decoded record = reader.decode(offset, size, false);
                if (record.ok() && record.sequence() == expected) {
                    offset += record.recordBytes();
                    expected++;
                    continue;
                }
                String problem = record.ok() ? "sequence " + record.sequence() + " where " + expected
                        + " was expected" : record.status().description;
                if (newest && !record.ok() && !reader.intactRecordAfter(offset, size)) {
                    truncateTornTail(file, channel, offset, size, problem);
                } else {
                    moveAside(file, channel, offset, problem);
                }
                break;
            }
            return new Segment(file, first, expected - 1, offset);
        }
    }

    private void truncateTornTail(Path file, FileChannel channel, long offset, long size, String problem)
            throws IOException {
        LOG.warn("telemetry queue truncating torn tail of newest segment (crash while writing) file={} offset={} "
                + "bytesCut={} problem=\"{}\"", file, offset, size - offset, problem);
        channel.truncate(offset);
        channel.force(false);
    }

    private void moveAside(Path file, FileChannel channel, long offset, String problem) throws IOException {
        Path corruptDir = Files.createDirectories(dir.resolve(CORRUPT_DIR));
        Path target = corruptDir.resolve(file.getFileName() + ".from-" + offset);
        long bytes = channel.size() - offset;
        LOG.error("telemetry queue segment corrupt, moving the rest of it aside file={} offset={} bytes={} "
                + "problem=\"{}\" movedTo={}", file, offset, bytes, problem, target);
        if (offset == 0) {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            copy(channel, offset, bytes, target);
            channel.truncate(offset);
            channel.force(false);
        }
        Durable.syncDirectory(corruptDir);
        Durable.syncDirectory(dir);
    }

    private static void copy(FileChannel from, long offset, long bytes, Path target) throws IOException {
        try (FileChannel to = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < bytes) {
                copied += from.transferTo(offset + copied, bytes - copied, to);
            }
            to.force(false);
        }
    }
}
