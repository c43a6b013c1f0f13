package com.sicfurnace.controller.recipe;

/** Something the programmer did, for the run journal: step changes, holds, the end of the run. */
public record ProgramEvent(Type type, int step, String stepName, String detail) {
    public enum Type { STEP_STARTED, STEP_FINISHED, HELD, RESUMED, ABORTED, COMPLETED, LEAK_CHECK_PASSED,
        LEAK_CHECK_FAILED, WAIT_TIMED_OUT }
}
