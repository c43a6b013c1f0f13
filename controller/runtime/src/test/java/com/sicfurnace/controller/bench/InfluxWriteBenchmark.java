package com.sicfurnace.controller.bench;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApi;
import com.influxdb.client.WriteOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;
import com.influxdb.client.write.events.WriteRetriableErrorEvent;
import com.influxdb.client.write.events.WriteSuccessEvent;
import com.sicfurnace.controller.telemetry.Delivery;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.HdrHistogram.Histogram;

/**
 * Sustained telemetry write rate into a real database on loopback (QuestDB, embedded, a fresh instance per
 * phase): {@link InfluxSink} one batch after another, and influxdb-client-java's own asynchronous
 * {@code WriteApi} given the same lines and left to batch them itself; each with gzip on and off. Each phase
 * ends by counting the rows in the database, which proves nothing was lost. A line is one furnace scan: 2 tags,
 * 20 fields.
 *
 * <p>Not a test: figures vary with the machine. Usage (after {@code test-compile} and writing the test classpath,
 * as scripts/benchmark does): {@code java -cp ... com.sicfurnace.controller.bench.InfluxWriteBenchmark
 * [BATCHES] [LINES_PER_BATCH] [WARMUP_BATCHES]}, defaults 60, 5000, 10.
 */
public final class InfluxWriteBenchmark {
    private static final String TABLE = "furnace_scan";
    private static final long SCAN_PERIOD_NS = 100_000_000L;
    private static final long START_NS = 1_764_000_000_000_000_000L;
    private static final Duration COUNT_DEADLINE = Duration.ofSeconds(120);

