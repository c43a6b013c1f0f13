package com.sicfurnace.controller.tuning;

import com.sicfurnace.controller.control.LoopId;
import java.util.Locale;
import java.util.Objects;

/**
 * The relay auto-tune as a snapshot shows it: idle; running (its settings, setpoint, bias, cycles measured, seconds
 * run); finished with a result whose proposal awaits an engineer's accept or reject; or aborted, with the reason.
 * {@code detail} says what came of the last test when idle again (accepted, rejected). Rebuilt only when it changes.
 */
public record AutoTuneStatus(State state, LoopId loop, RelaySettings settings, double setpointC, double biasKw,
                             int cyclesMeasured, double elapsedS, RelayResult result, String detail) {
    public enum State {
        IDLE, RUNNING, FINISHED, ABORTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final AutoTuneStatus IDLE = new AutoTuneStatus(State.IDLE, null, null, Double.NaN, Double.NaN, 0,
            0.0, null, "");

    public AutoTuneStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    /** A proposal waits for an engineer to accept or reject it. */
    public boolean awaitingDecision() {
        return state == State.FINISHED && result != null;
    }
}
