package com.sicfurnace.controller.program;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/**
 * Something the programmer did, for the run journal: step changes, holds, the end of the run. {@code step} counts
 * from 1.
 */
public record ProgramEvent(long seq, Instant time, Type type, int step, String stepName, String detail)
        implements FurnaceEvent {
    public enum Type { STEP_STARTED, STEP_FINISHED, HELD, RESUMED, ABORTED, COMPLETED, LEAK_CHECK_PASSED,
        LEAK_CHECK_FAILED, WAIT_TIMED_OUT,
        /** A restarted controller took the run up again from its journal. */
        RECOVERED }
}
