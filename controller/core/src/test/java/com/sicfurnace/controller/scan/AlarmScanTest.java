package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The profile's alarms evaluated by the real scan: masking by a communication loss, suppression by design. */
class AlarmScanTest {
    private static final AlarmId WALL_HOT = new AlarmId("CHAMBER_WALL_HOT");
    private static final AlarmId PRESSURE_HIGH = new AlarmId("CHAMBER_PRESSURE_HIGH");

    private static Recipe recipe(String furnace, Step... steps) {
        return new Recipe("t", furnace, "", "t.yaml", Optional.empty(), List.of(steps));
    }

    private static Step growthSoak() {
        Targets targets = new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
        return new Step.Soak("growth", 1, new StepSettings(Optional.of(HeaterMode.TEMPERATURE),
                Optional.of(VacuumMode.PROCESS), targets, Optional.empty()), Duration.ofHours(100));
    }

    /** Every device answers: each input arrives fresh with its last value. */
    private static Runnable fresh(CoreRig rig) {
        return () -> {
            for (Signal s : Signal.values()) {
                if (s.isInput() && rig.in.present(s) && !Double.isNaN(rig.in.value(s))) {
                    rig.in.update(s, rig.in.value(s), Quality.GOOD);
                }
            }
        };
    }

    private static Runnable plcLost(CoreRig rig) {
        return () -> {
            for (Signal s : Signal.values()) {
                if (s.isInput() && "plc".equals(rig.in.device(s)) && !Double.isNaN(rig.in.value(s))) {
                    rig.in.markStale(s);
                }
            }
        };
    }

    @Test
    void aLostPlcMasksItsProcessAlarmsAndAcknowledgingTheCommAlarmLeavesThemAlone() {
        CoreRig rig = new CoreRig("6inch", recipe("6inch", growthSoak()));
        rig.startRun(); // pumped down: the run may heat
        HealthyFurnace.set(rig.in, Signal.TC_CHAMBER_WALL_C, 75.0);
        rig.scans(101, fresh(rig)); // its on-delay is 10 s
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(WALL_HOT));

        rig.in.update(Signal.TC_CHAMBER_WALL_C, 25.0, Quality.GOOD); // cooled, but the PLC goes before telling
        rig.scans(50, plcLost(rig));
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(AlarmId.COMM_LOSS_PLC));
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(WALL_HOT), "no return on stale data");
        assertTrue(rig.apply(new Command.Acknowledge(AlarmId.COMM_LOSS_PLC)));
        assertEquals(AlarmState.ACK_ACTIVE, rig.last().alarms().get(AlarmId.COMM_LOSS_PLC));
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(WALL_HOT),
                "acknowledging the communication alarm does not acknowledge the process alarm behind it");

        rig.drainAlarmEvents();
        rig.scans(1, fresh(rig));
        List<AlarmEvent> events = rig.drainAlarmEvents();
        assertEquals(AlarmState.UNACK_RTN, rig.last().alarms().get(WALL_HOT), "fresh data: it returns");
        assertFalse(rig.last().alarms().containsKey(AlarmId.COMM_LOSS_PLC), "acknowledged and back: normal");
        assertTrue(events.stream().anyMatch(e -> e.alarm().equals(WALL_HOT) && e.state() == AlarmState.UNACK_RTN
                && e.detail().startsWith("tc_chamber_wall_c 25.00")), events.toString());
    }

    @Test
    void deviationAlarmsAreSuppressedWhileTheSoakSettlesAndWhileHeld() {
        CoreRig rig = new CoreRig("6inch", recipe("6inch", growthSoak()));
        rig.startRun(); // pumped down: the run may heat
        double settleS = rig.profile.alarms().settleS();
        Runnable seedLags = () -> {
            fresh(rig).run();
            HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1500.0); // 100 K under its setpoint
        };
        rig.scans((int) (settleS / 0.1) - 10, seedLags);
        assertEquals(AlarmState.SUPPRESSED, rig.last().alarms().get(AlarmId.SEED_TEMPERATURE_DEVIATION));
        rig.scans(10 + 599, seedLags);
        assertEquals(AlarmState.NORMAL, rig.last().alarmBoard().state(AlarmId.SEED_TEMPERATURE_DEVIATION),
                "settled, but not yet off for its 60 s on-delay");
        rig.scans(2, seedLags);
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(AlarmId.SEED_TEMPERATURE_DEVIATION));
        assertEquals(AlarmPriority.MEDIUM,
                rig.last().alarmBoard().priority(AlarmId.SEED_TEMPERATURE_DEVIATION).orElseThrow());

        rig.drainAlarmEvents();
        assertTrue(rig.apply(new Command.Hold()));
        assertEquals(AlarmState.SUPPRESSED, rig.last().alarms().get(AlarmId.SEED_TEMPERATURE_DEVIATION));
        AlarmEvent suppressed = rig.drainAlarmEvents().stream()
                .filter(e -> e.alarm().equals(AlarmId.SEED_TEMPERATURE_DEVIATION)).findFirst().orElseThrow();
        assertEquals(AlarmState.UNACK_ACTIVE, suppressed.previous());
        assertEquals("suppressed by design: held", suppressed.detail());
        assertTrue(rig.apply(new Command.Resume()));
        assertEquals(AlarmState.NORMAL, rig.last().alarmBoard().state(AlarmId.SEED_TEMPERATURE_DEVIATION),
                "evaluated afresh: its on-delay starts again");
    }

    @Test
    void pressureAlarmsAreSuppressedWhileVenting() {
        Step vent = new Step.Soak("vent", 1, new StepSettings(Optional.of(HeaterMode.OFF),
                Optional.of(VacuumMode.VENT), Targets.NONE, Optional.empty()), Duration.ofMinutes(1));
        Step seal = new Step.Soak("seal", 2, new StepSettings(Optional.of(HeaterMode.OFF),
                Optional.of(VacuumMode.ISOLATED), Targets.NONE, Optional.empty()), Duration.ofMinutes(10));
        CoreRig rig = new CoreRig("6inch", recipe("6inch", vent, seal));
        HealthyFurnace.set(rig.in, Signal.CDG_PRESSURE_MBAR, 1013.0);
        HealthyFurnace.set(rig.in, Signal.PIRANI_PRESSURE_MBAR, 1000.0);
        rig.command(new Command.Start());
        rig.scans(500, fresh(rig));
        assertEquals(AlarmState.SUPPRESSED, rig.last().alarms().get(PRESSURE_HIGH), "venting to atmosphere");
        rig.scans(100 + 51, fresh(rig)); // into the sealed step, past the 5 s on-delay
        assertEquals("seal", rig.last().run().stepName());
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(PRESSURE_HIGH),
                "atmosphere in a sealed chamber is worth an alarm");
    }

    @Test
    void aHealthyFurnaceRaisesNoProcessAlarm() {
        for (String furnace : List.of("6inch", "8inch")) {
            Targets targets = new Targets(OptionalDouble.of(1500), OptionalDouble.of(1600), OptionalDouble.empty(),
                    OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
            CoreRig rig = new CoreRig(furnace, recipe(furnace, new Step.Soak("hold", 1, new StepSettings(
                    Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), targets, Optional.empty()),
                    Duration.ofHours(1))));
            rig.startRun(); // pumped down: the run may heat
            rig.scans(600, fresh(rig));
            assertEquals(List.of(), rig.drainAlarmEvents().stream().filter(e -> e.state().active()).toList(),
                    furnace + ": no alarm on a healthy furnace");
            assertTrue(rig.last().alarmBoard().priorities().size() > 25, furnace + " has its profile's alarms");
        }
    }
}
