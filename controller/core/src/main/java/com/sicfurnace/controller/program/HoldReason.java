package com.sicfurnace.controller.program;

import java.util.Locale;

/**
 * Why a run is held; NONE while it is not. RECOVERY: the controller was restarted after an outage longer than its
 * limit and waits for an operator's resume.
 */
public enum HoldReason {
    NONE, OPERATOR, INTERLOCK, PERMISSIVE, COMM_LOSS, WAIT_TIMEOUT, LEAK_CHECK_FAILED, RECOVERY;

    /** The name as journals and telemetry write it: {@code comm_loss}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
