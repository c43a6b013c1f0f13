package com.sicfurnace.simulator.opcua;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold secrets (the server's private key, its key store's password), readable by their owner only: 0600
 * for files, 0700 for a directory created for them. On a file system without POSIX permissions they are written
 * as usual and a warning says so.
 */
final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} (and missing parents) if it does not exist, the directory itself owner-only. */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return; // someone else's choice of permissions; the secrets inside are owner-only either way
        }
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, DIRECTORY); // createDirectories' attribute would pass the umask
        } else {
            LOG.warn("cannot make {} owner-only: the file system has no POSIX permissions", dir);
        }
    }

    /** Writes a new file, owner-only from its creation on; fails if it exists. */
    static void create(Path file, byte[] content) throws IOException {
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FILE);
            Files.createFile(file, ownerOnly);
            Files.setPosixFilePermissions(file, FILE); // the umask could only have taken bits away, but be plain
        } else {
            Files.createFile(file);
            LOG.warn("cannot make {} owner-only: the file system has no POSIX permissions", file);
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Takes group and other permissions off an existing file, saying so when there were any. */
    static void restrict(Path file) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        before.stream().filter(OWNER::contains).forEach(ownerOnly::add);
        if (!ownerOnly.equals(before)) {
            Files.setPosixFilePermissions(file, ownerOnly);
            LOG.warn("{} was readable beyond its owner ({}): permissions now {}", file,
                    PosixFilePermissions.toString(before), PosixFilePermissions.toString(ownerOnly));
        }
    }
}
