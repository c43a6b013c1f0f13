package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trail written off the caller's thread: {@link #submit} never waits for the disk (the scan thread may call it);
 * the writer thread appends what was submitted in batches, each fsynced, and then tells the head's listeners. Audited
 * actions are a person's pace, so the queue is not bounded. Should the disk refuse, every entry not written is logged
 * at ERROR with its content, so that none is lost silently.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 1000;
    private static final long IDLE_WAIT_MS = 100;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final AuditTrail trail;
    private final LinkedBlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<AuditRecord>> headListeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile AuditRecord last;
    private long submitted;
    private long settled;

    private AuditLog(AuditTrail trail) {
        this.trail = trail;
        this.writer = new Thread(this::writeLoop, "audit-writer");
        writer.setDaemon(true);
    }

    /** Starts writing to an open trail; closing the log closes the trail. */
    public static AuditLog start(AuditTrail trail) {
        AuditLog log = new AuditLog(trail);
        log.writer.start();
        return log;
    }

    /** Queues an entry for the trail; returns at once. */
    public void submit(AuditEntry entry) {
        synchronized (progress) {
            if (!running) {
                throw new IllegalStateException("audit log closed; not recorded: " + entry);
            }
            submitted++;
            queue.add(entry);
        }
    }

    /**
     * Is told of the newest durable record after each batch, on the writer thread (or at once, on the caller's, with
     * the newest so far); must be quick.
     */
    public void onHead(Consumer<AuditRecord> listener) {
        headListeners.add(listener);
        AuditRecord newest = last;
        if (newest != null) {
            listener.accept(newest);
        }
    }

    /** The newest durable record's seq and hash. */
    public AuditHead head() {
        return trail.head();
    }

    /** Waits until everything submitted so far is on disk (or was logged as lost); false if the wait timed out. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = submitted;
            while (settled < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    private void writeLoop() {
        List<AuditEntry> batch = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                AuditEntry first = queue.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                synchronized (progress) {
                    settled += batch.size();
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List<AuditEntry> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(entry -> LOG.error("audit writer interrupted; NOT RECORDED in the trail: {}", entry));
        }
    }

    private void write(List<AuditEntry> batch) {
        List<AuditRecord> written;
        try {
            written = trail.append(batch);
        } catch (IOException | RuntimeException e) {
            LOG.error("audit trail {}: {} records could not be written: {}", trail.directory(), batch.size(),
                    e.toString(), e);
            batch.forEach(entry -> LOG.error("NOT RECORDED in the audit trail: {}", entry));
            return;
        }
        AuditRecord newest = written.get(written.size() - 1);
        last = newest;
        for (Consumer<AuditRecord> listener : headListeners) {
            try {
                listener.accept(newest);
            } catch (RuntimeException e) {
                LOG.error("audit head listener failed on seq {}", newest.seq(), e);
            }
        }
    }

    /** Writes what was submitted, stops the writer and closes the trail. */
    @Override
    public void close() {
        synchronized (progress) {
            if (!running) {
                return;
            }
            running = false;
        }
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while the audit writer finished; its remaining entries are logged if lost");
        }
        if (writer.isAlive()) {
            LOG.error("audit writer did not finish within {}", CLOSE_WAIT);
            return;
        }
        try {
            trail.close();
        } catch (IOException e) {
            LOG.error("audit trail {} did not close cleanly: {}", trail.directory(), e.toString(), e);
        }
    }
}
