package com.sicfurnace.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.event.EventLog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmsTest {
    private final EventLog log = new EventLog();
    private final Alarms alarms = new Alarms(log);
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The alarm events recorded since the last call. */
    private List<AlarmEvent> drainEvents() {
        return log.drain().stream().map(AlarmEvent.class::cast).toList();
    }

    private void at(Instant time) {
        log.setTime(time);
    }

    @Test
    void followsTheIsa182StatesAndJournalsEachChange() {
        AlarmId id = AlarmId.CHILLER_FAULT;
        at(t0);
        alarms.update(id, true, "chiller_running off");
        at(t0.plusSeconds(1));
        alarms.update(id, true, "chiller_running off");
        assertEquals(AlarmState.UNACKNOWLEDGED, alarms.state(id));
        at(t0.plusSeconds(2));
        alarms.acknowledge(id);
        assertEquals(AlarmState.ACKNOWLEDGED, alarms.state(id));
        at(t0.plusSeconds(3));
        alarms.update(id, false, "");
        assertEquals(AlarmState.NORMAL, alarms.state(id), "acknowledged and cleared: back to normal");
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(AlarmState.UNACKNOWLEDGED, AlarmState.ACKNOWLEDGED, AlarmState.NORMAL),
                events.stream().map(AlarmEvent::state).toList());
        assertEquals(AlarmPriority.HIGH, events.get(0).priority());
        assertEquals(List.of(t0, t0.plusSeconds(2), t0.plusSeconds(3)), events.stream().map(AlarmEvent::time).toList(),
                "each event carries the time of its scan");
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(AlarmEvent::seq).toList(), "numbered without gaps");
        assertEquals(List.of(), drainEvents());
    }

    @Test
    void anAlarmThatReturnsUnacknowledgedWaitsForItsAcknowledgement() {
        AlarmId id = AlarmId.SUPPLY_FAULT;
        at(t0);
        alarms.update(id, true, "");
        at(t0.plusSeconds(5));
        alarms.update(id, false, "");
        assertEquals(AlarmState.RETURNED_UNACKNOWLEDGED, alarms.state(id));
        at(t0.plusSeconds(6));
        alarms.update(id, true, "");
        assertEquals(AlarmState.UNACKNOWLEDGED, alarms.state(id), "raised again before anyone saw it");
        at(t0.plusSeconds(7));
        alarms.update(id, false, "");
        at(t0.plusSeconds(8));
        alarms.acknowledge(id);
        assertEquals(AlarmState.NORMAL, alarms.state(id));
    }

    @Test
    void eventAlarmsAreRaisedAndReturnAtOnce() {
        alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, "leak rate 0.1 mbar·L/s");
        List<AlarmEvent> events = drainEvents();
        assertEquals(2, events.size());
        assertEquals(AlarmState.UNACKNOWLEDGED, events.get(0).state());
        assertEquals("leak rate 0.1 mbar·L/s", events.get(0).detail());
        assertEquals(AlarmState.RETURNED_UNACKNOWLEDGED, alarms.state(AlarmId.LEAK_CHECK_FAILED));
    }
}
