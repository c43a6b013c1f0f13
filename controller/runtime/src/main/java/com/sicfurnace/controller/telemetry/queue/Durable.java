package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File-system steps that make changes survive a crash or power loss. */
public final class Durable {
    private Durable() {
    }

    /** Makes created, renamed and deleted entries of {@code dir} durable (Linux: fsync on the directory). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
