package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.event.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one alarm state machine of a controller (ISA-18.2 / IEC 62682). The core reports each alarm's condition every
 * scan; the machine filters it (on- and off-delay), latches it until acknowledged, hides it while shelved, suppressed
 * by design or out of service, and reports every change of what readers see as an {@link AlarmEvent}. It also
 * counts activations for flood and chatter detection and keeps the first-out trip. Time is the scan's, as the
 * {@link EventLog} was given it; single-threaded like the core.
 */
public final class Alarms {
    private final EventLog log;
    private final AlarmSettings settings;
    private final Map<AlarmId, AlarmSlot> slots = new LinkedHashMap<>();
    private final List<AlarmSlot> trips = new ArrayList<>();
    private final List<AlarmSlot> shelved = new ArrayList<>();
    private final List<AlarmSlot> chattering = new ArrayList<>();
    private final ActivationWindow floodWindow;
    private final AlarmSlot flood;
    private final Map<AlarmId, AlarmPriority> priorities;
    private boolean inFlood;
    private int recentActivations;
    /** Says why the flood alarm changes, formatted only when it does. */
    private final AlarmDetail floodDetail = () -> recentActivations + " alarms within "
            + Math.round(settings().flood().windowS()) + " s";
    private AlarmSlot firstOut;
    private long version;
    private long boardVersion = -1;
    private AlarmBoard board = AlarmBoard.EMPTY;

    /** A machine for the system alarms only, with ISA-18.2's default figures. */
    public Alarms(EventLog log) {
        this(log, AlarmSettings.DEFAULT, List.of());
    }

    /** @param definitions the furnace's own alarms, besides the {@link SystemAlarms} every controller has */
    public Alarms(EventLog log, AlarmSettings settings, List<AlarmDefinition> definitions) {
        this.log = log;
        this.settings = settings;
        this.floodWindow = new ActivationWindow(settings.flood().windowS());
        List<AlarmDefinition> all = new ArrayList<>(SystemAlarms.ALL);
        all.addAll(definitions);
        Map<AlarmId, AlarmPriority> byId = new LinkedHashMap<>();
        for (AlarmDefinition definition : all) {
            AlarmSlot slot = new AlarmSlot(definition, settings);
            if (slots.putIfAbsent(slot.id, slot) != null) {
                throw new IllegalArgumentException("alarm " + slot.id + " is defined twice");
            }
            byId.put(slot.id, definition.priority());
            if (definition.type() == AlarmKind.TRIP) {
                trips.add(slot);
            }
        }
        this.priorities = Collections.unmodifiableMap(byId);
        this.flood = slots.get(AlarmId.ALARM_FLOOD);
    }

    public AlarmSettings settings() {
        return settings;
    }

    public Collection<AlarmDefinition> definitions() {
        return slots.values().stream().map(s -> s.definition).toList();
    }

    /** The slot of a defined alarm, for evaluators that report its condition every scan without a look-up. */
    AlarmSlot slot(AlarmId id) {
        AlarmSlot slot = slots.get(id);
        if (slot == null) {
            throw new IllegalArgumentException("alarm " + id + " is not defined");
        }
        return slot;
    }

    // ---- conditions, every scan ----

    /** Reports whether the alarm's condition holds now; {@code detail} says why, for the journal. */
    public void update(AlarmId id, boolean condition, String detail) {
        feed(slot(id), condition, 0, detail, null);
    }

    /** An alarm that marks a single event (a failed check, an abort): raised now, returns at once. */
    public void raiseEvent(AlarmId id, String detail) {
        update(id, true, detail);
        update(id, false, detail);
    }

