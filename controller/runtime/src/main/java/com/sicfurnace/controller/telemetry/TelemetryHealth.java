package com.sicfurnace.controller.telemetry;

/**
 * How the telemetry path is doing, for alarms and metrics. Counts are since the pipeline started.
 *
 * @param queuedRecords    points on disk not yet delivered
 * @param handedOverRecords points handed over by the scan and not yet on disk
 * @param queueBytes       disk used by the queue
 * @param oldestAgeMs      how long the oldest undelivered point has waited (0 when none)
 * @param lostRecords      points lost: dropped or refused by the full queue, or the hand-off overflowing
 * @param queueFull        the disk budget is exhausted now
 * @param refused          the database refuses our credentials or settings (401/403/404) now
 * @param deliveredRecords points the database (or the local files) accepted
 * @param retries          deliveries that failed and will be tried again
 * @param quarantinedBatches batches the database refused as bad data, kept in the quarantine folder
 * @param lastProblem      the last failure, for the operator; empty after a success
 */
public record TelemetryHealth(long queuedRecords, long handedOverRecords, long queueBytes, long oldestAgeMs, long lostRecords,
                              boolean queueFull, boolean refused, long deliveredRecords, long retries,
                              long quarantinedBatches, String lastProblem) {
}
