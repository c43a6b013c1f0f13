package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader's index of a trail directory that another process (or thread) may be appending to: it keeps, per record,
 * its seq, time, user, action and where its line is (not the record itself: 100,000 records take a few MB), and
 * verifies the chain as {@link AuditVerifier} does, but only once per record. Each query first looks at the files:
 * what was appended since is read, verified and indexed; any other change (a file altered, cut, replaced, removed or
 * put in between, or a file before the last that changed at all) makes it read and verify the whole trail again. The
 * last file, which the writer appends to, is checked for a changed prefix by its CRC-32, so an edit of its verified
 * records is found at the next query after it; an edit of an earlier file that keeps its size and modification time
 * is not (the verifier, {@code controller audit verify}, reads everything). Safe for concurrent queries.
 */
public final class AuditIndex {
    private static final Logger LOG = LoggerFactory.getLogger(AuditIndex.class);
    private final Path dir;
    private final List<IndexedFile> files = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<String, String> users = new TreeMap<>();
    private final Map<String, String> actions = new TreeMap<>();
    private ChainCheck chain;
    private AuditVerifier.Problem problem;
    private long verified;

    private AuditIndex(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
        reset();
    }

    /** An index of the trail in {@code dir}, read at the first query. */
    public static AuditIndex of(Path dir) {
        return new AuditIndex(dir);
    }

    /**
     * Reads and verifies the trail now, on a daemon thread of low priority, so that the first query after a start
     * does not wait for a long trail (100,000 records take seconds); a query meanwhile waits for it.
     */
    public AuditIndex warmingUp() {
        Thread reader = new Thread(() -> {
            try {
                AuditPage.Chain chain = chain();
                LOG.info("audit trail {}: {} records indexed, {}", dir, chain.records(), chain.problem()
                        .map(p -> "NOT INTACT: " + p).orElse("verified"));
            } catch (IOException | RuntimeException e) {
                LOG.warn("audit trail {} could not be indexed ahead of the first query: {}", dir, e.toString(), e);
            }
        }, "audit-index");
        reader.setDaemon(true);
        reader.setPriority(Thread.MIN_PRIORITY);
        reader.start();
        return this;
    }

    /** Where a record's line is, and what a query filters on. */
    private record Slot(long seq, Instant time, String user, String action, int file, long offset, int length) {
    }

    /** A file as far as it is indexed: its identity, size and time when read, the bytes taken and their CRC. */
    private static final class IndexedFile {
        final Path path;
        final Object key;
        long size;
        FileTime modified;
        long consumed;
        long lines;
        final CRC32 crc = new CRC32();

        IndexedFile(Path path, Object key) {
            this.path = path;
            this.key = key;
        }
    }

    /** The page of records {@code query} asks for, from the trail as it is now. */
    public synchronized AuditPage query(AuditQuery query) throws IOException {
        refresh();
        List<Integer> page = new ArrayList<>();
        long matched = 0;
        long further = 0;
        boolean oldestFirst = query.after().isPresent();
        for (int n = 0; n < slots.size(); n++) {
            int i = oldestFirst ? n : slots.size() - 1 - n;
            Slot slot = slots.get(i);
            if (!query.matches(slot.user, slot.action, slot.time)) {
                continue;
            }
            matched++;
            if (oldestFirst ? slot.seq > query.after().getAsLong()
                    : query.before().isEmpty() || slot.seq < query.before().getAsLong()) {
                if (page.size() < query.limit()) {
                    page.add(i);
                } else {
                    further++;
                }
            }
        }
        OptionalLong next = further > 0 ? OptionalLong.of(slots.get(page.get(page.size() - 1)).seq)
                : OptionalLong.empty();
        return new AuditPage(rows(page), matched, next, chainNow(), List.copyOf(users.keySet()),
                List.copyOf(actions.keySet()));
    }

    /** The chain as it verifies now. */
    public synchronized AuditPage.Chain chain() throws IOException {
        refresh();
        return chainNow();
    }

    private AuditPage.Chain chainNow() {
        return new AuditPage.Chain(slots.size(), problem == null ? slots.size() : verified, chain.head(),
                Optional.ofNullable(problem));
    }

