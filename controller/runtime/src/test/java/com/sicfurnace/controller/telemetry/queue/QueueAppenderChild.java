package com.sicfurnace.controller.telemetry.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link DiskQueueKillTest} in a child JVM that the test kills with SIGKILL: appends batches to the queue in
 * {@code args[0]} and, after each append has returned, prints {@code durable run=R sequence=S point=P end}: the
 * last sequence number and point of that batch. Stops by itself after a while should nobody kill it.
 */
public final class QueueAppenderChild {
    static final QueueSettings SETTINGS = new QueueSettings(64 * 1024, 1L << 30, FullPolicy.REJECT_NEW);
    static final int BATCH_RECORDS = 100;
    private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(60);

    private QueueAppenderChild() {
    }

    /** The line for point {@code point} of run {@code run}, about 200 bytes as real telemetry lines are. */
    static String payload(int run, long point) {
        String head = "telemetry,run=" + run + " point=" + point + "i,pad=\"";
        return head + "p".repeat(200 - head.length() - 1) + "\"";
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try (DiskQueue queue = DiskQueue.open(dir, SETTINGS, Clock.systemUTC())) {
            for (long point = 0; System.nanoTime() - start < GIVE_UP_NS; point += BATCH_RECORDS) {
                List<String> batch = new ArrayList<>(BATCH_RECORDS);
                for (long p = point; p < point + BATCH_RECORDS; p++) {
                    batch.add(payload(run, p));
                }
                AppendResult result = queue.append(batch);
                System.out.println("durable run=" + run + " sequence=" + result.lastSequence() + " point="
                        + (point + BATCH_RECORDS - 1) + " end");
                System.out.flush();
            }
        }
    }
}
