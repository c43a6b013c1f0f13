package com.sicfurnace.controller.telemetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A controller's telemetry during a database outage, in its own JVM so that a test can kill it with SIGKILL: writes
 * the test series through the production pipeline to a database that is not there and prints, every 100 ms, how
 * many points are durably queued on disk. Usage: TelemetryWriterChild QUEUE_DIR DATABASE_URL
 */
public final class TelemetryWriterChild {
    private TelemetryWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        TelemetryPipeline pipeline = TelemetryOutageTest.pipeline(Path.of(args[0]), args[1]);
        long next = 0;
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
        long tick = System.nanoTime();
        for (int i = 0; ; i++) {
            List<String> lines = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                lines.add(TelemetryOutageTest.line(next++));
            }
            pipeline.offer(lines);
            if (i % 10 == 0) {
                System.out.println("queued " + pipeline.health().queuedRecords());
                System.out.flush();
            }
            tick += tickNanos;
            LockSupport.parkNanos(tick - System.nanoTime());
        }
    }
}
