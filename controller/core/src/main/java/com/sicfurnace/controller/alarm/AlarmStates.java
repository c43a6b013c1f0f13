package com.sicfurnace.controller.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What of the alarms must survive a restart of the controller: per alarm that is not plainly normal, its latched
 * state (which says whether it was acknowledged), its shelve and whether it is out of service. Suppression is not
 * kept: it follows from the furnace's state at the next scan. Immutable; a run journal persists it, a restarted
 * controller hands it to {@link Alarms#restore}.
 */
public record AlarmStates(List<Entry> alarms) {
    public static final AlarmStates NONE = new AlarmStates(List.of());

    public AlarmStates {
        alarms = List.copyOf(alarms);
    }

    /**
     * @param latched NORMAL, UNACK_ACTIVE, ACK_ACTIVE or UNACK_RTN
     * @param shelve  the alarm's shelve, or null
     */
    public record Entry(AlarmId alarm, AlarmState latched, Shelve shelve, boolean outOfService) {
        public Entry {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(latched, "latched");
            if (latched.hidden()) {
                throw new IllegalArgumentException(alarm + ": the latched state is one of normal, unack_active, "
                        + "ack_active, unack_rtn, not " + latched.label());
            }
        }

        public boolean acknowledged() {
            return !latched.unacknowledged();
        }
    }

    /** A shelve: how, and when it ends at the latest. */
    public record Shelve(ShelveMode mode, Instant expires) {
        public Shelve {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(expires, "expires");
        }
    }

    public Optional<Entry> entry(AlarmId alarm) {
        return alarms.stream().filter(e -> e.alarm().equals(alarm)).findFirst();
    }
}
