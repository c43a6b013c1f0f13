package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where telemetry goes and how much of it: the local directory (the disk queue in {@code queue/}, refused batches
 * in {@code quarantine/}, and, with no database configured, the line-protocol files in {@code files/}), the disk
 * budget of the queue and what happens when it is full, the decimation, and the database if there is one.
 *
 * @param backlogAlarm how old the oldest undelivered point may get before TELEMETRY_BACKLOG is raised
 */
public record TelemetrySettings(Path directory, long budgetBytes, FullPolicy whenFull, Decimation decimation,
                                Optional<InfluxSettings> influx, Duration backlogAlarm) {
    public static final long DEFAULT_BUDGET_BYTES = 2L << 30;
    public static final Duration DEFAULT_BACKLOG_ALARM = Duration.ofMinutes(5);

    public TelemetrySettings {
        Objects.requireNonNull(directory, "telemetry directory");
        Objects.requireNonNull(whenFull, "telemetry when_full");
        Objects.requireNonNull(decimation, "telemetry decimation");
        Objects.requireNonNull(influx, "influx");
        Objects.requireNonNull(backlogAlarm, "backlog alarm");
        if (budgetBytes < (1L << 20)) {
            throw new IllegalArgumentException("telemetry disk budget must be at least 1 MB, not " + budgetBytes
                    + " bytes");
        }
    }

    /** Local files only, the default budget and policy (keep the newest), every scan. */
    public static TelemetrySettings local(Path directory) {
        return new TelemetrySettings(directory, DEFAULT_BUDGET_BYTES, FullPolicy.DROP_OLDEST, Decimation.everyScan(),
                Optional.empty(), DEFAULT_BACKLOG_ALARM);
    }

    public TelemetrySettings withInflux(Optional<InfluxSettings> database) {
        return new TelemetrySettings(directory, budgetBytes, whenFull, decimation, database, backlogAlarm);
    }

    public TelemetrySettings withDecimation(Decimation other) {
        return new TelemetrySettings(directory, budgetBytes, whenFull, other, influx, backlogAlarm);
    }
}
