package com.sicfurnace.controller.api;

import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the {@link HistoryBuffer} off the scan thread: the scan listener hands over the first snapshot of each furnace
 * second (a reference, no copy: snapshots are immutable) and never waits; the recorder's own thread writes it into
 * the buffer, which queries read under the same lock. Should the thread fall a whole queue behind (a machine
 * overloaded at a simulator's speed), seconds are dropped and counted, never the scan delayed.
 */
final class HistoryRecorder implements ScanFeed.ScanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    private static final int QUEUE = 4096;
    private final HistoryBuffer buffer;
    private final BlockingQueue<ScanSnapshot> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final Thread thread;
    private long lastSecond = Long.MIN_VALUE;
    private volatile boolean running = true;

    HistoryRecorder(List<CatalogueItem> numericItems) {
        this.buffer = new HistoryBuffer(numericItems);
        this.thread = new Thread(this::run, "api-history");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        long second = snapshot.time().getEpochSecond();
        if (second != lastSecond) {
            lastSecond = second;
            if (queue.offer(snapshot)) {
                handedOver.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                ScanSnapshot next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    synchronized (buffer) {
                        buffer.record(next);
                    }
                    recorded.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    HistoryBuffer.Series query(List<String> names, Instant from, Instant to, int width) {
        synchronized (buffer) {
            return buffer.query(names, from, to, width);
        }
    }

    List<String> names() {
        return buffer.names();
    }

    /** Seconds not recorded because the recorder fell a whole queue behind. */
    long dropped() {
        return dropped.get();
    }

    /** Waits until every second handed over so far is in the buffer (tests, and an orderly close). */
    void drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (recorded.get() < handedOver.get() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() > 0) {
            LOG.warn("api: the history dropped {} furnace seconds it could not keep up with", dropped.get());
        }
    }
}
