package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.telemetry.queue.Durable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink when no database is configured: line-protocol files on local disk, one per UTC day
 * ({@code telemetry-2026-11-24.lp}), that {@code influx write --file} imports later. Each batch is fsynced before
 * it counts as delivered, so the queue deletes nothing that is not safe in a file.
 */
public final class LineProtocolFiles implements TelemetrySink {
    private static final Logger LOG = LoggerFactory.getLogger(LineProtocolFiles.class);
    private static final Duration RETRY_AFTER_DISK_ERROR = Duration.ofSeconds(5);

    private final Path dir;
    private final Clock clock;

    public LineProtocolFiles(Path dir, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.clock = clock;
    }

    /** The file the lines of today go to. */
    public Path currentFile() {
        return dir.resolve("telemetry-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".lp");
    }

    @Override
    public Delivery write(List<String> lines) {
        if (lines.isEmpty()) {
            return new Delivery.Accepted();
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        Path file = currentFile();
        boolean newFile = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            if (newFile) {
                Durable.syncDirectory(dir); // the queue deletes these lines next: the day's new file must survive
            }
            return new Delivery.Accepted();
        } catch (IOException e) {
            LOG.error("telemetry file={} write of {} lines failed: {}", file, lines.size(), e.toString());
            return new Delivery.RetryLater(RETRY_AFTER_DISK_ERROR, "cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        // every write opens and closes its file
    }
}
