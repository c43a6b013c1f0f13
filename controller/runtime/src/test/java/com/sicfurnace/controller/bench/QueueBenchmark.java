package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.telemetry.queue.AppendResult;
import com.sicfurnace.controller.telemetry.queue.Batch;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Speed of the telemetry disk queue on this machine's disk: append throughput with ~200-byte line-protocol records
 * at 100, 1000 and 10000 records per append (one fsync each), the cost of one append and of the bare fsync of a batch
 * of that size, and the drain rate (peek + acknowledge, one durable checkpoint per acknowledgement).
 * Argument: a directory on the disk to measure (default: the temp directory). Run, from the project root:
 * <pre>
 * ./mvnw -q -B -ntp -pl controller -am -DskipTests test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * cd controller &amp;&amp; java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     com.sicfurnace.controller.bench.QueueBenchmark
 * </pre>
 */
public final class QueueBenchmark {
    private static final int[] BATCH_RECORDS = {100, 1000, 10000};
    private static final int RECORDS_PER_RUN = 300_000;
    /** Enough appends per batch size for a p99 that is not just the maximum. */
    private static final int MIN_APPENDS = 200;
    private static final int WARM_UP_RECORDS = 50_000;
    private static final int DRAIN_BATCH_RECORDS = 5000;
    private static final QueueSettings SETTINGS = new QueueSettings(16L << 20, 4L << 30, FullPolicy.REJECT_NEW);
    private static final long HIGHEST_NS = TimeUnit.SECONDS.toNanos(30);

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path base = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path root = Files.createTempDirectory(base, "queue-bench");
        try {
            System.out.printf(Locale.ROOT, "== telemetry disk queue on %s (%s), record %d bytes of payload, "
                            + "segments %d MiB, %d records or more per batch size%n", root,
                    Files.getFileStore(root).type(), record(0).getBytes(StandardCharsets.UTF_8).length,
                    SETTINGS.segmentBytes() >> 20, RECORDS_PER_RUN);
            System.out.printf(Locale.ROOT, "   (at least %d appends per batch size; java %s, %d cores)%n", MIN_APPENDS,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            for (int batchRecords : BATCH_RECORDS) {
                Path dir = root.resolve("batch-" + batchRecords);
                appendRun(dir, batchRecords, WARM_UP_RECORDS, false);
                ScratchDirectories.delete(dir);
                appendRun(dir, batchRecords, Math.max(RECORDS_PER_RUN, MIN_APPENDS * batchRecords), true);
                if (batchRecords == 1000) {
                    drainRun(dir);
                }
                ScratchDirectories.delete(dir);
                fsyncRun(root.resolve("fsync-" + batchRecords), batchRecords);
            }
        } finally {
            ScratchDirectories.delete(root);
        }
    }

    /** A line-protocol line of about 200 bytes, as the controller writes them. */
    private static String record(long n) {
        return String.format(Locale.ROOT, "furnace,site=hall-2,furnace=pvt-6in-01,zone=seed,loop=temperature "
                        + "pv_c=%.3f,sp_c=2310.000,out_pct=%.2f,err_c=%.4f,mode=\"auto\",quality=\"good\","
                        + "recipe=\"pvt-6inch\",seq=%di %d", 2300 + (n % 1000) / 100.0, 40 + (n % 500) / 100.0,
                (n % 77) / 1000.0, n, 1_767_225_600_000_000_000L + n * 100_000_000L);
    }

    private static List<String> batch(long first, int records) {
        List<String> batch = new ArrayList<>(records);
        for (long n = first; n < first + records; n++) {
            batch.add(record(n));
        }
        return batch;
    }

    private static void appendRun(Path dir, int batchRecords, int totalRecords, boolean report) throws IOException {
        Histogram appendNs = new Histogram(HIGHEST_NS, 3);
        List<List<String>> batches = new ArrayList<>();
        for (long n = 0; n < totalRecords; n += batchRecords) {
            batches.add(batch(n, batchRecords));
        }
        long bytes;
        long start = System.nanoTime();
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, Clock.systemUTC())) {
            for (List<String> batch : batches) {
                long t0 = System.nanoTime();
                AppendResult result = queue.append(batch);
                appendNs.recordValue(Math.min(HIGHEST_NS, System.nanoTime() - t0));
                if (result.appendedRecords() != batch.size()) {
                    throw new IllegalStateException("benchmark batch not appended: " + result);
                }
            }
            bytes = queue.stats().bytesOnDisk();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf(Locale.ROOT, "append, %5d records per append: %,.0f records/s, %.1f MB/s on disk; "
                            + "one append (encode + write + fsync) median %.2f ms, p99 %.2f ms, max %.2f ms "
                            + "over %d appends%n", batchRecords, totalRecords / seconds, bytes / seconds / 1e6,
                    appendNs.getValueAtPercentile(50) / 1e6, appendNs.getValueAtPercentile(99) / 1e6,
                    appendNs.getMaxValue() / 1e6, appendNs.getTotalCount());
        }
    }

    /** Drains what {@link #appendRun} left, as the forwarder would, without a database. */
    private static void drainRun(Path dir) throws IOException {
        Histogram peekNs = new Histogram(HIGHEST_NS, 3);
        Histogram acknowledgeNs = new Histogram(HIGHEST_NS, 3);
        long records = 0;
        long start = System.nanoTime();
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, Clock.systemUTC())) {
            while (true) {
                long t0 = System.nanoTime();
                Optional<Batch> batch = queue.peek(DRAIN_BATCH_RECORDS, 4L << 20);
                long t1 = System.nanoTime();
                if (batch.isEmpty()) {
                    break;
                }
                queue.acknowledge(batch.get());
                acknowledgeNs.recordValue(Math.min(HIGHEST_NS, System.nanoTime() - t1));
                peekNs.recordValue(Math.min(HIGHEST_NS, t1 - t0));
                records += batch.get().size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "drain, peek up to %d records + acknowledge: %,.0f records/s; peek median "
                        + "%.2f ms, p99 %.2f ms; acknowledge (checkpoint + deletes) median %.2f ms, p99 %.2f ms%n",
                DRAIN_BATCH_RECORDS, records / seconds, peekNs.getValueAtPercentile(50) / 1e6,
                peekNs.getValueAtPercentile(99) / 1e6, acknowledgeNs.getValueAtPercentile(50) / 1e6,
                acknowledgeNs.getValueAtPercentile(99) / 1e6);
    }

    /** The bare cost of fsyncing a batch of this size appended to a file: the floor under one append. */
    private static void fsyncRun(Path file, int batchRecords) throws IOException {
        Histogram forceNs = new Histogram(HIGHEST_NS, 3);
        StringBuilder text = new StringBuilder();
        // The same bytes per record as the queue writes: the line and a 28-byte record header.
        batch(0, batchRecords).forEach(r -> text.append(r).append(" ".repeat(28)));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int appends = Math.max(MIN_APPENDS, RECORDS_PER_RUN / batchRecords / 4);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < appends; i++) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                long t0 = System.nanoTime();
                channel.force(false);
                forceNs.recordValue(Math.min(HIGHEST_NS, System.nanoTime() - t0));
            }
        }
        Files.delete(file);
        System.out.printf(Locale.ROOT, "fsync alone after writing %d records (%d bytes): median %.2f ms, p99 %.2f ms "
                        + "over %d%n", batchRecords, bytes.length, forceNs.getValueAtPercentile(50) / 1e6,
                forceNs.getValueAtPercentile(99) / 1e6, forceNs.getTotalCount());
    }
}
