package com.sicfurnace.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmsTest {
    private final Alarms alarms = new Alarms();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void followsTheIsa182StatesAndJournalsEachChange() {
        AlarmId id = AlarmId.CHILLER_FAULT;
        alarms.update(id, true, t0, "chiller_running off");
        alarms.update(id, true, t0.plusSeconds(1), "chiller_running off");
        assertEquals(AlarmState.UNACKNOWLEDGED, alarms.state(id));
        alarms.acknowledge(id, t0.plusSeconds(2));
        assertEquals(AlarmState.ACKNOWLEDGED, alarms.state(id));
        alarms.update(id, false, t0.plusSeconds(3), "");
        assertEquals(AlarmState.NORMAL, alarms.state(id), "acknowledged and cleared: back to normal");
        List<AlarmEvent> events = alarms.drainEvents();
        assertEquals(List.of(AlarmState.UNACKNOWLEDGED, AlarmState.ACKNOWLEDGED, AlarmState.NORMAL),
                events.stream().map(AlarmEvent::state).toList());
        assertEquals(AlarmPriority.HIGH, events.get(0).priority());
        assertEquals(List.of(), alarms.drainEvents());
    }

    @Test
    void anAlarmThatReturnsUnacknowledgedWaitsForItsAcknowledgement() {
        AlarmId id = AlarmId.SUPPLY_FAULT;
        alarms.update(id, true, t0, "");
        alarms.update(id, false, t0.plusSeconds(5), "");
        assertEquals(AlarmState.RETURNED_UNACKNOWLEDGED, alarms.state(id));
        alarms.update(id, true, t0.plusSeconds(6), "");
        assertEquals(AlarmState.UNACKNOWLEDGED, alarms.state(id), "raised again before anyone saw it");
        alarms.update(id, false, t0.plusSeconds(7), "");
        alarms.acknowledge(id, t0.plusSeconds(8));
        assertEquals(AlarmState.NORMAL, alarms.state(id));
    }

    @Test
    void eventAlarmsAreRaisedAndReturnAtOnce() {
        alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, t0, "leak rate 0.1 mbar·L/s");
        List<AlarmEvent> events = alarms.drainEvents();
        assertEquals(2, events.size());
        assertEquals(AlarmState.UNACKNOWLEDGED, events.get(0).state());
        assertEquals("leak rate 0.1 mbar·L/s", events.get(0).detail());
        assertEquals(AlarmState.RETURNED_UNACKNOWLEDGED, alarms.state(AlarmId.LEAK_CHECK_FAILED));
    }
}
