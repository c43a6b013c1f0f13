package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the interlock matrix, as docs/safety.md prints it: its cause (signal, condition, delay, in the
 * profile's terms), its effect on the heater, whether it also closes the gas inlets or makes the heater command
 * follow the measured power, how it resets, and who may bypass it for how long (nobody, when {@code bypassBy} is
 * empty).
 */
public record InterlockRule(InterlockId id, String cause, String delay, Effect effect, boolean closesGas,
                            boolean tracksHeater, ResetRule reset, String resetWhen, Set<Role> bypassBy,
                            Duration maxBypass) {
    public InterlockRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(reset, "reset");
        bypassBy = Set.copyOf(bypassBy);
        Objects.requireNonNull(maxBypass, "maxBypass");
        if (bypassBy.isEmpty() != maxBypass.isZero()) {
            throw new IllegalArgumentException(id + ": a bypassable row needs roles and a time limit, others neither");
        }
    }

    public boolean bypassable() {
        return !bypassBy.isEmpty();
    }
}
