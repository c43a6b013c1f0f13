package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.alarm.AlarmBoard;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.safety.SafetyStatus;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a reader may see of the core after one scan, immutable: every signal's value and quality (inputs as
 * read, outputs as commanded), the loops' setpoints and modes, the run's state and step, the alarms that are not
 * normal, the state of the interlock matrix, and the loops' tunings. Reports, telemetry, metrics and the API read the core only through snapshots and the
 * event stream; {@link Catalogue} names the values a snapshot holds.
 *
 * <p>Signals the furnace variant does not have read NaN with quality BAD.
 */
public final class ScanSnapshot {
    private final long scan;
    private final Instant time;
    private final double[] values;
    private final byte[] qualities;
    private final LoopStatus loops;
    private final RunStatus run;
    private final AlarmBoard alarms;
    private final SafetyStatus safety;
    private final LoopTunings tunings;
    private final long lastEventSeq;

    /**
     * @param scan         the scan's number, from 1
     * @param values       by {@link Signal#ordinal()}: inputs as read, outputs as commanded, NaN where the furnace
     *                     has no such signal; taken over, not copied: the caller must not keep it
     * @param qualities    the inputs' qualities by {@link Signal#ordinal()}, as {@link Quality#code()}s; taken over
     *                     likewise
     * @param alarms       the alarms as they stand after the scan (immutable)
     * @param lastEventSeq the sequence number of the last event recorded up to this scan
     */
    ScanSnapshot(long scan, Instant time, double[] values, byte[] qualities, LoopStatus loops, RunStatus run,
                 AlarmBoard alarms, SafetyStatus safety, LoopTunings tunings, long lastEventSeq) {
        this.scan = scan;
        this.time = Objects.requireNonNull(time, "time");
        this.values = values;
        this.qualities = qualities;
        this.loops = Objects.requireNonNull(loops, "loops");
        this.run = Objects.requireNonNull(run, "run");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.safety = safety;
        this.tunings = Objects.requireNonNull(tunings, "tunings");
        this.lastEventSeq = lastEventSeq;
    }

    public long scan() {
        return scan;
    }

    public Instant time() {
        return time;
    }

    /** The signal's value: an input as read (its last value when stale), an output as commanded. */
    public double value(Signal signal) {
        return values[signal.ordinal()];
    }

    /** An input's quality; an output is GOOD (it is what the core commanded), BAD where the furnace has none. */
    public Quality quality(Signal signal) {
        int i = signal.ordinal();
        if (signal.isInput()) {
            return Quality.of(qualities[i]);
        }
        return Double.isNaN(values[i]) ? Quality.BAD : Quality.GOOD;
    }

    public LoopStatus loops() {
        return loops;
    }

    public RunStatus run() {
        return run;
    }

    /**
     * Every alarm that is not normal (active, returned but not acknowledged, shelved, suppressed, out of service),
     * with its state.
     */
    public Map<AlarmId, AlarmState> alarms() {
        return alarms.notNormal();
    }

    /** The alarms annunciated with their condition holding, acknowledged or not. */
    public Set<AlarmId> activeAlarms() {
        return alarms.active();
    }

    /** The alarms in full: priorities, chattering, flood, the first-out trip, and what survives a restart. */
    public AlarmBoard alarmBoard() {
        return alarms;
    }

    /** The interlock matrix's active rows, first-out, bypasses and missing permissives. */
    public SafetyStatus safety() {
        return safety;
    }

    /** The loops' gains, the profile's, the gain schedule and the relay auto-tune's state. */
    public LoopTunings tunings() {
        return tunings;
    }

    /** The event stream's position after this scan: every event up to this sequence number happened by now. */
    public long lastEventSeq() {
        return lastEventSeq;
    }
}