    /**
     * One scan's report of an alarm's condition.
     *
     * @param operating the furnace's operating states now, as {@link OperatingState#bit()}s
     * @param detail    why, if {@code lazy} is null
     * @param lazy      why, asked only on a change
     */
    void feed(AlarmSlot slot, boolean condition, int operating, String detail, AlarmDetail lazy) {
        if (slot.outOfService) {
            return;
        }
        if ((slot.suppressMask & operating) != 0) {
            if (!slot.suppressed) {
                slot.suppressed = true;
                slot.resetFilter();
                slot.latched = AlarmState.NORMAL;
                show(slot, "suppressed by design: " + suppressingStates(slot.suppressMask & operating), null);
            }
            return;
        }
        slot.suppressed = false;
        boolean active = slot.filter(condition, log.time());
        if (slot.shelved()) {
            if (slot.shelveMode == ShelveMode.ONE_SHOT && !active) {
                endShelve(slot, "one-shot shelve ended: the condition cleared");
            }
            return;
        }
        latch(slot, active);
        show(slot, detail, lazy);
    }

    /**
     * A lost or failed input: the alarm keeps its state, neither raised nor returned on data nobody trusts. Its
     * suppression by design still follows the furnace's state, which does not rest on that input.
     */
    void mask(AlarmSlot slot, int operating) {
        if ((slot.suppressMask & operating) != 0) {
            feed(slot, false, operating, "", null);
        } else {
            slot.mask();
        }
    }