    private List<AuditPage.Row> rows(List<Integer> page) throws IOException {
        List<AuditPage.Row> rows = new ArrayList<>(page.size());
        Map<Integer, FileChannel> open = new HashMap<>();
        try {
            for (int i : page) {
                Slot slot = slots.get(i);
                FileChannel channel = open.get(slot.file);
                if (channel == null) {
                    channel = FileChannel.open(files.get(slot.file).path, StandardOpenOption.READ);
                    open.put(slot.file, channel);
                }
                ByteBuffer bytes = ByteBuffer.allocate(slot.length);
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, slot.offset + bytes.position()) < 0) {
                        throw new IOException(files.get(slot.file).path + " ends before the record of seq "
                                + slot.seq + " it held");
                    }
                }
                rows.add(new AuditPage.Row(slot.seq, new String(bytes.array(), StandardCharsets.UTF_8),
                        problem == null || i < verified));
            }
        } finally {
            for (FileChannel channel : open.values()) {
                channel.close();
            }
        }
        return rows;
    }

    private void reset() {
        files.clear();
        slots.clear();
        users.clear();
        actions.clear();
        chain = new ChainCheck(AuditHead.EMPTY);
        problem = null;
        verified = 0;
    }

    /** Takes in what was appended since the last look, or reads the whole trail again if anything else changed. */
    private void refresh() throws IOException {
        List<Path> now = list();
        if (!sameFiles(now) || !appendedOnly(now)) {
            reset();
        }
        for (int i = 0; i < now.size(); i++) {
            Path path = now.get(i);
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (i == files.size()) {
                files.add(new IndexedFile(path, attributes.fileKey()));
            }
            IndexedFile file = files.get(i);
            if (file.size != attributes.size() || !attributes.lastModifiedTime().equals(file.modified)) {
                readOn(i, file, attributes);
            }
            if (i < now.size() - 1 && file.consumed < file.size) {
                fail(new AuditVerifier.Problem(path, file.lines + 1, null, "torn record: "
                        + (file.size - file.consumed) + " bytes without a newline at the end of the file, a write "
                        + "cut short (by a crash, or the file was cut)"));
            }
        }
    }

    private List<Path> list() throws IOException {
        try {
            return AuditFiles.list(dir);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The files indexed are still the first ones of the trail, each the same file (not replaced). */
    private boolean sameFiles(List<Path> now) throws IOException {
        if (files.size() > now.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            IndexedFile file = files.get(i);
            if (!file.path.equals(now.get(i)) || !Objects.equals(file.key,
                    Files.readAttributes(now.get(i), BasicFileAttributes.class).fileKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Nothing changed but records appended to the last file indexed: every file before it is as it was read, and
     * its own bytes read so far are still there, the same by their CRC.
     */
    private boolean appendedOnly(List<Path> now) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            IndexedFile file = files.get(i);
            BasicFileAttributes attributes = Files.readAttributes(now.get(i), BasicFileAttributes.class);
            boolean unchanged = attributes.size() == file.size
                    && attributes.lastModifiedTime().equals(file.modified);
            if (unchanged) {
                continue;
            }
            if (i < files.size() - 1 || attributes.size() < file.consumed || !samePrefix(file)) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePrefix(IndexedFile file) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long left = file.consumed;
            long position = 0;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    return false;
                }
                crc.update(buffer.flip());
                position += read;
                left -= read;
            }
        }
        return crc.getValue() == file.crc.getValue();
    }

    /** Reads the file's whole lines past what was taken, verifying and indexing each record. */
    private void readOn(int index, IndexedFile file, BasicFileAttributes attributes) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
            long length = attributes.size() - file.consumed;
            if (length > Integer.MAX_VALUE - 8) {
                throw new IOException(file.path + ": " + length + " bytes more than an audit file holds");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer, file.consumed + buffer.position());
            }
            bytes = Arrays.copyOf(buffer.array(), buffer.position());
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                take(index, file, bytes, start, i);
                start = i + 1;
            }
        }
        file.crc.update(bytes, 0, start);
        file.consumed += start;
        file.size = file.consumed + (bytes.length - start);
        file.modified = attributes.lastModifiedTime();
    }

    private void take(int index, IndexedFile file, byte[] bytes, int from, int to) {
        long number = ++file.lines;
        AuditRecord record;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            record = AuditRecord.parse(text);
        } catch (CharacterCodingException e) {
            fail(new AuditVerifier.Problem(file.path, number, null, "malformed record: not UTF-8: " + e.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            fail(new AuditVerifier.Problem(file.path, number, null, "malformed record: " + e.getMessage()));
            return;
        }
        if (problem == null) {
            chain.next(record).ifPresent(what -> fail(new AuditVerifier.Problem(file.path, number, record.seq(),
                    what)));
        }
        AuditEntry entry = record.entry();
        slots.add(new Slot(record.seq(), entry.time(), intern(users, entry.user()), intern(actions, entry.action()),
                index, file.consumed + from, to - from));
    }

    /** The first problem breaks the chain: records after it are still indexed, but not verified. */
    private void fail(AuditVerifier.Problem found) {
        if (problem == null) {
            problem = found;
            verified = slots.size();
        }
    }

    private static String intern(Map<String, String> names, String name) {
        return names.computeIfAbsent(name, n -> n);
    }
}
