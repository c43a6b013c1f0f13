package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.tuning.AutoTuneStatus;
import com.sicfurnace.controller.tuning.TuningEvent;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay test inside the scan, on a furnace whose inputs the test sets: who may start it, the relay's output on
 * the heater (high below the setpoint, low above it plus the hysteresis), no retuning while it runs, and its end on a
 * hold and on a trip, journaled as a tuning event, with the loop back in charge.
 */
class AutoTuneScanTest {
    private static final Actor ENGINEER = new Actor("erin", Role.ENGINEER);
    private final CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));

    /**
     * The run in its soak at 1600 °C, the loop in closed-loop control, the seed 10 K below its setpoint (so that the
     * loop stands at some power: the rig's furnace does not heat up).
     */
    private double steadyBiasKw() {
        rig.startRun();
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1590.0);
        HealthyFurnace.set(rig.in, Signal.PYRO_BOTTOM_C, 1700.0);
        rig.scans(1000);
        assertTrue(rig.last().loops().temperatureControlled(), "closed loop");
        rig.drainEvents();
        return rig.last().loops().powerDemandKw();
    }

    private Command.StartAutoTune start(double amplitudeKw) {
        return new Command.StartAutoTune(LoopId.SEED, amplitudeKw, 25.0, 0.5, 3, 3600.0);
    }

    private AutoTuneStatus status() {
        return rig.last().tunings().autoTune();
    }

    @Test
    void onlyAnEngineerWithAReasonStartsItAndTheRelayDrivesTheHeaterAroundWhereTheLoopStood() {
        double bias = steadyBiasKw();
        double d = bias / 2;
        assertFalse(rig.apply(start(d)), "an operator may not");
        assertFalse(rig.apply(start(d), ENGINEER, ""), "not without a reason");
        double standing = rig.last().loops().powerDemandKw();
        applied(start(d));
        assertEquals(AutoTuneStatus.State.RUNNING, status().state());
        assertEquals(standing, status().biasKw(), 1e-12, "around the power the loop stood at");
        rig.scans(50);
        assertEquals(standing + d, rig.last().loops().powerDemandKw(), 1e-9,
                "high while the seed is below its setpoint");
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1600.6);
        rig.scans(50);
        assertEquals(standing - d, rig.last().loops().powerDemandKw(), 1e-9, "low above setpoint + hysteresis");
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1599.7);
        rig.scans(50);
        assertEquals(standing - d, rig.last().loops().powerDemandKw(), 1e-9, "within the hysteresis it stays");
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1599.4);
        rig.scans(50);
        assertEquals(standing + d, rig.last().loops().powerDemandKw(), 1e-9, "high below setpoint - hysteresis");
        assertFalse(rig.apply(new Command.Tune(LoopId.SEED, 0.4, 400, 0), ENGINEER, "x"), "no retuning meanwhile");
        assertFalse(rig.apply(start(d), ENGINEER, "again"), "one test at a time");
        CommandEvent refused = lastCommand();
        assertEquals("a relay test of the seed loop is running already", refused.detail());
    }

    @Test
    void aHoldAbortsItAndTheLoopTakesOverWithItsGains() {
        double bias = steadyBiasKw();
        applied(start(bias / 2));
        rig.scans(20);
        assertTrue(rig.apply(new Command.Hold()));
        rig.scans(1);
        assertEquals(AutoTuneStatus.State.ABORTED, status().state());
        assertEquals("the run is held", status().detail());
        assertEquals(List.of("auto_tune_aborted: the run is held"), tuningEvents());
        assertEquals(0.3, rig.last().tunings().seed().kp(), 1e-12, "the gains it had");
        double handedOver = rig.last().loops().powerDemandKw();
        rig.scans(1);
        assertEquals(handedOver, rig.last().loops().powerDemandKw(), 0.01, "no bump: the loop tracked the relay");
        assertFalse(rig.apply(new Command.AcceptTuning(LoopId.SEED), ENGINEER, "x"), "no proposal to accept");
    }

    @Test
    void aTripAbortsIt() {
        double bias = steadyBiasKw();
        applied(start(bias / 2));
        HealthyFurnace.set(rig.in, Signal.WATER_COIL_FLOW_LPM, 5.0);
        rig.scans(50);
        assertEquals(AutoTuneStatus.State.ABORTED, status().state());
        assertEquals("the heater is off", status().detail());
        assertEquals(0.0, rig.last().loops().powerDemandKw(), "the interlock has the heater, not the relay");
    }

    @Test
    void theOperatorMayAbortIt() {
        double bias = steadyBiasKw();
        applied(start(bias / 2));
        assertTrue(rig.apply(new Command.AbortAutoTune(LoopId.SEED)));
        assertEquals(AutoTuneStatus.State.ABORTED, status().state());
        assertEquals("aborted by test (operator)", status().detail());
        assertFalse(rig.apply(new Command.AbortAutoTune(LoopId.SEED)), "none runs now");
    }

    /** Applies an engineer's command, which the core must accept (its refusal is the failure's message). */
    private void applied(Command command) {
        rig.drainEvents();
        boolean accepted = rig.apply(command, ENGINEER, "commissioning");
        CommandEvent event = lastCommand();
        assertTrue(accepted, event.detail());
    }

    private List<String> tuningEvents() {
        return rig.drainEvents().stream().filter(TuningEvent.class::isInstance).map(TuningEvent.class::cast)
                .map(e -> e.type().label() + ": " + e.detail()).toList();
    }

    private CommandEvent lastCommand() {
        List<FurnaceEvent> events = rig.drainEvents();
        return events.stream().filter(CommandEvent.class::isInstance).map(CommandEvent.class::cast)
                .reduce((first, second) -> second).orElseThrow();
    }
}