    private static String suppressingStates(int mask) {
        StringBuilder out = new StringBuilder();
        for (OperatingState state : OperatingState.values()) {
            if ((mask & state.bit()) != 0) {
                out.append(out.length() == 0 ? "" : ", ").append(state.name().toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private void latch(AlarmSlot slot, boolean active) {
        if (active && !slot.latched.active()) {
            slot.latched = AlarmState.UNACK_ACTIVE;
            activated(slot);
        } else if (!active && slot.latched == AlarmState.UNACK_ACTIVE) {
            slot.latched = AlarmState.UNACK_RTN;
        } else if (!active && slot.latched == AlarmState.ACK_ACTIVE) {
            slot.latched = AlarmState.NORMAL;
        }
    }

    private void activated(AlarmSlot slot) {
        Instant now = log.time();
        slot.chatterWindow.add(now);
        if (!slot.chattering && slot.chatterWindow.count(now) >= settings.chatter().activations()) {
            slot.chattering = true;
            chattering.add(slot);
            version++;
        }
        if (slot != flood) {
            floodWindow.add(now);
        }
        if (slot.definition.type() == AlarmKind.TRIP && firstOut == null) {
            firstOut = slot;
            version++;
        }
    }

    /** Journals a change of what readers see. */
    private void show(AlarmSlot slot, String detail, AlarmDetail lazy) {
        AlarmState next = slot.visible();
        AlarmState previous = slot.shown;
        if (next == previous) {
            return;
        }
        slot.shown = next;
        version++;
        String why = lazy == null ? detail : lazy.describe();
        AlarmDefinition d = slot.definition;
        boolean first = slot == firstOut;
        boolean chatters = slot.chattering;
        log.record((seq, time) -> new AlarmEvent(seq, time, slot.id, d.priority(), previous, next, why, d.text(),
                chatters, first));
    }

    /**
     * Once per scan, after the conditions: shelves that expired end, flood and chatter are judged on the activations
     * within their windows, and the first-out trip is forgotten once every trip is normal again.
     */
    public void endScan() {
        Instant now = log.time();
        for (int i = shelved.size() - 1; i >= 0; i--) {
            AlarmSlot slot = shelved.get(i);
            if (!now.isBefore(slot.shelvedUntil)) {
                endShelve(slot, "shelve expired");
            }
        }
        for (int i = chattering.size() - 1; i >= 0; i--) {
            AlarmSlot slot = chattering.get(i);
            if (slot.chatterWindow.count(now) < settings.chatter().activations()) {
                slot.chattering = false;
                chattering.remove(i);
                version++;
            }
        }
        recentActivations = floodWindow.count(now);
        boolean floods = inFlood ? recentActivations > settings.flood().endsAtOrBelow()
                : recentActivations > settings.flood().activations();
        if (floods != inFlood) {
            inFlood = floods;
            version++;
        }
        feed(flood, floods, 0, null, floodDetail);
        if (firstOut != null && trips.stream().allMatch(t -> t.shown == AlarmState.NORMAL)) {
            firstOut = null;
            version++;
        }
    }

    // ---- operator and engineer actions ----

    /** Acknowledges an alarm that awaits it; false if it does not (normal, acknowledged already, hidden, unknown). */
    public boolean acknowledge(AlarmId id) {
        AlarmSlot slot = slots.get(id);
        if (slot == null || !slot.shown.unacknowledged()) {
            return false;
        }
        slot.latched = slot.latched == AlarmState.UNACK_ACTIVE ? AlarmState.ACK_ACTIVE : AlarmState.NORMAL;
        show(slot, "acknowledged", null);
        return true;
    }

    /**
     * Shelves an alarm: it is hidden until {@code duration} has passed (TIMED), or until its condition clears
     * (ONE_SHOT; {@code duration} then bounds it, or the maximum shelve time if null). When the shelve ends, the alarm
     * starts from normal and annunciates again at once if its condition still holds. Shelving again renews it.
     *
     * @param time the time of the request (the scan it precedes)
     */
    public ShelveResult shelve(AlarmId id, ShelveMode mode, Duration duration, Instant time) {
        AlarmSlot slot = slots.get(id);
        if (slot == null) {
            return ShelveResult.refused(id, ShelveResult.Refusal.UNKNOWN_ALARM);
        } else if (slot.definition.type() == AlarmKind.TRIP) {
            return ShelveResult.refused(id, ShelveResult.Refusal.TRIP_NOT_SHELVABLE);
        } else if (!slot.definition.shelvable()) {
            return ShelveResult.refused(id, ShelveResult.Refusal.NOT_SHELVABLE);
        } else if (slot.outOfService) {
            return ShelveResult.refused(id, ShelveResult.Refusal.OUT_OF_SERVICE);
        }
        Duration length = duration == null && mode == ShelveMode.ONE_SHOT ? slot.maxShelve : duration;
        if (length == null || length.isNegative() || length.isZero()) {
            return ShelveResult.refused(id, ShelveResult.Refusal.NOT_POSITIVE);
        } else if (length.compareTo(slot.maxShelve) > 0) {
            return ShelveResult.refused(id, ShelveResult.Refusal.EXCEEDS_MAX_TIME);
        } else if (mode == ShelveMode.ONE_SHOT && !slot.active) {
            return ShelveResult.refused(id, ShelveResult.Refusal.NOT_ACTIVE);
        }
        Instant expires = time.plus(length);
        if (!slot.shelved()) {
            shelved.add(slot);
        }
        slot.shelveMode = mode;
        slot.shelvedUntil = expires;
        slot.latched = AlarmState.NORMAL;
        show(slot, mode.name().toLowerCase(Locale.ROOT) + " shelve until " + expires, null);
        return new ShelveResult(id, null, expires);
    }

    /** Ends a shelve before its time; false if the alarm is not shelved. */
    public boolean unshelve(AlarmId id) {
        AlarmSlot slot = slots.get(id);
        if (slot == null || !slot.shelved()) {
            return false;
        }
        endShelve(slot, "unshelved");
        return true;
    }

    private void endShelve(AlarmSlot slot, String why) {
        slot.shelveMode = null;
        slot.shelvedUntil = null;
        shelved.remove(slot);
        slot.latched = AlarmState.NORMAL;
        if (!slot.suppressed && !slot.outOfService) {
            latch(slot, slot.active);
        }
        show(slot, why, null);
    }

    /**
     * Takes an alarm out of service (maintenance: a sensor removed) or puts it back. Out of service it is not
     * evaluated and hides whatever state it had, shelve included; back in service it starts from normal. Trip alarms
     * stay in service. False if nothing changed (unknown alarm, a trip, or already so).
     */
    public boolean setOutOfService(AlarmId id, boolean outOfService) {
        AlarmSlot slot = slots.get(id);
        if (slot == null || slot.definition.type() == AlarmKind.TRIP || slot.outOfService == outOfService) {
            return false;
        }
        if (slot.shelved()) {
            slot.shelveMode = null;
            slot.shelvedUntil = null;
            shelved.remove(slot);
        }
        slot.outOfService = outOfService;
        slot.resetFilter();
        slot.latched = AlarmState.NORMAL;
        show(slot, outOfService ? "taken out of service" : "back in service", null);
        return true;
    }

    // ---- restart ----

    /** What must survive a restart: latched states, shelves, out of service. */
    public AlarmStates export() {
        List<AlarmStates.Entry> entries = new ArrayList<>();
        for (AlarmSlot slot : slots.values()) {
            if (slot.latched != AlarmState.NORMAL || slot.shelved() || slot.outOfService) {
                entries.add(new AlarmStates.Entry(slot.id, slot.latched, slot.shelved()
                        ? new AlarmStates.Shelve(slot.shelveMode, slot.shelvedUntil) : null, slot.outOfService));
            }
        }
        return new AlarmStates(entries);
    }

    /**
     * Restores what a previous run of this controller exported, before its first scan: an acknowledged alarm
     * whose condition still holds stays acknowledged (its condition counts as filtered already), a shelve ends when
     * it would have. Each restored alarm's state is journaled. Returns the alarms this controller does not define
     * (a changed profile), which are left out.
     */
    public List<AlarmId> restore(AlarmStates states) {
        List<AlarmId> unknown = new ArrayList<>();
        for (AlarmStates.Entry entry : states.alarms()) {
            AlarmSlot slot = slots.get(entry.alarm());
            if (slot == null) {
                unknown.add(entry.alarm());
                continue;
            }
            slot.latched = entry.latched();
            slot.active = entry.latched().active();
            slot.outOfService = entry.outOfService() && slot.definition.type() != AlarmKind.TRIP;
            if (entry.shelve() != null && !slot.outOfService && slot.definition.shelvable()) {
                if (!slot.shelved()) {
                    shelved.add(slot);
                }
                slot.shelveMode = entry.shelve().mode();
                slot.shelvedUntil = entry.shelve().expires();
            }
            show(slot, "restored after a restart", null);
        }
        return unknown;
    }

    // ---- what readers see ----

    public AlarmState state(AlarmId id) {
        return slot(id).shown;
    }

    /** The alarms annunciated with their condition holding. Immutable; the same object until a change. */
    public Set<AlarmId> active() {
        return board().active();
    }

    /** Every alarm that is not normal, with its state. Immutable; the same object until a change. */
    public Map<AlarmId, AlarmState> notNormal() {
        return board().notNormal();
    }

    public boolean flood() {
        return inFlood;
    }

    /** Rebuilt only after a change, so that the per-scan snapshot costs nothing while alarms stand still. */
    public AlarmBoard board() {
        if (boardVersion == version) {
            return board;
        }
        Map<AlarmId, AlarmState> notNormal = new LinkedHashMap<>();
        Set<AlarmId> nowActive = new LinkedHashSet<>();
        Set<AlarmId> chatters = new LinkedHashSet<>();
        for (AlarmSlot slot : slots.values()) {
            if (slot.shown != AlarmState.NORMAL) {
                notNormal.put(slot.id, slot.shown);
            }
            if (slot.shown.active()) {
                nowActive.add(slot.id);
            }
            if (slot.chattering) {
                chatters.add(slot.id);
            }
        }
        board = new AlarmBoard(Collections.unmodifiableMap(notNormal), Collections.unmodifiableSet(nowActive),
                priorities, Collections.unmodifiableSet(chatters), inFlood, firstOut == null ? null : firstOut.id,
                export());
        boardVersion = version;
        return board;
    }
}
