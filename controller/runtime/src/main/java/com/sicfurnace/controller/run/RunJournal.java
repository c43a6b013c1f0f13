package com.sicfurnace.controller.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run journal: the latest {@link RunCheckpoint} of the active run, kept durably in one file so that a restarted
 * controller can go on with the run ({@code run.journal} in the journal directory). The scan thread only hands a
 * checkpoint over ({@link #offer}); the journal's own thread writes the newest one it has, atomically and durably:
 * into {@code run.journal.tmp}, fsynced, renamed over {@code run.journal}, the directory fsynced. A crash leaves either
 * the old journal or the new one, never a mix; a temp file left behind is ignored.
 *
 * <p>The file is two lines of JSON: a header ({@link JournalHeader}: format, run, recipe and the SHA-256 of its file,
 * furnace, times, and the SHA-256 of the body line) and the body (the checkpoint, {@link CheckpointCodec}). Reading
 * refuses, naming the file and what is wrong, anything that does not check out; it never guesses.
 */
public final class RunJournal implements AutoCloseable {
    public static final int FORMAT = 1;
    public static final String FILE = "run.journal";
    static final String TEMP = "run.journal.tmp";
    /** Where journals discarded on purpose go, for the investigation. */
    public static final String DISCARDED = "discarded";
    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Path dir;
    /** Changes only when an operator loads another recipe before the start; read by the writer thread. */
    private volatile Identity identity;
    private final Clock wall;
    private final long minIntervalNanos;
    private final AtomicReference<RunCheckpoint> latest = new AtomicReference<>();
    private final Histogram writeNanos = new Histogram(HIGHEST_NANOS, 3);
    private final Thread writer;
    private volatile boolean running = true;
    private volatile long writes;
    private volatile long failures;
    private boolean closed;

    /**
     * What a journal belongs to, fixed for its run.
     *
     * @param runStart the furnace time the run started
     * @param speed    furnace seconds per wall second
     */
    public record Identity(String runId, String furnace, String recipe, String recipeFile, String recipeSha256,
                           Instant runStart, double speed) {
        /** The same run following another recipe, loaded before its start. */
        public Identity withRecipe(String name, String file, String sha256) {
            return new Identity(runId, furnace, name, file, sha256, runStart, speed);
        }
    }

    /** A journal read back: where, its header and the checkpoint it holds. */
    public record Journaled(Path file, JournalHeader header, RunCheckpoint checkpoint) {
    }

    /** A journal that cannot be used: the message names the file and what is wrong with it. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final Path file;

        Unreadable(Path file, String what, Throwable cause) {
            super("the run journal " + file + " " + what, cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    private RunJournal(Path dir, Identity identity, Clock wall, Duration minInterval) {
        this.dir = dir;
        this.identity = identity;
        this.wall = wall;
        this.minIntervalNanos = minInterval.toNanos();
        this.writer = new Thread(this::run, "run-journal");
        this.writer.setDaemon(true);
    }

    /**
     * Starts the journal of a run in {@code dir} (created owner-only if missing).
     *
     * @param wall        the wall clock: each journal says when it was written, a restart measures the outage by it
     * @param minInterval the least time between two writes, to spare the disk in runs at a simulator's speed
     */
    public static RunJournal start(Path dir, Identity identity, Clock wall, Duration minInterval) throws IOException {
        SecretFiles.ownerOnlyDirectory(dir);
        RunJournal journal = new RunJournal(dir, identity, wall, minInterval);
        journal.writer.start();
        return journal;
    }

    /**
     * Hands the newest checkpoint over to the writer; returns at once (called on the scan thread). The writer is woken
     * only when nothing was waiting: with a checkpoint waiting it sleeps until its interval has passed anyway.
     */
    public void offer(RunCheckpoint checkpoint) {
        if (latest.getAndSet(checkpoint) == null) {
            LockSupport.unpark(writer);
        }
    }

    private void run() {
        long nextAllowed = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            RunCheckpoint next = now >= nextAllowed ? latest.getAndSet(null) : null;
            if (next != null) {
                write(next);
                nextAllowed = System.nanoTime() + minIntervalNanos;
            } else if (!running && latest.get() == null) {
                return;
            } else if (!running) {
                nextAllowed = now; // closing: the newest checkpoint goes out at once
            } else {
                // a checkpoint waiting: until the interval has passed; none: until one is offered (or a while)
                LockSupport.parkNanos(this, latest.get() != null ? nextAllowed - now
                        : TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private void write(RunCheckpoint checkpoint) {
        long start = System.nanoTime();
        try {
            writeAtomically(encode(checkpoint));
            writes++;
            synchronized (writeNanos) {
                writeNanos.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
            }
        } catch (IOException | RuntimeException e) {
            failures++;
            LOG.error("the run journal {} could not be written; a restart would go on from the one before: {}",
                    dir.resolve(FILE), e.toString(), e);
        }
    }

    /**
     * The run follows another recipe, loaded before its start (nothing is journaled before the start): every write
     * names it, so that a restart takes it up.
     */
    public void recipe(String name, String file, String sha256) {
        identity = identity.withRecipe(name, file, sha256);
    }

    private byte[] encode(RunCheckpoint checkpoint) throws JsonProcessingException {
        Identity identity = this.identity;
        byte[] body = JSON.writeValueAsBytes(CheckpointCodec.write(checkpoint));
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("run_id", identity.runId());
        header.put("furnace", identity.furnace());
        header.put("recipe", identity.recipe());
        header.put("recipe_file", identity.recipeFile());
        header.put("recipe_sha256", identity.recipeSha256());
        header.put("run_start", identity.runStart().toString());
        header.put("furnace_time", checkpoint.time().toString());
        header.put("written_at", wall.instant().toString());
        header.put("speed", identity.speed());
        header.put("body_sha256", AuditRecord.sha256(body));
        byte[] head = JSON.writeValueAsBytes(header);
        byte[] file = new byte[head.length + body.length + 2];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = '\n';
        System.arraycopy(body, 0, file, head.length + 1, body.length);
        file[file.length - 1] = '\n';
        return file;
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path temp = dir.resolve(TEMP);
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), SecretFiles.ownerOnlyOnCreation(dir))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Journals written so far. */
    public long writes() {
        return writes;
    }

    public long failures() {
        return failures;
    }

    /** A copy of the time each write took (encode, write, fsync, rename, fsync of the directory), nanoseconds. */
    public Histogram writeTimes() {
        synchronized (writeNanos) {
            return writeNanos.copy();
        }
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** Writes the newest checkpoint handed over, and stops; the journal stays for a restart to go on from. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("the run journal's writer did not stop within 10 s");
        }
    }

    /** The run has ended (complete or aborted): nothing is left to go on with, so the journal goes. */
    public void finish() throws IOException {
        close();
        Files.deleteIfExists(dir.resolve(FILE));
        Files.deleteIfExists(dir.resolve(TEMP));
        syncDirectory(dir);
    }

    // ---- reading back ----

    /**
     * The journal in {@code dir}, if there is one. A temp file left by a write cut short is ignored: the journal
     * before it is whole (the next write replaces the temp file).
     *
     * @throws Unreadable naming the file and what is wrong: cut short, not two lines, not JSON, another format, a body
     *                    whose checksum differs from its header's, a field missing or wrong
     */
    public static Optional<Journaled> read(Path dir) throws Unreadable {
        Path temp = dir.resolve(TEMP);
        if (Files.exists(temp)) {
            // a write cut short, or one under way: the journal beside it is whole; the next write replaces it
            LOG.info("ignored {}: a journal write cut short or under way", temp);
        }
        Path file = dir.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new Unreadable(file, "cannot be read: " + e, e);
        }
        return Optional.of(parse(file, bytes));
    }

    static Journaled parse(Path file, byte[] bytes) throws Unreadable {
        int newline = indexOf(bytes, 0);
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n' || newline < 0) {
            throw new Unreadable(file, "is cut short: " + bytes.length + " bytes without the newline that ends it", null);
        }
        int end = indexOf(bytes, newline + 1);
        if (end != bytes.length - 1) {
            throw new Unreadable(file, "is not two lines (a header and a body)", null);
        }
        byte[] body = Arrays.copyOfRange(bytes, newline + 1, end);
        JsonNode head = json(file, "header", Arrays.copyOfRange(bytes, 0, newline));
        JournalHeader header = header(file, head);
        String actual = AuditRecord.sha256(body);
        if (!actual.equals(header.bodySha256())) {
            throw new Unreadable(file, "is damaged or altered: its body's SHA-256 is " + actual + ", its header says "
                    + header.bodySha256(), null);
        }
        RunCheckpoint checkpoint;
        try {
            checkpoint = CheckpointCodec.read(json(file, "body", body));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(file, "has a body that is no checkpoint: " + e.getMessage(), e);
        }
        if (!checkpoint.time().equals(header.furnaceTime())) {
            throw new Unreadable(file, "has a header for furnace time " + header.furnaceTime() + " and a body for "
                    + checkpoint.time(), null);
        }
        return new Journaled(file, header, checkpoint);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode json(Path file, String part, byte[] bytes) throws Unreadable {
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new Unreadable(file, "has a " + part + " that is no JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Unreadable(file, "has a " + part + " that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JournalHeader header(Path file, JsonNode h) throws Unreadable {
        try {
            int format = h.path("format").asInt(-1);
            if (format != FORMAT) {
                throw new Unreadable(file, "is in format " + h.path("format") + "; this controller reads format "
                        + FORMAT, null);
            }
            return new JournalHeader(format, text(h, "run_id"), text(h, "furnace"), text(h, "recipe"),
                    text(h, "recipe_file"), text(h, "recipe_sha256"), Instant.parse(text(h, "run_start")),
                    Instant.parse(text(h, "furnace_time")), Instant.parse(text(h, "written_at")),
                    h.path("speed").asDouble(Double.NaN), text(h, "body_sha256"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Unreadable(file, "has a header that does not check out: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode h, String key) {
        JsonNode value = h.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + key + " is missing or not text");
        }
        return value.asText();
    }

    /**
     * Moves the journal aside into {@code discarded/} on purpose (an operator's decision, audited by the caller),
     * so that the next run starts afresh; returns where it went.
     */
    public static Path discard(Path dir, Instant now) throws IOException {
        Path aside = dir.resolve(DISCARDED);
        SecretFiles.ownerOnlyDirectory(aside);
        Path target = aside.resolve("run-" + now.toString().replace(':', '-') + ".journal");
        Files.move(dir.resolve(FILE), target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        return target;
    }
}
