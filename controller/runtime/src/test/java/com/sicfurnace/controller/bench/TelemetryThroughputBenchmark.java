package com.sicfurnace.controller.bench;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApi;
import com.influxdb.client.WriteOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.ScanPoints;
import com.sicfurnace.controller.telemetry.TelemetryFields;
import com.sicfurnace.controller.telemetry.TelemetryHealth;
import com.sicfurnace.controller.telemetry.TelemetryPipeline;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSink;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Sustained telemetry rate from one JVM into a real database on loopback (embedded QuestDB, a fresh instance per
 * phase): the controller's own lines ({@link ScanPoints} over the 6-inch I/O list, every scan, N furnaces at 10 Hz,
 * values moving every scan) written as fast as they can go
 * <ol>
 *   <li>through the production path: {@link TelemetryPipeline#put} → disk queue (fsync per append) → {@link
 *       InfluxSink} → database, timed until the queue is empty, i.e. every line acknowledged by the database;</li>
 *   <li>with influxdb-client-java's own asynchronous {@code WriteApi} used directly (no disk queue), timed until
 *       its close returns.</li>
 * </ol>
 * Each phase ends by counting the rows of every measurement in the database, which proves nothing was lost. A
 * line is one measurement of one scan (InfluxDB's "point"); a field value is one signal's value in it. The issue's
 * goal of 200,000 points/s means 100 furnaces × 200 signals × 10 Hz, so it is met when field values/s ≥ 200,000.
 *
 * <p>Not a test: figures vary with the machine. Usage (after {@code test-compile} and writing the test classpath,
 * as scripts/benchmark-telemetry does): {@code java -cp ... com.sicfurnace.controller.bench
 * .TelemetryThroughputBenchmark [FURNACES] [FURNACE_SECONDS]}, defaults 100 and 60.
 */
public final class TelemetryThroughputBenchmark {
    private static final int SCANS_PER_SECOND = 10;
    private static final int ASYNC_BATCH = 5000;
    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(10);
    private static final Duration COUNT_DEADLINE = Duration.ofMinutes(2);

    private TelemetryThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int furnaces = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<List<String>> scans = scans(furnaces, seconds * SCANS_PER_SECOND);
        long lines = scans.stream().mapToLong(List::size).sum();
        long values = scans.stream().flatMap(List::stream).mapToLong(TelemetryThroughputBenchmark::fieldValues).sum();
        long bytes = scans.stream().flatMap(List::stream).mapToLong(l -> l.length() + 1L).sum();
        System.out.printf(Locale.ROOT, "%d furnaces x %d s at %d Hz: %d scans, %d lines, %d field values "
                        + "(%.1f per line), %.0f MB of line protocol; java %s, %d cores%n", furnaces, seconds,
                SCANS_PER_SECOND, scans.size(), lines, values, (double) values / lines, bytes / 1e6,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Set<String> measurements = scans.stream().flatMap(List::stream).map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.toCollection(TreeSet::new));
        throughQueue(scans, lines, values, measurements);
        clientWriteApi(scans, lines, values, measurements);
    }

    private static void throughQueue(List<List<String>> scans, long lines, long values, Set<String> measurements)
            throws Exception {
        try (ScratchQuestDb db = ScratchQuestDb.start("telemetry-bench-")) {
            DiskQueue queue = DiskQueue.open(db.dir.resolve("queue"),
                    new QueueSettings(16L << 20, 8L << 30, FullPolicy.REJECT_NEW), Clock.systemUTC());
            InfluxSink sink = new InfluxSink(InfluxSettings.of(db.quest.url(), "", "bench", "telemetry"));
            TelemetryPipeline pipeline = new TelemetryPipeline(queue, sink, db.dir.resolve("quarantine"));
            long start = System.nanoTime();
            for (List<String> scan : scans) {
                pipeline.put(scan);
            }
            double offeredS = (System.nanoTime() - start) / 1e9;
            boolean drained = pipeline.close(DRAIN_DEADLINE);
            double seconds = (System.nanoTime() - start) / 1e9;
            TelemetryHealth health = pipeline.health();
            long rows = db.quest.awaitRows(measurements, lines, COUNT_DEADLINE);
            report("through the disk queue (TelemetryPipeline, gzip)", lines, values, seconds, rows,
                    String.format(Locale.ROOT, "all handed over after %.2f s; drained: %s; lost %d, retries %d, "
                            + "quarantined %d", offeredS, drained, health.lostRecords(), health.retries(),
                            health.quarantinedBatches()));
        }
    }

    private static void clientWriteApi(List<List<String>> scans, long lines, long values, Set<String> measurements)
            throws Exception {
        try (ScratchQuestDb db = ScratchQuestDb.start("telemetry-bench-")) {
            InfluxDBClient client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                    .url(db.quest.url()).org("bench").bucket("telemetry").build());
            client.enableGzip();
            AtomicLong errors = new AtomicLong();
            AtomicLong dropped = new AtomicLong();
            WriteOptions options = WriteOptions.builder().batchSize(ASYNC_BATCH).flushInterval(1000)
                    .bufferLimit(20 * ASYNC_BATCH).build();
            long start = System.nanoTime();
            try (client; WriteApi writes = client.makeWriteApi(options)) {
                writes.listenEvents(WriteErrorEvent.class, e -> errors.incrementAndGet());
                writes.listenEvents(BackpressureEvent.class, e -> dropped.incrementAndGet());
                for (List<String> scan : scans) {
                    writes.writeRecords(WritePrecision.NS, scan);
                }
                writes.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = db.quest.awaitRows(measurements, lines, COUNT_DEADLINE);
            report("client WriteApi directly (async, gzip, no queue)", lines, values, seconds, rows,
                    "write errors " + errors + ", backpressure events (oldest dropped) " + dropped);
        }
    }

    private static void report(String name, long lines, long values, double seconds, long rows, String notes) {
        System.out.printf(Locale.ROOT, "%-50s %9.0f lines/s, %10.0f field values/s (%.2f s); rows in database %d "
                + "of %d; %s%n", name, lines / seconds, values / seconds, seconds, rows, lines, notes);
    }

    /** The lines of every furnace's scans, interleaved as 100 controllers in one process would give them. */
    private static List<List<String>> scans(int furnaces, int scansPerFurnace) throws Exception {
        IoList signals = IoList.fromClasspath().forFurnace("6inch");
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        CoreRig rig = new CoreRig("6inch",
                RecipeLoader.load(Path.of("..", "..", "docs", "recipes", "smoke.yaml"), profile.recipeLimits()));
        List<ScanPoints> points = new ArrayList<>(furnaces);
        for (int f = 0; f < furnaces; f++) {
            points.add(new ScanPoints(TelemetryFields.standard(Catalogue.of(signals)), Decimation.everyScan(),
                    new RunTags(String.format(Locale.ROOT, "f%03d", f + 1), "bench-run", "smoke")));
        }
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-11-24T00:00:00Z");
        List<List<String>> scans = new ArrayList<>(furnaces * scansPerFurnace);
        for (int s = 0; s < scansPerFurnace; s++) {
            Instant time = t0.plusMillis(s * (1000L / SCANS_PER_SECOND));
            for (int f = 0; f < furnaces; f++) {
                moveInputs(signals, rig.in, random);
                scans.add(points.get(f).lines(rig.scanAt(time.plusNanos(f))));
            }
        }
        return scans;
    }

    private static void moveInputs(IoList signals, ProcessImage in, Random random) {
        for (SignalSpec spec : signals.signals()) {
            Signal signal = Signal.byIoName(spec.name());
            if (signal.isInput()) {
                double span = spec.maximum() - spec.minimum();
                in.update(signal, spec.isBoolean() ? 1 : spec.minimum() + span * random.nextDouble(), Quality.GOOD);
            }
        }
    }

    /** Field values of one line: the '=' signs between the tag set and the timestamp. */
    private static long fieldValues(String line) {
        int fieldsStart = firstUnescapedSpace(line) + 1;
        String fields = line.substring(fieldsStart, line.lastIndexOf(' '));
        return fields.chars().filter(c -> c == '=').count();
    }

    private static int firstUnescapedSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == ' ') {
                return i;
            }
        }
        throw new IllegalArgumentException("not a line-protocol line: " + line);
    }
}
