package com.sicfurnace.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.event.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ISA-18.2 state machine: every transition, journaled with its new state, in scan time. */
class AlarmsTest {
    private static final AlarmId WATER = new AlarmId("WATER_LOW");
    private static final AlarmId SLOW = new AlarmId("SLOW");
    private static final AlarmId DEV = new AlarmId("DEVIATION");
    private final EventLog log = new EventLog();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Alarms alarms = new Alarms(log, AlarmSettings.DEFAULT, List.of(
            Definitions.system(WATER.name(), AlarmPriority.HIGH, 0, 0),
            Definitions.system(SLOW.name(), AlarmPriority.LOW, 10, 5),
            Definitions.system(DEV.name(), AlarmPriority.MEDIUM, 0, 0, OperatingState.RAMPING,
                    OperatingState.HELD)));

    private List<AlarmEvent> drainEvents() {
        return log.drain().stream().map(AlarmEvent.class::cast).toList();
    }

    private void at(double seconds) {
        log.setTime(t0.plusNanos(Math.round(seconds * 1e9)));
    }

    private List<AlarmState> states(List<AlarmEvent> events) {
        return events.stream().map(AlarmEvent::state).toList();
    }

    @Test
    void raisedAcknowledgedAndClearedIsBackToNormalWithEachChangeJournaled() {
        at(0);
        alarms.update(WATER, true, "flow 12 L/min");
        at(1);
        alarms.update(WATER, true, "flow 12 L/min");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(WATER));
        at(2);
        assertTrue(alarms.acknowledge(WATER));
        assertEquals(AlarmState.ACK_ACTIVE, alarms.state(WATER));
        assertFalse(alarms.acknowledge(WATER), "acknowledged already");
        at(3);
        alarms.update(WATER, false, "flow 30 L/min");
        assertEquals(AlarmState.NORMAL, alarms.state(WATER), "acknowledged and cleared: back to normal");
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.ACK_ACTIVE, AlarmState.NORMAL), states(events));
        assertEquals(List.of(AlarmState.NORMAL, AlarmState.UNACK_ACTIVE, AlarmState.ACK_ACTIVE),
                events.stream().map(AlarmEvent::previous).toList());
        assertEquals(AlarmPriority.HIGH, events.get(0).priority());
        assertEquals("water_low", events.get(0).text());
        assertEquals("flow 12 L/min", events.get(0).detail());
        assertEquals("acknowledged", events.get(1).detail());
        assertEquals(List.of(t0, t0.plusSeconds(2), t0.plusSeconds(3)), events.stream().map(AlarmEvent::time).toList(),
                "each event carries the time of its scan");
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(AlarmEvent::seq).toList(), "numbered without gaps");
        assertEquals("unack_active", events.get(0).state().label());
    }

    @Test
    void anAlarmThatReturnsUnacknowledgedWaitsForItsAcknowledgementAndMayRaiseAgain() {
        at(0);
        alarms.update(WATER, true, "");
        at(5);
        alarms.update(WATER, false, "");
        assertEquals(AlarmState.UNACK_RTN, alarms.state(WATER));
        assertEquals(AlarmState.UNACK_RTN, alarms.notNormal().get(WATER));
        assertFalse(alarms.active().contains(WATER), "returned: not active");
        at(6);
        alarms.update(WATER, true, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(WATER), "raised again before anyone saw it");
        at(7);
        alarms.update(WATER, false, "");
        at(8);
        assertTrue(alarms.acknowledge(WATER));
        assertEquals(AlarmState.NORMAL, alarms.state(WATER));
        assertFalse(alarms.notNormal().containsKey(WATER));
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.UNACK_RTN, AlarmState.UNACK_ACTIVE,
                AlarmState.UNACK_RTN, AlarmState.NORMAL), states(drainEvents()));
        assertFalse(alarms.acknowledge(WATER), "nothing to acknowledge");
        assertFalse(alarms.acknowledge(new AlarmId("NOT_DEFINED")));
    }

    @Test
    void eventAlarmsAreRaisedAndReturnAtOnce() {
        alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, "leak rate 0.1 mbar·L/s");
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.UNACK_RTN), states(events));
        assertEquals("leak rate 0.1 mbar·L/s", events.get(0).detail());
        assertEquals("Leak-rate check failed", events.get(0).text());
    }

    @Test
    void theOnDelayIgnoresAShortConditionAndTheOffDelayAShortReturn() {
        at(0);
        alarms.update(SLOW, true, "");
        at(9.9);
        alarms.update(SLOW, true, "");
        at(10);
        alarms.update(SLOW, false, "");
        assertEquals(AlarmState.NORMAL, alarms.state(SLOW), "gone before its 10 s on-delay");
        at(11);
        alarms.update(SLOW, true, "");
        at(20.9);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.NORMAL, alarms.state(SLOW));
        at(21);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(SLOW), "held for its 10 s on-delay");
        at(22);
        alarms.update(SLOW, false, "");
        at(25);
        alarms.update(SLOW, true, "");
        at(26);
        alarms.update(SLOW, false, "");
        at(30.9);
        alarms.update(SLOW, false, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(SLOW), "its 5 s off-delay restarted at 26 s");
        at(31);
        alarms.update(SLOW, false, "");
        assertEquals(AlarmState.UNACK_RTN, alarms.state(SLOW));
    }

    @Test
    void suppressionByDesignHidesTheAlarmAndItIsEvaluatedAfreshAfterwards() {
        AlarmSlot dev = alarms.slot(DEV);
        at(0);
        alarms.feed(dev, true, 0, "off by 9 K", null);
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(DEV));
        at(1);
        alarms.feed(dev, true, OperatingState.RAMPING.bit() | OperatingState.VENTING.bit(), "", null);
        assertEquals(AlarmState.SUPPRESSED, alarms.state(DEV), "an unacknowledged alarm too");
        assertFalse(alarms.active().contains(DEV));
        at(2);
        alarms.feed(dev, false, OperatingState.HELD.bit(), "", null);
        alarms.feed(dev, true, OperatingState.HELD.bit(), "", null);
        assertEquals(AlarmState.SUPPRESSED, alarms.state(DEV), "not evaluated while suppressed");
        at(3);
        alarms.feed(dev, false, OperatingState.VENTING.bit(), "", null);
        assertEquals(AlarmState.NORMAL, alarms.state(DEV), "venting does not suppress it: back, and normal");
        at(4);
        alarms.feed(dev, true, OperatingState.RAMPING.bit(), "", null);
        at(5);
        alarms.feed(dev, true, 0, "off by 7 K", null);
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(DEV), "condition holds after suppression: annunciated");
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.SUPPRESSED, AlarmState.NORMAL,
                AlarmState.SUPPRESSED, AlarmState.UNACK_ACTIVE), states(events));
        assertEquals("suppressed by design: ramping", events.get(1).detail());
    }

    @Test
    void suppressionRestartsTheOnDelay() {
        Alarms own = new Alarms(log, AlarmSettings.DEFAULT, List.of(
                Definitions.system("LATE", AlarmPriority.LOW, 10, 0, OperatingState.SETTLING)));
        AlarmSlot slow = own.slot(new AlarmId("LATE"));
        at(0);
        own.feed(slow, true, OperatingState.SETTLING.bit(), "", null);
        at(30);
        own.feed(slow, true, 0, "", null);
        at(39.9);
        own.feed(slow, true, 0, "", null);
        assertEquals(AlarmState.NORMAL, own.state(new AlarmId("LATE")), "its delay counts from the end of settling");
        at(40);
        own.feed(slow, true, 0, "", null);
        assertEquals(AlarmState.UNACK_ACTIVE, own.state(new AlarmId("LATE")));
    }

    @Test
    void aTimedShelveHidesTheAlarmUntilItExpiresThenTheConditionIsAnnunciatedAgain() {
        at(0);
        alarms.update(WATER, true, "");
        ShelveResult result = alarms.shelve(WATER, ShelveMode.TIMED, Duration.ofMinutes(30), t0);
        assertTrue(result.accepted(), result.detail());
        assertEquals(t0.plus(Duration.ofMinutes(30)), result.expires());
        assertEquals(AlarmState.SHELVED, alarms.state(WATER));
        assertFalse(alarms.active().contains(WATER));
        at(60);
        alarms.update(WATER, false, "");
        alarms.update(WATER, true, "");
        alarms.endScan();
        assertEquals(AlarmState.SHELVED, alarms.state(WATER), "shelved: changes stay hidden");
        at(1799.9);
        alarms.endScan();
        assertEquals(AlarmState.SHELVED, alarms.state(WATER));
        at(1800);
        alarms.endScan();
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(WATER), "expired with the condition present");
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.SHELVED, AlarmState.UNACK_ACTIVE), states(events));
        assertEquals("shelve expired", events.get(2).detail());
        assertEquals(t0.plusSeconds(1800), events.get(2).time());
    }

    @Test
    void aShelveThatExpiresWithTheConditionGoneEndsNormal() {
        at(0);
        alarms.update(WATER, true, "");
        alarms.shelve(WATER, ShelveMode.TIMED, Duration.ofSeconds(10), t0);
        at(5);
        alarms.update(WATER, false, "");
        at(10);
        alarms.endScan();
        assertEquals(AlarmState.NORMAL, alarms.state(WATER));
    }

    @Test
    void aOneShotShelveEndsWhenTheConditionClears() {
        at(0);
        assertEquals(ShelveResult.Refusal.NOT_ACTIVE,
                alarms.shelve(WATER, ShelveMode.ONE_SHOT, null, t0).refusal(), "nothing to shelve one-shot");
        alarms.update(WATER, true, "");
        ShelveResult result = alarms.shelve(WATER, ShelveMode.ONE_SHOT, null, t0);
        assertEquals(t0.plus(Duration.ofHours(8)), result.expires(), "bounded by the maximum shelve time");
        at(100);
        alarms.update(WATER, true, "");
        assertEquals(AlarmState.SHELVED, alarms.state(WATER));
        at(200);
        alarms.update(WATER, false, "");
        assertEquals(AlarmState.NORMAL, alarms.state(WATER), "one-shot: unshelved as the condition cleared");
        at(300);
        alarms.update(WATER, true, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(WATER), "the next occurrence is annunciated");
    }

    @Test
    void shelvesAreRefusedWithTheirReason() {
        assertEquals(ShelveResult.Refusal.EXCEEDS_MAX_TIME,
                alarms.shelve(WATER, ShelveMode.TIMED, Duration.ofHours(8).plusSeconds(1), t0).refusal());
        assertTrue(alarms.shelve(WATER, ShelveMode.TIMED, Duration.ofHours(8), t0).accepted(), "at the maximum");
        assertEquals(ShelveResult.Refusal.TRIP_NOT_SHELVABLE,
                alarms.shelve(AlarmId.INTERLOCK_DOOR_OPEN, ShelveMode.TIMED, Duration.ofMinutes(1), t0).refusal());
        assertEquals(ShelveResult.Refusal.NOT_SHELVABLE,
                alarms.shelve(AlarmId.ALARM_FLOOD, ShelveMode.TIMED, Duration.ofMinutes(1), t0).refusal());
        assertEquals(ShelveResult.Refusal.UNKNOWN_ALARM,
                alarms.shelve(new AlarmId("NO_SUCH"), ShelveMode.TIMED, Duration.ofMinutes(1), t0).refusal());
        assertEquals(ShelveResult.Refusal.NOT_POSITIVE,
                alarms.shelve(SLOW, ShelveMode.TIMED, Duration.ZERO, t0).refusal());
        ShelveResult refused = alarms.shelve(SLOW, ShelveMode.TIMED, null, t0);
        assertFalse(refused.accepted());
        assertEquals("SLOW not shelved: a shelve needs a positive duration", refused.detail());
        assertEquals(AlarmState.NORMAL, alarms.state(SLOW), "a refused shelve changes nothing");
    }

    @Test
    void aDefinitionMayAllowAShorterShelveThanTheProfile() {
        AlarmDefinition brief = new AlarmDefinition("BRIEF", AlarmKind.SYSTEM, AlarmPriority.HIGH, "brief", null,
                null, 0, false, 0, 0, 0, 0, null, null, null, null, 600.0);
        Alarms own = new Alarms(log, AlarmSettings.DEFAULT, List.of(brief));
        assertEquals(ShelveResult.Refusal.EXCEEDS_MAX_TIME,
                own.shelve(brief.alarm(), ShelveMode.TIMED, Duration.ofSeconds(601), t0).refusal());
        assertTrue(own.shelve(brief.alarm(), ShelveMode.TIMED, Duration.ofSeconds(600), t0).accepted());
    }

    @Test
    void unshelvingEarlyReannunciatesAStandingCondition() {
        at(0);
        alarms.update(WATER, true, "");
        alarms.shelve(WATER, ShelveMode.TIMED, Duration.ofHours(1), t0);
        assertTrue(alarms.unshelve(WATER));
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(WATER));
        assertFalse(alarms.unshelve(WATER), "not shelved any more");
    }

    @Test
    void outOfServiceHidesTheAlarmAndBackInServiceItStartsFromNormal() {
        at(0);
        alarms.update(SLOW, true, "");
        at(10);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(SLOW));
        assertTrue(alarms.setOutOfService(SLOW, true));
        assertFalse(alarms.setOutOfService(SLOW, true), "already out of service");
        assertEquals(AlarmState.OUT_OF_SERVICE, alarms.state(SLOW));
        assertEquals(ShelveResult.Refusal.OUT_OF_SERVICE,
                alarms.shelve(SLOW, ShelveMode.TIMED, Duration.ofMinutes(5), t0).refusal());
        at(20);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.OUT_OF_SERVICE, alarms.state(SLOW), "not evaluated");
        assertTrue(alarms.setOutOfService(SLOW, false));
        assertEquals(AlarmState.NORMAL, alarms.state(SLOW));
        at(29.9);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.NORMAL, alarms.state(SLOW), "its on-delay counts from its return to service");
        at(39.9);
        alarms.update(SLOW, true, "");
        assertEquals(AlarmState.UNACK_ACTIVE, alarms.state(SLOW));
        assertFalse(alarms.setOutOfService(AlarmId.INTERLOCK_EMERGENCY_STOP, true), "trips stay in service");
        assertEquals(List.of(AlarmState.UNACK_ACTIVE, AlarmState.OUT_OF_SERVICE, AlarmState.NORMAL,
                AlarmState.UNACK_ACTIVE), states(drainEvents()));
    }

    @Test
    void moreThanTenActivationsInTenMinutesIsAFloodUntilTheRateFalls() {
        Alarms many = new Alarms(log, AlarmSettings.DEFAULT, IntStream.range(0, 12)
                .mapToObj(i -> Definitions.system("A" + i, AlarmPriority.LOW, 0, 0)).toList());
        for (int i = 0; i < 10; i++) {
            at(i * 50);
            many.raiseEvent(new AlarmId("A" + i), "");
            many.endScan();
        }
        assertFalse(many.flood(), "ten in 450 s: not yet");
        at(590);
        many.raiseEvent(new AlarmId("A10"), "");
        many.endScan();
        assertTrue(many.flood(), "eleven within 10 minutes");
        assertTrue(many.board().flood());
        assertEquals(AlarmState.UNACK_ACTIVE, many.state(AlarmId.ALARM_FLOOD));
        assertEquals("11 alarms within 600 s", lastEventOf(drainEvents(), AlarmId.ALARM_FLOOD).detail());
        at(849.9); // the activations at 0..200 s have left the window: 6 remain (250..590 s)
        many.endScan();
        assertTrue(many.flood(), "six left: the flood goes on until five or fewer");
        at(850.1);
        many.endScan();
        assertFalse(many.flood(), "five left (300..450 s and 590 s)");
        assertEquals(AlarmState.UNACK_RTN, many.state(AlarmId.ALARM_FLOOD));
    }

    private static AlarmEvent lastEventOf(List<AlarmEvent> events, AlarmId alarm) {
        return events.stream().filter(e -> e.alarm().equals(alarm)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void threeActivationsInAMinuteMarkAnAlarmChatteringUntilItCalms() {
        for (double t : new double[] {0, 20, 40}) {
            at(t);
            alarms.update(WATER, true, "");
            alarms.endScan();
            at(t + 5);
            alarms.update(WATER, false, "");
            alarms.endScan();
        }
        List<AlarmEvent> events = drainEvents();
        assertEquals(List.of(false, false, false, false, true, true),
                events.stream().map(AlarmEvent::chattering).toList(), "the third activation within 60 s");
        assertTrue(alarms.board().chattering().contains(WATER));
        at(60.1); // the activation at 0 s has left the minute: two remain
        alarms.endScan();
        assertFalse(alarms.board().chattering().contains(WATER));
        at(101);
        alarms.update(WATER, true, "");
        assertFalse(drainEvents().get(0).chattering());
    }

    @Test
    void activationsMoreThanAMinuteApartDoNotChatter() {
        for (double t : new double[] {0, 31, 62}) {
            at(t);
            alarms.update(WATER, true, "");
            at(t + 1);
            alarms.update(WATER, false, "");
        }
        assertTrue(drainEvents().stream().noneMatch(AlarmEvent::chattering));
    }

    @Test
    void theFirstTripToActivateIsFirstOutUntilEveryTripIsNormalAgain() {
        at(0);
        alarms.update(AlarmId.INTERLOCK_COIL_WATER_LOW, true, "");
        alarms.endScan();
        at(1);
        alarms.update(AlarmId.INTERLOCK_OVER_TEMPERATURE, true, "");
        alarms.endScan();
        assertEquals(AlarmId.INTERLOCK_COIL_WATER_LOW, alarms.board().firstOut());
        List<AlarmEvent> events = drainEvents();
        assertTrue(events.get(0).firstOut());
        assertFalse(events.get(1).firstOut());
        at(2);
        alarms.update(AlarmId.INTERLOCK_COIL_WATER_LOW, false, "");
        alarms.acknowledge(AlarmId.INTERLOCK_COIL_WATER_LOW);
        alarms.endScan();
        assertEquals(AlarmId.INTERLOCK_COIL_WATER_LOW, alarms.board().firstOut(), "another trip still stands");
        alarms.acknowledge(AlarmId.INTERLOCK_OVER_TEMPERATURE);
        alarms.update(AlarmId.INTERLOCK_OVER_TEMPERATURE, false, "");
        alarms.endScan();
        assertNull(alarms.board().firstOut());
        at(3);
        alarms.update(AlarmId.INTERLOCK_OVER_TEMPERATURE, true, "");
        alarms.endScan();
        assertEquals(AlarmId.INTERLOCK_OVER_TEMPERATURE, alarms.board().firstOut(), "a new sequence of trips");
    }

    @Test
    void acknowledgementsAndShelvesSurviveARestart() {
        at(0);
        alarms.update(WATER, true, "");
        alarms.acknowledge(WATER);
        alarms.update(AlarmId.RUN_ABORTED, true, "");
        alarms.update(AlarmId.RUN_ABORTED, false, "");
        alarms.update(SLOW, true, "");
        alarms.shelve(SLOW, ShelveMode.TIMED, Duration.ofMinutes(10), t0);
        alarms.setOutOfService(DEV, true);
        AlarmStates saved = alarms.export();
        assertEquals(saved, alarms.board().states(), "the snapshot carries what a journal persists");
        assertEquals(4, saved.alarms().size(), saved.toString());
        assertTrue(saved.entry(WATER).orElseThrow().acknowledged());
        assertFalse(saved.entry(AlarmId.RUN_ABORTED).orElseThrow().acknowledged());

        EventLog restartedLog = new EventLog();
        restartedLog.setTime(t0.plusSeconds(60));
        Alarms restarted = new Alarms(restartedLog, AlarmSettings.DEFAULT, List.of(
                Definitions.system(WATER.name(), AlarmPriority.HIGH, 0, 0),
                Definitions.system(SLOW.name(), AlarmPriority.LOW, 10, 5),
                Definitions.system(DEV.name(), AlarmPriority.MEDIUM, 0, 0)));
        assertEquals(List.of(), restarted.restore(saved));
        restarted.update(WATER, true, "");
        assertEquals(AlarmState.ACK_ACTIVE, restarted.state(WATER), "not annunciated again");
        assertEquals(AlarmState.UNACK_RTN, restarted.state(AlarmId.RUN_ABORTED));
        assertEquals(AlarmState.SHELVED, restarted.state(SLOW));
        assertEquals(AlarmState.OUT_OF_SERVICE, restarted.state(DEV));
        assertEquals(List.of(AlarmState.UNACK_RTN, AlarmState.ACK_ACTIVE, AlarmState.SHELVED,
                AlarmState.OUT_OF_SERVICE), restartedLog.drain().stream().map(e -> ((AlarmEvent) e).state()).toList(),
                "the restored states are journaled");
        restartedLog.setTime(t0.plusSeconds(600));
        restarted.endScan();
        assertEquals(AlarmState.NORMAL, restarted.state(SLOW), "the shelve ends when it would have");
        assertEquals(List.of(new AlarmId("GONE")), restarted.restore(new AlarmStates(List.of(
                new AlarmStates.Entry(new AlarmId("GONE"), AlarmState.UNACK_ACTIVE, null, false)))));
    }

    @Test
    void definitionsAndStatesAreCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new AlarmId("lower_case"));
        assertThrows(IllegalArgumentException.class, () -> Definitions.high("H", null, 1, 0, 0), "no signal");
        assertThrows(IllegalArgumentException.class, () -> Definitions.high("H", "x", 1, -1, 0), "deadband");
        assertThrows(IllegalArgumentException.class, () -> Definitions.comm("C"), "no devices");
        assertThrows(IllegalArgumentException.class, () -> new AlarmStates.Entry(WATER, AlarmState.SHELVED, null,
                false), "a shelve is not a latched state");
        assertThrows(IllegalArgumentException.class, () -> new Alarms(log, AlarmSettings.DEFAULT,
                List.of(Definitions.system("RUN_ABORTED", AlarmPriority.LOW, 0, 0))), "defined twice");
        assertEquals(AlarmState.UNACK_RTN, AlarmState.ofLabel("unack_rtn"));
        assertSame(AlarmId.RUN_ABORTED, AlarmId.of("RUN_ABORTED"), "the constants are handed out, == keeps working");
        assertEquals(new AlarmId("WATER_LOW"), AlarmId.of("WATER_LOW"));
    }
}
