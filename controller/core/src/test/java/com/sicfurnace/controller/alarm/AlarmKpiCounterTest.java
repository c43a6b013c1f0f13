package com.sicfurnace.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's alarm KPIs, counted from the event stream alone. */
class AlarmKpiCounterTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final AlarmKpiCounter counter = new AlarmKpiCounter(24.0, t0);
    private long seq;

    private void event(double hours, String alarm, AlarmState from, AlarmState to, boolean chattering) {
        counter.accept(new AlarmEvent(++seq, t0.plusMillis(Math.round(hours * 3.6e6)), new AlarmId(alarm),
                AlarmPriority.HIGH, from, to, "", "", chattering, false));
    }

    private void raised(double hours, String alarm) {
        event(hours, alarm, AlarmState.NORMAL, AlarmState.UNACK_ACTIVE, false);
    }

    private void returned(double hours, String alarm) {
        event(hours, alarm, AlarmState.UNACK_ACTIVE, AlarmState.UNACK_RTN, false);
    }

    @Test
    void countsActivationsPerHourAndTheTopSources() {
        for (int i = 0; i < 12; i++) {
            raised(i * 0.5, "S" + (i % 11));
            returned(i * 0.5 + 0.01, "S" + (i % 11));
        }
        event(7, "S0", AlarmState.UNACK_RTN, AlarmState.NORMAL, false); // an acknowledgement is no activation
        AlarmKpis k = counter.kpis(t0.plusSeconds(8 * 3600));
        assertEquals(8.0, k.hours(), 1e-9);
        assertEquals(12, k.activations());
        assertEquals(1.5, k.alarmsPerHour(), 1e-9);
        assertEquals(10, k.top().size(), "the top 10 only");
        assertEquals(new AlarmKpis.Count(new AlarmId("S0"), 2), k.top().get(0));
        assertEquals(new AlarmId("S1"), k.top().get(1).alarm(), "ties by name");
        assertEquals(1, k.peakPer10Min());
    }

    @Test
    void countsTimeInFloodPeakChatteringAndStaleAlarms() {
        raised(0.5, "STANDING"); // in time order, as the stream delivers them
        raised(1.0, "ALARM_FLOOD");
        raised(1.0, "BRIEF");
        event(1.2, "ALARM_FLOOD", AlarmState.UNACK_ACTIVE, AlarmState.ACK_ACTIVE, false);
        event(1.5, "ALARM_FLOOD", AlarmState.ACK_ACTIVE, AlarmState.NORMAL, false);
        returned(2.0, "BRIEF");
        for (int i = 0; i < 4; i++) {
            event(2.0 + i / 360.0, "CHATTY", i == 0 ? AlarmState.NORMAL : AlarmState.UNACK_RTN,
                    AlarmState.UNACK_ACTIVE, i >= 2);
            returned(2.0 + i / 360.0 + 0.001, "CHATTY");
        }
        raised(3.0, "ALARM_FLOOD");
        event(10, "STANDING", AlarmState.UNACK_ACTIVE, AlarmState.ACK_ACTIVE, false);
        AlarmKpis k = counter.kpis(t0.plusSeconds(30 * 3600));
        assertEquals((0.5 + 27.0) * 3600, k.floodS(), 1e-6, "half an hour, then from 3 h to the end");
        assertEquals(27.5 / 30 * 100, k.floodPct(), 1e-9);
        assertEquals(List.of(new AlarmKpis.Count(new AlarmId("CHATTY"), 4)), k.chattering());
        assertEquals(4, k.peakPer10Min(), "four within 40 s");
        assertEquals(List.of(new AlarmKpis.Standing(new AlarmId("STANDING"), 29.5)), k.stale(),
                "still active at the end: it counts up to it");
        assertEquals(6, k.activations(), "the flood alarm itself not counted");
    }

    @Test
    void anEmptyRunHasNoAlarms() {
        AlarmKpis k = counter.kpis(t0.plusSeconds(3600));
        assertEquals(new AlarmKpis(1.0, 0, 0.0, 0, 0.0, 0.0, List.of(), List.of(), new ArrayList<>()), k);
    }
}
