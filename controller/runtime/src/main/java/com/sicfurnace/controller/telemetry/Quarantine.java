package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.telemetry.queue.Durable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches the database refused as bad data, kept as line-protocol files with the server's answer in comment lines
 * at the top ({@code influx write} skips lines starting with #), so that nothing is lost and an engineer can fix
 * and import them.
 */
public final class Quarantine {
    private final Path dir;

    public Quarantine(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Keeps the batch durably; returns the file it went to. */
    public Path keep(long firstSequence, int status, String serverMessage, List<String> lines) throws IOException {
        Path file = dir.resolve(String.format("batch-%020d-status-%d.lp", firstSequence, status));
        List<String> content = new ArrayList<>();
        content.add("# refused by the database with status " + status);
        serverMessage.lines().forEach(line -> content.add("# " + line));
        content.addAll(lines);
        Files.write(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
        Durable.syncDirectory(dir); // the queue deletes the batch next: the new file's entry must survive a crash
        return file;
    }
}
