package com.sicfurnace.controller.audit;

import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing end of a trail directory, for one process at a time (a lock file keeps a second one out). Opening it
 * checks the tail (the last file's records must chain and hash), keeps a record that a crash cut short in a sidecar
 * and records that it did, then continues {@code seq} and {@code prev} from the last record. Each
 * {@link #append} is durable when it returns (written and fsynced). A new file starts at each opening, on a new day
 * (of the records' time) and at {@code maxFileBytes}. The directory is its owner's only (rwx------), the files too
 * (rw-------).
 */
public final class AuditTrail implements AutoCloseable {
    public static final long DEFAULT_MAX_FILE_BYTES = 16L << 20;
    /** The action of the record that says a record cut short by a crash was moved aside. */
    public static final String TORN_TAIL_ACTION = "audit_torn_tail";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String LOCK = "audit.lock";

    private final Path dir;
    private final long maxFileBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Optional<AuditRecord> lastAtOpen;
    private AuditHead head;
    private Path lastFile;
    private FileChannel file;
    private LocalDate fileDay;
    private long fileBytes;
    private IOException failed;

    private AuditTrail(Path dir, long maxFileBytes, FileChannel lockChannel, FileLock lock, Tail tail) {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.lastAtOpen = tail.last();
        this.head = tail.last().map(AuditRecord::head).orElse(AuditHead.EMPTY);
        this.lastFile = tail.lastFile();
    }

    /** A record cut short by a crash, found at the end of {@code file} and moved to {@code keptIn}. */
    public record TornTail(Path file, long line, int bytes, Path keptIn) {
    }

    private record Tail(Optional<AuditRecord> last, Path lastFile, Optional<TornTail> torn) {
    }

    public static AuditTrail open(Path dir, Clock clock) throws IOException {
        return open(dir, clock, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Opens the trail in {@code dir}, creating it if missing.
     *
     * @param clock the time of the record about a torn tail, should there be one
     * @throws IllegalStateException if another writer has the trail open, or its tail does not verify (naming the
     *                               file and line; the trail is left as it is)
     */
    public static AuditTrail open(Path dir, Clock clock, long maxFileBytes) throws IOException {
        SecretFiles.ownerOnlyDirectory(dir);
        Path lockFile = dir.resolve(LOCK);
        // owner-only from its creation: created with the umask and tightened after, it drew a warning at every new trail
        FileChannel lockChannel = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), SecretFiles.ownerOnlyOnCreation(dir));
        AuditTrail trail;
        try {
            SecretFiles.ownerOnly(lockFile);
            FileLock lock = tryLock(lockChannel, dir);
            Tail tail = recoverTail(dir);
            trail = new AuditTrail(dir, maxFileBytes, lockChannel, lock, tail);
            if (tail.torn().isPresent()) {
                trail.recordTorn(tail.torn().get(), clock);
            }
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        return trail;
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("audit trail " + dir + " is already open in this process", e);
        }
        if (lock == null) {
            throw new IllegalStateException("audit trail " + dir + " is open in another process ("
                    + dir.resolve(LOCK) + " is locked)");
        }
        return lock;
    }

    /** The last record and file; a torn last line moved aside first; the last file's records checked. */
    private static Tail recoverTail(Path dir) throws IOException {
        List<Path> files = AuditFiles.list(dir);
        Optional<TornTail> torn = Optional.empty();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            TrailLines lines = TrailLines.read(file);
            if (lines.tornBytes() > 0) {
                torn = Optional.of(keepAside(file, lines));
                lines = TrailLines.read(file);
            }
            if (!lines.lines().isEmpty()) {
                return new Tail(Optional.of(checkTail(dir, lines)), files.get(files.size() - 1), torn);
            }
        }
        return new Tail(Optional.empty(), files.isEmpty() ? null : files.get(files.size() - 1), torn);
    }

    private static AuditRecord checkTail(Path dir, TrailLines lines) {
        ChainCheck chain = new ChainCheck(null);
        AuditRecord last = null;
        for (TrailLines.Line line : lines.lines()) {
            Optional<String> problem;
            try {
                if (line.text() == null) {
                    throw new IllegalArgumentException(line.undecodable());
                }
                last = AuditRecord.parse(line.text());
                problem = chain.next(last);
            } catch (IllegalArgumentException e) {
                problem = Optional.of("malformed record: " + e.getMessage());
            }
            if (problem.isPresent()) {
                throw new IllegalStateException("audit trail " + dir + " does not verify at "
                        + lines.file().getFileName() + " line " + line.number() + ": " + problem.get()
                        + "; nothing is appended to it. Check it with: controller audit verify " + dir);
            }
        }
        return last;
    }

    /** Moves the torn bytes at the end of {@code file} into a sidecar and cuts the file back to its last newline. */
    private static TornTail keepAside(Path file, TrailLines lines) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int keep = all.length - lines.tornBytes();
        Path sidecar = file.resolveSibling(file.getFileName() + AuditFiles.TORN_SUFFIX);
        for (int n = 2; Files.exists(sidecar); n++) {
            sidecar = file.resolveSibling(file.getFileName() + AuditFiles.TORN_SUFFIX + "." + n);
        }
        try (FileChannel out = FileChannel.open(sidecar, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), SecretFiles.ownerOnlyOnCreation(file.getParent()))) {
            writeFully(out, ByteBuffer.wrap(all, keep, all.length - keep));
            out.force(true);
        }
        try (FileChannel cut = FileChannel.open(file, StandardOpenOption.WRITE)) {
            cut.truncate(keep);
            cut.force(true);
        }
        syncDirectory(file.getParent());
        TornTail torn = new TornTail(file, lines.tornLine(), lines.tornBytes(), sidecar);
        LOG.warn("audit trail: line {} of {} was cut short by a crash ({} bytes without a newline); kept in {} and "
                + "recorded in the trail", torn.line(), file, torn.bytes(), sidecar);
        return torn;
    }

    private void recordTorn(TornTail torn, Clock clock) throws IOException {
        append(List.of(new AuditEntry(clock.instant(), "audit", "", TORN_TAIL_ACTION, "", null,
                Map.of("file", torn.file().getFileName().toString(), "line", torn.line(), "bytes", torn.bytes(),
                        "kept_in", torn.keptIn().getFileName().toString()),
                Outcome.DONE, "a record cut short by a crash (" + torn.bytes() + " bytes without a newline at line "
                + torn.line() + " of " + torn.file().getFileName() + ") was moved to " + torn.keptIn().getFileName(),
                null, null)));
    }

    /**
     * Appends the entries in order, numbered and chained after the head, and returns their records once they are on
     * disk (fsynced).
     *
     * @throws IOException if the disk refuses; the trail then takes nothing more (its state on disk is unknown
     *                     until it is opened again, which checks the tail)
     */
    public synchronized List<AuditRecord> append(List<AuditEntry> entries) throws IOException {
        if (failed != null) {
            throw new IOException("audit trail " + dir + " failed earlier and takes nothing more", failed);
        }
        if (lock == null || !lock.isValid()) {
            throw new IllegalStateException("audit trail " + dir + " is closed");
        }
        List<AuditRecord> written = new ArrayList<>(entries.size());
        AuditHead next = head;
        try {
            for (AuditEntry entry : entries) {
                startFileIfDue(LocalDate.ofInstant(entry.time(), ZoneOffset.UTC));
                AuditRecord record = AuditRecord.after(next, entry);
                byte[] line = (record.line() + "\n").getBytes(StandardCharsets.UTF_8);
                writeFully(file, ByteBuffer.wrap(line));
                fileBytes += line.length;
                written.add(record);
                next = record.head();
            }
            if (file != null) {
                file.force(true);
            }
        } catch (IOException e) {
            failed = e;
            closeFile();
            throw e;
        }
        head = next;
        return written;
    }

    private void startFileIfDue(LocalDate day) throws IOException {
        if (file != null && day.equals(fileDay) && fileBytes < maxFileBytes) {
            return;
        }
        if (file != null) {
            file.force(true);
            file.close();
        }
        Path path = dir.resolve(AuditFiles.next(lastFile, day).fileName());
        file = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), SecretFiles.ownerOnlyOnCreation(dir));
        syncDirectory(dir);
        lastFile = path;
        fileDay = day;
        fileBytes = 0;
    }

    /** The last record durable in the trail; {@link AuditHead#EMPTY} for a trail without records. */
    public synchronized AuditHead head() {
        return head;
    }

    /** The last record the trail held when it was opened, before anything was appended. */
    public Optional<AuditRecord> lastAtOpen() {
        return lastAtOpen;
    }

    public Path directory() {
        return dir;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Makes created, renamed and cut entries of {@code dir} durable (Linux: fsync on the directory). */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.error("audit trail {}: closing {} failed: {}", dir, lastFile, e.toString(), e);
            }
            file = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (file != null && failed == null) {
                file.force(true);
            }
        } finally {
            closeFile();
            lockChannel.close();
        }
    }
}
