package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.telemetry.queue.Batch;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.QueueStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry from the scan to the database without losing a point and without making the scan wait. The scan hands
 * each scan's lines over in memory ({@link #offer}); a writer thread appends them to the disk queue in batches
 * (durable on return); a forwarder thread delivers the oldest queued points to the sink and deletes them from the
 * queue only when the sink accepted them. A database that is down or slow only makes the queue grow; a batch it
 * refuses as bad data goes to the quarantine folder; refused credentials raise {@link TelemetryHealth#refused()}
 * and the points stay queued.
 */
public final class TelemetryPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryPipeline.class);
    private static final int HANDOFF_SCANS = 50_000;
    private static final int MAX_SCANS_PER_APPEND = 5_000;
    private static final int MAX_RECORDS_PER_DELIVERY = 5_000;
    private static final long MAX_BYTES_PER_DELIVERY = 8L << 20;
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Credentials are fixed by a person, not by waiting: try again rarely, but do try. */
    private static final Duration REFUSED_WAIT = Duration.ofSeconds(30);
    private static final long HEALTH_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final DiskQueue queue;
    private final TelemetrySink sink;
    private final Quarantine quarantine;
    private final BlockingQueue<ScanLines> handoff = new ArrayBlockingQueue<>(HANDOFF_SCANS);
    private final Thread writer;
    private final Thread forwarder;
    private final Object wake = new Object();
    private final AtomicLong lostInMemory = new AtomicLong();
    /** Lines in the hand-off: counted rather than summed over the queue, which would contend with the scan. */
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private volatile DeliveryListener listener = (nanos, delivery) -> { };
    private volatile boolean accepting = true;
    private volatile boolean forwarding = true;
    private volatile boolean refused;
    private volatile String lastProblem = "";
    private volatile TelemetryHealth latest;
    private long healthTakenNanos;
    private boolean closed;

    public TelemetryPipeline(DiskQueue queue, TelemetrySink sink, Path quarantineDir) throws IOException {
        this.queue = queue;
        this.sink = sink;
        this.quarantine = new Quarantine(quarantineDir);
        this.latest = measureHealth();
        this.writer = new Thread(this::writeLoop, "telemetry-writer");
        this.forwarder = new Thread(this::forwardLoop, "telemetry-forwarder");
        writer.setDaemon(true);
        forwarder.setDaemon(true);
        writer.start();
        forwarder.start();
    }

    /**
     * Hands one scan's lines over without waiting: for the real-time scan. If the hand-off is full (the disk has
     * stalled for minutes) the lines are counted as lost and {@link TelemetryHealth#lostRecords()} says so.
     */
    public void offer(List<String> lines) {
        offer(ScanLines.of(lines));
    }

    /** As {@link #offer(List)}, the lines formatted later on the writer thread. */
    public void offer(ScanLines scan) {
        if (scan.count() == 0) {
            return;
        }
        // counted before the hand-off so that the writer, which subtracts after draining, never sees it negative
        handedOver.addAndGet(scan.count());
        if (!accepting || !handoff.offer(scan)) {
            handedOver.addAndGet(-scan.count());
            lostInMemory.addAndGet(scan.count());
        }
    }

    /** Hands one scan's lines over, waiting for room: for virtual-time runs, which may wait for the disk. */
    public void put(List<String> lines) throws InterruptedException {
        put(ScanLines.of(lines));
    }

    /** As {@link #put(List)}, the lines formatted later on the writer thread. */
    public void put(ScanLines scan) throws InterruptedException {
        if (scan.count() == 0) {
            return;
        }
        if (accepting) {
            handedOver.addAndGet(scan.count());
            try {
                handoff.put(scan);
            } catch (InterruptedException e) {
                handedOver.addAndGet(-scan.count());
                throw e;
            }
        } else {
            lostInMemory.addAndGet(scan.count());
        }
    }

    private void writeLoop() {
        List<ScanLines> scans = new ArrayList<>();
        try {
            while (accepting || !handoff.isEmpty()) {
                ScanLines first = handoff.poll(IDLE_WAIT_NANOS, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                scans.clear();
                scans.add(first);
                handoff.drainTo(scans, MAX_SCANS_PER_APPEND);
                List<String> records = format(scans);
                append(records);
                handedOver.addAndGet(-scans.stream().mapToLong(ScanLines::count).sum());
                synchronized (wake) {
                    wake.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("telemetry writer interrupted with {} scans not yet on disk", handoff.size());
            Thread.currentThread().interrupt();
        }
    }

    /** The scans' lines; a scan that cannot be formatted is logged and counted lost, not the writer's end. */
    private List<String> format(List<ScanLines> scans) {
        List<String> records = new ArrayList<>();
        for (ScanLines scan : scans) {
            try {
                records.addAll(scan.lines());
            } catch (RuntimeException e) {
                lostInMemory.addAndGet(scan.count());
                lastProblem = "telemetry of a scan could not be formatted: " + e;
                LOG.error("telemetry: {} lines of a scan lost, they could not be formatted", scan.count(), e);
            }
        }
        return records;
    }

    /**
     * Appends until the disk takes the records: a disk error must not lose them while the pipeline runs. A full
     * queue's losses are counted and logged by the queue itself. Once closing, a failed append is counted lost.
     */
    private void append(List<String> records) throws InterruptedException {
        while (true) {
            try {
                queue.append(records);
                return;
            } catch (IOException e) {
                lastProblem = "cannot append to the telemetry queue: " + e.getMessage();
                if (!accepting) {
                    lostInMemory.addAndGet(records.size());
                    LOG.error("telemetry: {} points lost, the queue cannot take them while closing: {}",
                            records.size(), e.toString());
                    return;
                }
                LOG.error("telemetry queue append of {} points failed, retrying in 1 s: {}", records.size(),
                        e.toString());
                Thread.sleep(1000);
            } catch (RuntimeException e) {
                // a batch the queue can never take (e.g. larger than the whole budget): count it, keep writing
                lostInMemory.addAndGet(records.size());
                lastProblem = "telemetry queue refused " + records.size() + " points: " + e.getMessage();
                LOG.error("telemetry: {} points lost, the queue cannot take them", records.size(), e);
                return;
            }
        }
    }

    private void forwardLoop() {
        Duration backoff = FIRST_BACKOFF;
        try {
            while (forwarding) {
                refreshHealth();
                Optional<Batch> next = queue.peek(MAX_RECORDS_PER_DELIVERY, MAX_BYTES_PER_DELIVERY);
                if (next.isEmpty()) {
                    idle(IDLE_WAIT_NANOS);
                    continue;
                }
                Duration wait = deliverOrBackOff(next.get());
                if (wait.isZero()) {
                    backoff = FIRST_BACKOFF;
                } else {
                    Duration pause = wait.compareTo(backoff) > 0 ? wait : backoff;
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                    pause(pause.toNanos());
                }
            }
        } catch (IOException e) {
            lastProblem = "telemetry queue unreadable: " + e.getMessage();
            LOG.error("telemetry forwarder stopped: the queue cannot be read: {}", e.toString(), e);
        }
    }

    /** As {@link #deliver}, an unexpected failure of the sink or the queue becomes a retry, not the thread's end. */
    private Duration deliverOrBackOff(Batch batch) throws IOException {
        try {
            return deliver(batch);
        } catch (RuntimeException e) {
            retries.incrementAndGet();
            lastProblem = "telemetry delivery failed unexpectedly: " + e;
            LOG.error("telemetry delivery of {} points failed unexpectedly; trying again", batch.size(), e);
            return FIRST_BACKOFF;
        }
    }

    /** Delivers one batch; returns how long to wait before the next attempt (zero after success). */
    private Duration deliver(Batch batch) throws IOException {
        long start = System.nanoTime();
        Delivery delivery = sink.write(batch.payloads());
        listener.delivered(System.nanoTime() - start, delivery);
        if (delivery instanceof Delivery.Accepted) {
            queue.acknowledge(batch);
            delivered.addAndGet(batch.size());
            refused = false;
            lastProblem = "";
            return Duration.ZERO;
        } else if (delivery instanceof Delivery.RetryLater retry) {
            retries.incrementAndGet();
            lastProblem = retry.reason();
            return retry.after().isZero() ? FIRST_BACKOFF : retry.after();
        } else if (delivery instanceof Delivery.Rejected rejected) {
            Path file = quarantine.keep(batch.firstSequence(), rejected.status(), rejected.serverMessage(),
                    batch.payloads());
            queue.acknowledge(batch);
            quarantined.incrementAndGet();
            lastProblem = "database refused " + batch.size() + " points as bad data (" + rejected.status()
                    + "), kept in " + file;
            LOG.error("telemetry {}: {}", lastProblem, rejected.serverMessage());
            return Duration.ZERO;
        }
        Delivery.Unauthorized unauthorized = (Delivery.Unauthorized) delivery;
        refused = true;
        retries.incrementAndGet();
        lastProblem = "database refuses this client (" + unauthorized.status() + "): " + unauthorized.serverMessage();
        return REFUSED_WAIT;
    }

    /** Waits out a back-off, keeping the health current meanwhile; ends early when the pipeline closes. */
    private void pause(long nanos) throws IOException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && forwarding; left = deadline - System.nanoTime()) {
            idle(Math.min(left, HEALTH_PERIOD_NANOS));
            refreshHealth();
        }
    }

    private void idle(long nanos) {
        synchronized (wake) {
            try {
                TimeUnit.NANOSECONDS.timedWait(wake, nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                forwarding = false;
            }
        }
    }

    /**
     * The latest health, refreshed by the forwarder between deliveries, at most four times a second:
     * cheap, for the scan thread.
     */
    public TelemetryHealth health() {
        return latest;
    }

    private void refreshHealth() throws IOException {
        if (System.nanoTime() - healthTakenNanos >= HEALTH_PERIOD_NANOS) {
            latest = measureHealth();
        }
    }

    private TelemetryHealth measureHealth() throws IOException {
        healthTakenNanos = System.nanoTime();
        QueueStats stats = queue.stats();
        long lost = lostInMemory.get() + stats.droppedRecords() + stats.rejectedRecords();
        return new TelemetryHealth(stats.records(), pendingInMemory(), stats.bytesOnDisk(), stats.oldestRecordAgeMs(),
                lost, stats.full(), refused, delivered.get(), retries.get(), quarantined.get(), lastProblem);
    }

    private long pendingInMemory() {
        return handedOver.get();
    }

    /** Told of every delivery attempt, on the forwarder thread; must be quick. */
    public interface DeliveryListener {
        void delivered(long nanos, Delivery outcome);
    }

    public void onDelivery(DeliveryListener deliveryListener) {
        this.listener = deliveryListener;
    }

    /**
     * Stops taking points, writes what was handed over to disk, and gives the forwarder up to {@code timeout} to
     * deliver what is queued; whatever is left stays on disk and goes out with the next run. Returns true if
     * everything was delivered.
     */
    public synchronized boolean close(Duration timeout) {
        if (closed) {
            return latest.queuedRecords() == 0;
        }
        closed = true;
        accepting = false;
        try {
            join(writer, Duration.ofSeconds(30));
            long left = drainWithin(timeout);
            if (left > 0) {
                LOG.warn("telemetry: {} points not yet delivered stay queued on disk for the next run", left);
            }
            return left == 0;
        } catch (IOException e) {
            LOG.error("telemetry queue statistics unreadable at close: {}", e.toString(), e);
            return false;
        } finally {
            stopForwarder();
            sink.close();
            try {
                queue.close();
            } catch (IOException e) {
                LOG.error("telemetry queue did not close cleanly: {}", e.toString(), e);
            }
        }
    }

    /** Gives the forwarder up to {@code timeout} to deliver what is queued; returns what is left. */
    private long drainWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = queuedNow();
        while (left > 0 && System.nanoTime() < deadline && forwarder.isAlive()) {
            idle(IDLE_WAIT_NANOS);
            left = queuedNow();
        }
        return left;
    }

    private void stopForwarder() {
        forwarding = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        join(forwarder, Duration.ofSeconds(30));
        try {
            latest = measureHealth();
        } catch (IOException e) {
            LOG.error("telemetry queue statistics unreadable at close: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private long queuedNow() throws IOException {
        return queue.stats().records() + pendingInMemory();
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {}", thread.getName(), timeout);
        }
    }
}