    private InfluxWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int warmupBatches = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<List<String>> warmup = scans(warmupBatches, batchSize, START_NS - 86_400_000_000_000L);
        List<List<String>> measured = scans(batches, batchSize, START_NS);
        System.out.printf(Locale.ROOT, "%d batches of %d lines (%d points, %.0f bytes per line), %d warm-up batches; "
                        + "java %s, %d cores%n", batches, batchSize, (long) batches * batchSize,
                measured.get(0).stream().mapToInt(String::length).average().orElse(0), warmupBatches,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        byte[] body = String.join("\n", measured.get(0)).getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "one batch: %d bytes as sent plain, %d bytes gzipped%n", body.length,
                gzipped(body));
        sinkPhase("InfluxSink, gzip on", true, warmup, measured);
        sinkPhase("InfluxSink, gzip off", false, warmup, measured);
        asyncPhase("client WriteApi (async, its batching), gzip on", true, warmup, measured, batchSize);
        asyncPhase("client WriteApi (async, its batching), gzip off", false, warmup, measured, batchSize);
    }

    private static void sinkPhase(String name, boolean gzip, List<List<String>> warmup, List<List<String>> measured)
            throws Exception {
        try (ScratchQuestDb db = database()) {
            InfluxSettings settings = InfluxSettings.of(db.quest.url(), "", "bench", "telemetry").withGzip(gzip);
            try (InfluxSink sink = new InfluxSink(settings)) {
                warmup.forEach(batch -> requireAccepted(sink.write(batch)));
                Histogram latencyUs = new Histogram(3);
                long start = System.nanoTime();
                for (List<String> batch : measured) {
                    long t0 = System.nanoTime();
                    requireAccepted(sink.write(batch));
                    latencyUs.recordValue((System.nanoTime() - t0) / 1000);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long points = points(measured);
                System.out.printf(Locale.ROOT, "%-48s %9.0f points/s (%d points in %.2f s); per batch: median %.1f "
                                + "ms, p99 %.1f ms, max %.1f ms; rows in database: %d of %d%n", name,
                        points / seconds, points, seconds, latencyUs.getValueAtPercentile(50) / 1000.0,
                        latencyUs.getValueAtPercentile(99) / 1000.0, latencyUs.getMaxValue() / 1000.0,
                        rowsAfter(db, points + points(warmup)) - points(warmup), points);
            }
        }
    }

    private static void asyncPhase(String name, boolean gzip, List<List<String>> warmup, List<List<String>> measured,
                                   int batchSize) throws Exception {
        try (ScratchQuestDb db = database()) {
            InfluxDBClient client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                    .url(db.quest.url()).org("bench").bucket("telemetry").build());
            if (gzip) {
                client.enableGzip();
            }
            AsyncCounters counters = new AsyncCounters();
            WriteOptions options = WriteOptions.builder().batchSize(batchSize).flushInterval(1000)
                    .bufferLimit(10 * batchSize).build();
            long start;
            try (client; WriteApi writes = client.makeWriteApi(options)) {
                counters.listen(writes);
                warmup.forEach(batch -> writes.writeRecords(WritePrecision.NS, batch));
                writes.flush();
                rowsAfter(db, points(warmup)); // the warm-up is stored before the clock starts
                start = System.nanoTime();
                measured.forEach(batch -> writes.writeRecords(WritePrecision.NS, batch));
                writes.flush(); // returns once the buffered batches are handed to the HTTP layer
            } // close() waits for the writes in flight
            double seconds = (System.nanoTime() - start) / 1e9;
            long points = points(measured);
            long rows = rowsAfter(db, points + points(warmup)) - points(warmup);
            System.out.printf(Locale.ROOT, "%-48s %9.0f points/s (%d points in %.2f s, until close); rows in "
                            + "database: %d of %d; %s%n", name, points / seconds, points, seconds, rows, points,
                    counters);
        }
    }

    private static void requireAccepted(Delivery delivery) {
        if (!(delivery instanceof Delivery.Accepted)) {
            throw new IllegalStateException("benchmark write not accepted: " + delivery);
        }
    }

    private static int gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }

    private static long points(List<List<String>> batches) {
        return batches.stream().mapToLong(List::size).sum();
    }

    /** Line-protocol lines as the controller's scans would give them: 100 ms apart, 2 tags, 20 fields. */
    private static List<List<String>> scans(int batches, int batchSize, long startNs) {
        List<List<String>> all = new ArrayList<>(batches);
        long scan = 0;
        for (int b = 0; b < batches; b++) {
            List<String> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++, scan++) {
                batch.add(scanLine(scan, startNs + scan * SCAN_PERIOD_NS));
            }
            all.add(List.copyOf(batch));
        }
        return all;
    }

    private static String scanLine(long scan, long timestampNs) {
        double phase = scan * 1e-3;
        return String.format(Locale.ROOT, TABLE + ",furnace=f1,variant=6inch "
                        + "seed_temp_c=%.3f,source_temp_c=%.3f,top_temp_c=%.3f,bottom_temp_c=%.3f,"
                        + "seed_setpoint_c=2300.0,gradient_k_per_cm=%.4f,heater_power_w=%di,heater_current_a=%.2f,"
                        + "heater_voltage_v=%.2f,chamber_pressure_mbar=%.5f,pressure_setpoint_mbar=10.0,"
                        + "ar_flow_sccm=%.2f,n2_flow_sccm=%.3f,coolant_in_c=%.2f,coolant_out_c=%.2f,"
                        + "coolant_flow_lpm=%.2f,pump_running=true,interlock_ok=true,scan=%di,step=\"growth soak\" %d",
                2300 + Math.sin(phase), 2450 + Math.cos(phase), 2280 + Math.sin(phase * 2), 2470 + Math.cos(phase * 3),
                15.3 + Math.sin(phase) * 0.1, 41_000 + scan % 500, 812.5 + Math.sin(phase), 50.4 + Math.cos(phase),
                10 + Math.sin(phase) * 0.01, 100 + Math.cos(phase), 0.5 + Math.sin(phase) * 0.01,
                20 + Math.sin(phase), 27 + Math.cos(phase), 12 + Math.sin(phase) * 0.1, scan, timestampNs);
    }

    /** The async API's own reports: what it wrote, retried, failed or dropped for lack of buffer. */
    private static final class AsyncCounters {
        final AtomicLong successes = new AtomicLong();
        final AtomicLong retriable = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong backpressure = new AtomicLong();

        void listen(WriteApi writes) {
            writes.listenEvents(WriteSuccessEvent.class, e -> successes.incrementAndGet());
            writes.listenEvents(WriteRetriableErrorEvent.class, e -> retriable.incrementAndGet());
            writes.listenEvents(WriteErrorEvent.class, e -> errors.incrementAndGet());
            writes.listenEvents(BackpressureEvent.class, e -> backpressure.incrementAndGet());
        }

        @Override
        public String toString() {
            return "its events: " + successes + " batches written, " + retriable + " retriable errors, " + errors
                    + " errors, " + backpressure + " backpressure (buffer full, oldest dropped)";
        }
    }

    /** A fresh database with the benchmark's table, nanosecond timestamps. */
    private static ScratchQuestDb database() throws IOException, InterruptedException {
        ScratchQuestDb db = ScratchQuestDb.start("influx-bench-");
        db.quest.createNanosecondTable(TABLE);
        return db;
    }

    private static long rowsAfter(ScratchQuestDb db, long expected) throws IOException, InterruptedException {
        return db.quest.awaitRows(TABLE, expected, COUNT_DEADLINE);
    }
}
