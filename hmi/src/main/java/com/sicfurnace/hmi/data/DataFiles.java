package com.sicfurnace.hmi.data;

import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * Files of the HMI's data directory that hold secrets or must never be half-written: the users file, the first
 * administrator's password, the TLS key store. Each is owner-only (rw-------) from its first byte, and replaced
 * atomically: written to a temporary file beside it, fsynced, renamed over the old one, and the directory fsynced, so
 * that a crash leaves either the old file or the new one, never a torn one.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** Replaces (or creates) {@code file} with {@code bytes}, durably and atomically; its directory is owner-only. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        SecretFiles.ownerOnlyDirectory(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp); // left by a crash mid-write: it never became the file
        try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), SecretFiles.ownerOnlyOnCreation(dir))) {
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

    /** Deletes {@code file} if it exists and makes the deletion durable; whether it existed. */
    public static boolean deleteDurably(Path file) throws IOException {
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            syncDirectory(file.toAbsolutePath().getParent());
        }
        return deleted;
    }

    /** Makes created, renamed and deleted entries of {@code dir} durable (Linux: fsync on the directory). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
