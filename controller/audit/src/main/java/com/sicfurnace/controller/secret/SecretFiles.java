package com.sicfurnace.controller.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets kept in files that only their owner may read: passwords given as files, passwords generated at first
 * start, private keys and key stores. A secret file that others may read is refused (as ssh refuses such a key),
 * naming the file and the command that mends it.
 */
public final class SecretFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /**
     * The secret in the file (its first line, trimmed).
     *
     * @throws IllegalArgumentException naming the file if it is missing, empty, or readable by others
     */
    public static String read(Path file) {
        try {
            requireOwnerOnly(file);
            String secret = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("secret file " + file + " is empty");
            }
            return secret;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("secret file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + file, e);
        }
    }

    /**
     * The secret in the file; on first start, when there is none, a random one written there first, readable by its
     * owner only.
     */
    public static String readOrGenerate(Path file) {
        if (!Files.exists(file)) {
            try {
                ownerOnlyDirectory(file.toAbsolutePath().getParent());
                byte[] random = new byte[GENERATED_BYTES];
                RANDOM.nextBytes(random);
                String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Files.writeString(createOwnerOnly(file), secret + "\n", StandardCharsets.UTF_8);
                LOG.info("generated a secret into {} (readable by its owner only)", file);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("{} appeared meanwhile; reading it", file, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write secret file " + file, e);
            }
        }
        return read(file);
    }

    /** Creates a directory for secrets (if missing) readable by its owner only; tightens an existing one. */
    public static void ownerOnlyDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            if (posix(dir.toAbsolutePath().getRoot())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        tighten(dir, OWNER_DIR);
    }

    /**
     * Replaces (or creates) {@code file} with {@code bytes}, owner-only from its first byte, durably and atomically:
     * written to a temporary file beside it, fsynced, renamed over the old one, and the directory fsynced, so that a
     * crash leaves either the old file or the new one, never a torn one. Its directory is made owner-only.
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ownerOnlyDirectory(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp); // left by a crash mid-write: it never became the file
        try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnlyOnCreation(dir))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes created, renamed and deleted entries of {@code dir} durable (Linux: fsync on the directory). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Makes an existing secret file (a key store, a private key) readable by its owner only. */
    public static void ownerOnly(Path file) throws IOException {
        tighten(file, OWNER_FILE);
    }

    private static Path createOwnerOnly(Path file) throws IOException {
        return Files.createFile(file, ownerOnlyOnCreation(file.toAbsolutePath().getParent()));
    }

    /**
     * The attributes that create a file in {@code dir} readable by its owner only from its first byte (none where the
     * file system knows no POSIX permissions): a file tightened after its creation was readable by others meanwhile.
     */
    public static FileAttribute<?>[] ownerOnlyOnCreation(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            if (now.stream().anyMatch(OTHERS::contains)) {
                LOG.warn("{} was {}; made it {} (owner only)", path, PosixFilePermissions.toString(now),
                        PosixFilePermissions.toString(wanted));
            }
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        if (now.stream().anyMatch(OTHERS::contains)) {
            throw new IllegalArgumentException("secret file " + file + " may be read by others ("
                    + PosixFilePermissions.toString(now) + "); make it owner-only: chmod 600 " + file);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
