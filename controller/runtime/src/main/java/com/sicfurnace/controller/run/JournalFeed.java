package com.sicfurnace.controller.run;

import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The scan thread's side of the run journal: after a scan, when a journal period of furnace time has passed or the
 * run's state, hold reason or step has changed, takes the core's checkpoint (a few small objects) and hands it to the
 * journal's writer. Nothing before the run has started; nothing after it has ended (the journal goes then).
 */
public final class JournalFeed implements ScanFeed.ScanListener {
    private final RunJournal journal;
    private final Supplier<RunCheckpoint> checkpoints;
    private final Duration period;
    private Instant lastTaken;
    private RunStatus lastRun;

    /**
     * @param checkpoints the scan cycle's checkpoint, taken on the scan thread
     * @param period      furnace time between checkpoints (at most: a change of state or step is journaled at once)
     */
    public JournalFeed(RunJournal journal, Supplier<RunCheckpoint> checkpoints, Duration period) {
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.period = period;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        RunStatus run = snapshot.run();
        if (run.stepIndex() < 0 || run.finished()) {
            return;
        }
        boolean changed = lastRun == null || run.state() != lastRun.state()
                || run.holdReason() != lastRun.holdReason() || run.stepIndex() != lastRun.stepIndex();
        if (changed || !snapshot.time().isBefore(lastTaken.plus(period))) {
            journal.offer(checkpoints.get());
            lastTaken = snapshot.time();
            lastRun = run;
        }
    }
}
