package com.sicfurnace.controller.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.alarm.AlarmBoard;
import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.safety.SafetyStatus;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.LoopTunings;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.SnapshotTaker;
import com.sicfurnace.iolist.IoList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run report's account of trips and alarms, from the event stream as the core writes it. */
class RunRecorderTest {
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    private final ProcessImage image = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));
    private final SnapshotTaker snapshots = new SnapshotTaker(image);
    private final EventStream stream = new EventStream(64);
    private final RunRecorder recorder = new RunRecorder(
            RecipeFiles.load(Path.of("..", "..", "docs", "recipes", "smoke.yaml")).recipe(), List.of(), 60.0, 0.1,
            s -> (s.scan() - 1) * 0.1, stream.reader(true));
    private long seq;
    private long scan;

    @Test
    void everyLatchedRowIsReportedWithTheCoresFirstOutAndOnlyTripsOfTheHeaterCountAsTrips() {
        scan(interlock(InterlockId.COIL_WATER_LOW, InterlockEvent.Change.LATCHED, true));
        scan(interlock(InterlockId.OVER_TEMPERATURE, InterlockEvent.Change.LATCHED, false));
        scan(interlock(InterlockId.COIL_WATER_LOW, InterlockEvent.Change.RESET, false));
        scan(interlock(InterlockId.PLC_WATCHDOG, InterlockEvent.Change.LATCHED, true));
        List<String> latches = new ArrayList<>();
        recorder.tripLatches().forEach(t -> latches.add(t.trip() + (t.firstOut() ? " first-out" : "") + " @"
                + Math.round(t.timeH() * 36000)));
        assertEquals(List.of("coil_water_low first-out @0", "over_temperature @1", "plc_watchdog first-out @3"),
                latches);
        assertEquals(List.of("coil_water_low", "over_temperature"), recorder.trips().stream()
                .map(RunSummary.TimedEntry::what).toList(), "a hold is no trip of the heater");
        assertEquals("hard trip, first out", recorder.trips().get(0).detail());
    }

    @Test
    void alarmTransitionsAreRaiseReturnAckShelveAndRelease() {
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.NORMAL, AlarmState.UNACK_ACTIVE));
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.UNACK_ACTIVE, AlarmState.ACK_ACTIVE));
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.ACK_ACTIVE, AlarmState.NORMAL));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.NORMAL, AlarmState.UNACK_ACTIVE));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.UNACK_ACTIVE, AlarmState.UNACK_RTN));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.UNACK_RTN, AlarmState.NORMAL));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.NORMAL, AlarmState.SHELVED));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.SHELVED, AlarmState.NORMAL));
        List<String> transitions = new ArrayList<>();
        recorder.alarmTransitions().forEach(t -> transitions.add(t.alarm() + " " + t.transition() + " " + t.state()));
        assertEquals(List.of("COMM_LOSS_GAUGES raise unack_active", "COMM_LOSS_GAUGES ack ack_active",
                "COMM_LOSS_GAUGES return normal", "CHILLER_FAULT raise unack_active", "CHILLER_FAULT return unack_rtn",
                "CHILLER_FAULT ack normal", "CHILLER_FAULT shelve shelved", "CHILLER_FAULT release normal"),
                transitions);
        assertEquals(2, recorder.alarms().size(), "the alarms list keeps its raises only");
    }

    private InterlockEvent interlock(InterlockId row, InterlockEvent.Change change, boolean firstOut) {
        return new InterlockEvent(++seq, START, row, change, firstOut, "");
    }

    private AlarmEvent alarm(AlarmId id, AlarmState previous, AlarmState state) {
        return new AlarmEvent(++seq, START, id, AlarmPriority.HIGH, previous, state, "detail", "text", false, false);
    }

    private void scan(FurnaceEvent... events) {
        stream.append(List.of(events));
        scan++;
        recorder.onScan(snapshots.take(scan, START.plusMillis(100 * (scan - 1)), image, new OutputImage(),
                LoopStatus.NONE, RunStatus.NOT_STARTED, AlarmBoard.EMPTY, SafetyStatus.NONE,
                LoopTunings.of(ProfileLoader.shipped("6inch", FurnaceProfile.class)), seq));
    }
}
