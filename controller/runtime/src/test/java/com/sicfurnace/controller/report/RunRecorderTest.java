package com.sicfurnace.controller.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.safety.TripEvent;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.SnapshotTaker;
import com.sicfurnace.iolist.IoList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void theFirstTripOfACascadeIsTheFirstOutAndAgainAfterEveryTripWasReset() {
        scan(trip(Trip.WATER_FLOW_LOW, TripEvent.Change.LATCHED));
        scan(trip(Trip.OVER_TEMPERATURE, TripEvent.Change.LATCHED));
        scan(trip(Trip.WATER_FLOW_LOW, TripEvent.Change.RESET));
        scan(trip(Trip.DOOR_OPEN, TripEvent.Change.LATCHED));
        scan(trip(Trip.OVER_TEMPERATURE, TripEvent.Change.RESET), trip(Trip.DOOR_OPEN, TripEvent.Change.RESET));
        scan(trip(Trip.EMERGENCY_STOP, TripEvent.Change.LATCHED), trip(Trip.DOOR_OPEN, TripEvent.Change.LATCHED));
        List<String> latches = new ArrayList<>();
        recorder.tripLatches().forEach(t -> latches.add(t.trip() + (t.firstOut() ? " first-out" : "") + " @"
                + Math.round(t.timeH() * 36000)));
        assertEquals(List.of("TRIP_WATER_FLOW_LOW first-out @0", "TRIP_OVER_TEMPERATURE @1", "TRIP_DOOR_OPEN @3",
                "TRIP_EMERGENCY_STOP first-out @5", "TRIP_DOOR_OPEN @5"), latches);
    }

    @Test
    void alarmTransitionsAreRaiseReturnAndAckInEitherOrder() {
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.UNACKNOWLEDGED));
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.ACKNOWLEDGED));
        scan(alarm(AlarmId.COMM_LOSS_GAUGES, AlarmState.NORMAL));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.UNACKNOWLEDGED));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.RETURNED_UNACKNOWLEDGED));
        scan(alarm(AlarmId.CHILLER_FAULT, AlarmState.NORMAL));
        List<String> transitions = new ArrayList<>();
        recorder.alarmTransitions().forEach(t -> transitions.add(t.alarm() + " " + t.transition() + " " + t.state()));
        assertEquals(List.of("COMM_LOSS_GAUGES raise unacknowledged", "COMM_LOSS_GAUGES ack acknowledged",
                "COMM_LOSS_GAUGES return normal", "CHILLER_FAULT raise unacknowledged",
                "CHILLER_FAULT return returned_unacknowledged", "CHILLER_FAULT ack normal"), transitions);
        assertEquals(2, recorder.alarms().size(), "the alarms list keeps its raises only");
    }

    private TripEvent trip(Trip trip, TripEvent.Change change) {
        return new TripEvent(++seq, START, trip, change);
    }

    private AlarmEvent alarm(AlarmId id, AlarmState state) {
        return new AlarmEvent(++seq, START, id, id.priority(), state, "detail");
    }

    private void scan(FurnaceEvent... events) {
        stream.append(List.of(events));
        scan++;
        recorder.onScan(snapshots.take(scan, START.plusMillis(100 * (scan - 1)), image, new OutputImage(),
                LoopStatus.NONE, RunStatus.NOT_STARTED, Map.of(), Set.of(), Set.of(), seq));
    }
}
