package com.sicfurnace.controller.telemetry;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import java.time.Instant;

/**
 * The audit trail's head as a telemetry point: a copy of it outside the controller's disk, in the time-series
 * database, against which a trail rewritten wholesale is caught ({@code controller audit verify --expect-head}).
 */
public final class AuditHeadPoint {
    public static final String MEASUREMENT = "audit";

    private AuditHeadPoint() {
    }

    /** The line protocol of one head, tagged like the run's other points, at the record's time. */
    public static String line(RunTags tags, long seq, String hash, Instant time) {
        return Point.measurement(MEASUREMENT).addTag("furnace", tags.furnace()).addTag("run_id", tags.runId())
                .addTag("recipe", tags.recipe()).addField("head_seq", seq).addField("head_hash", hash)
                .time(time.getEpochSecond() * 1_000_000_000L + time.getNano(), WritePrecision.NS).toLineProtocol();
    }
}
