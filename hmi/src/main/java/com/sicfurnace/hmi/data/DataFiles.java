package com.sicfurnace.hmi.data;

import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the HMI's data directory that hold secrets or must never be half-written: the users file, the first
 * administrator's password, the TLS key store, the recipe store. Each is owner-only (rw-------) from its first byte,
 * and replaced atomically ({@link SecretFiles#writeAtomically}): a crash leaves either the old file or the new one,
 * never a torn one.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** Replaces (or creates) {@code file} with {@code bytes}, durably and atomically; its directory is owner-only. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        SecretFiles.writeAtomically(file, bytes);
    }

    /** Deletes {@code file} if it exists and makes the deletion durable; whether it existed. */
    public static boolean deleteDurably(Path file) throws IOException {
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            SecretFiles.syncDirectory(file.toAbsolutePath().getParent());
        }
        return deleted;
    }
}
