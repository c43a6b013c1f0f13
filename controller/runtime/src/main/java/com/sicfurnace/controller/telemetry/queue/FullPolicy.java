package com.sicfurnace.controller.telemetry.queue;

/** What {@link DiskQueue#append} does when a batch does not fit in the disk budget. Either way it is counted. */
public enum FullPolicy {
    /** Delete whole oldest segments, delivered or not, until the batch fits; the lost records are counted. */
    DROP_OLDEST,
    /** Refuse the new batch and keep everything queued; the refused records are counted. */
    REJECT_NEW
}
