package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The one scan step: what its snapshot holds and what its event stream tells, command by command. */
class ScanCycleTest {
    private final CoreRig rig = new CoreRig("6inch", soak());

    private static Recipe soak() {
        Targets targets = new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
        return new Recipe("t", "6inch", "", "t.yaml", Optional.empty(), List.of(new Step.Soak("growth", 1,
                new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), targets,
                        Optional.empty()), Duration.ofHours(100))));
    }

    @Test
    void theSnapshotHoldsEverySignalTheLoopsAndTheRun() {
        rig.heaterFollows(false); // the inputs stay as the test set them
        rig.startRun();
        rig.scans(99);
        ScanSnapshot s = rig.last();
        assertEquals(100, s.scan());
        assertEquals(Instant.parse("2026-01-01T00:00:10Z"), s.time());
        for (Signal signal : Signal.values()) {
            if (!rig.in.present(signal)) {
                assertTrue(Double.isNaN(s.value(signal)), signal + " is not on a 6-inch furnace");
                assertEquals(Quality.BAD, s.quality(signal));
            } else if (signal.isInput()) {
                assertEquals(rig.in.value(signal), s.value(signal), signal.ioName());
            } else {
                assertEquals(rig.out.value(signal), s.value(signal), signal + " as commanded");
                assertEquals(Quality.GOOD, s.quality(signal));
            }
        }
        assertEquals(Quality.LIMIT_LOW, s.quality(Signal.TURBO_PUMP_SPEED_PCT), "at the bottom of its range");
        assertEquals(RunState.RUNNING, s.run().state());
        assertEquals("growth", s.run().stepName());
        assertEquals("soak", s.run().stepType());
        assertEquals(1, s.run().stepNumber());
        assertEquals(HeaterMode.TEMPERATURE, s.loops().heaterMode());
        assertEquals(VacuumMode.PROCESS, s.loops().vacuumMode());
        assertTrue(s.loops().temperatureControlled(), "the pyrometers read in range");
        assertEquals(300.0, s.loops().pressureSetpointMbar());
        assertEquals(300.0, s.loops().pressureMbar());
        assertTrue(s.loops().powerDemandKw() > 0);
    }

    @Test
    void aSnapshotNeverChangesAfterItsScan() {
        rig.scans(1);
        ScanSnapshot first = rig.last();
        double seed = first.value(Signal.PYRO_TOP_C);
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1812.5);
        rig.in.markStale(Signal.PYRO_BOTTOM_C);
        rig.command(new Command.Start());
        rig.scans(1);
        assertNotSame(first, rig.last());
        assertEquals(seed, first.value(Signal.PYRO_TOP_C));
        assertEquals(Quality.GOOD, first.quality(Signal.PYRO_BOTTOM_C));
        assertEquals(RunState.READY, first.run().state());
        assertEquals(1812.5, rig.last().value(Signal.PYRO_TOP_C));
        assertEquals(Quality.STALE, rig.last().quality(Signal.PYRO_BOTTOM_C));
    }

    @Test
    void eventsAreNumberedInOrderWithTheirScansTimeAndCommandsNameWhoAsked() {
        HealthyFurnace.set(rig.in, Signal.CDG_PRESSURE_MBAR, 0.01); // pumped down: the run may heat
        HealthyFurnace.set(rig.in, Signal.PIRANI_PRESSURE_MBAR, 5e-4 * 1.5);
        rig.command(new Command.Hold());
        rig.command(new Command.Start());
        rig.scans(1);
        rig.command(new Command.Hold());
        rig.scans(1);
        List<FurnaceEvent> events = rig.drainEvents();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq(), "numbered from 1 without gaps: " + events);
        }
        CommandEvent refused = assertInstanceOf(CommandEvent.class, events.get(0));
        assertEquals(new Command.Hold(), refused.command());
        assertFalse(refused.accepted());
        assertEquals("nothing to hold: the run is ready", refused.detail());
        assertEquals(CoreRig.OPERATOR, refused.actor());
        assertEquals("test", refused.reason());
        assertEquals(Map.of("run_state", "ready", "hold_reason", "none"), refused.before());
        assertEquals(refused.before(), refused.after(), "a refusal changes nothing");
        ProgramEvent started = assertInstanceOf(ProgramEvent.class, events.get(1));
        assertEquals(ProgramEvent.Type.STEP_STARTED, started.type());
        CommandEvent start = assertInstanceOf(CommandEvent.class, events.get(2));
        assertTrue(start.accepted(), start.detail());
        assertEquals(Instant.parse("2026-01-01T00:00:00.1Z"), start.time(), "decided by the scan it precedes");
        assertEquals("running", start.after().get("run_state"));
        assertTrue(events.stream().anyMatch(e -> e instanceof ProgramEvent p && p.type() == ProgramEvent.Type.HELD
                && p.detail().equals("operator") && p.time().equals(Instant.parse("2026-01-01T00:00:00.2Z"))));
        CommandEvent hold = (CommandEvent) events.get(events.size() - 1);
        assertTrue(hold.accepted(), "journaled after its effect: " + events);
        assertEquals(HoldReason.OPERATOR, rig.last().run().holdReason());
        assertEquals(events.get(events.size() - 1).seq(), rig.last().lastEventSeq());
    }

    @Test
    void tripsAreEventsWhenTheyLatchAndWhenAResetClearsThem() {
        rig.command(new Command.Start());
        rig.scans(10);
        HealthyFurnace.set(rig.in, Signal.ESTOP_ACTIVE, 1.0);
        rig.scans(1);
        assertEquals(java.util.Set.of(InterlockId.EMERGENCY_STOP), rig.last().safety().active());
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(AlarmId.INTERLOCK_EMERGENCY_STOP));
        HealthyFurnace.set(rig.in, Signal.ESTOP_ACTIVE, 0.0);
        rig.scans(1);
        rig.drainEvents();
        assertTrue(rig.apply(new Command.ResetInterlocks()));
        List<FurnaceEvent> events = rig.drainEvents();
        InterlockEvent reset = events.stream().filter(InterlockEvent.class::isInstance)
                .map(InterlockEvent.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no interlock event in " + events));
        assertEquals(new InterlockEvent(reset.seq(), reset.time(), InterlockId.EMERGENCY_STOP,
                InterlockEvent.Change.RESET, false, "reset"), reset);
        assertTrue(rig.last().safety().active().isEmpty());
        assertTrue(rig.apply(new Command.Acknowledge(AlarmId.INTERLOCK_EMERGENCY_STOP)));
        assertFalse(rig.last().alarms().containsKey(AlarmId.INTERLOCK_EMERGENCY_STOP), "returned and acknowledged");
        assertFalse(rig.apply(new Command.Acknowledge(AlarmId.INTERLOCK_EMERGENCY_STOP)), "nothing left to acknowledge");
    }

    @Test
    void aRunAbortedBeforeItsFirstScanEndsAndSaysSo() {
        assertTrue(rig.apply(new Command.Abort(), CoreRig.OPERATOR, "wrong crucible loaded"));
        assertEquals(RunState.ABORTED, rig.last().run().state());
        List<AlarmEvent> alarms = rig.drainAlarmEvents();
        assertTrue(alarms.stream().anyMatch(a -> a.alarm().equals(AlarmId.RUN_ABORTED)
                && a.detail().equals("wrong crucible loaded")), alarms.toString());
        assertFalse(rig.apply(new Command.Start()), "an ended run does not start");
    }
}
