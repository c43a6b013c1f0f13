package com.sicfurnace.controller.vacuum;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;

/**
 * Drives valves and pumps for a vacuum mode, with the permissives that protect the pumps: the gate valve opens
 * only with the turbo pump at speed and the chamber below crossover pressure, and closes again if the pressure
 * rises above what the turbo pump tolerates; the roughing valve closes once the gate valve is open; the vent
 * valve opens only with the gate and roughing valves closed and the turbo pump slowed down; process gas flows
 * only in PROCESS mode.
 */
public final class VacuumSequencer {
    private final FurnaceProfile.Vacuum settings;
    private boolean turboRunning;
    private boolean throttleControlled;

    public VacuumSequencer(FurnaceProfile.Vacuum settings) {
        this.settings = settings;
    }

    /** Writes the valve and pump commands; the throttle is left to the pressure loop in PROCESS mode. */
    public void command(VacuumMode mode, ProcessImage in, double pressureMbar, OutputImage out) {
        throttleControlled = mode == VacuumMode.PROCESS;
        out.set(Signal.ROUGHING_PUMP_RUN_CMD, mode != VacuumMode.VENT || in.isOn(Signal.ROUGHING_PUMP_RUNNING));
        out.set(Signal.GAS_VALVE_OPEN_CMD, mode == VacuumMode.PROCESS);
        switch (mode) {
            case VENT -> vent(in, out);
            case ROUGH -> rough(out);
            case HIGH_VACUUM -> highVacuum(in, pressureMbar, out);
            case ISOLATED -> isolate(out);
            case PROCESS -> process(out);
            default -> throw new IllegalStateException("unhandled vacuum mode " + mode);
        }
        out.set(Signal.TURBO_PUMP_RUN_CMD, turboRunning);
    }

    private void vent(ProcessImage in, OutputImage out) {
        turboRunning = false;
        closeAll(out);
        boolean safeToVent = !in.isOn(Signal.GATE_VALVE_OPEN) && !in.isOn(Signal.ROUGHING_VALVE_OPEN)
                && in.usable(Signal.TURBO_PUMP_SPEED_PCT)
                && in.value(Signal.TURBO_PUMP_SPEED_PCT) <= settings.ventMaxTurboSpeedPct();
        out.set(Signal.VENT_VALVE_OPEN_CMD, safeToVent);
    }

    private void rough(OutputImage out) {
        turboRunning = false;
        closeAll(out);
        out.set(Signal.ROUGHING_VALVE_OPEN_CMD, true);
        out.set(Signal.THROTTLE_VALVE_SP_PCT, 100.0);
    }

    private void highVacuum(ProcessImage in, double pressureMbar, OutputImage out) {
        turboRunning = true;
        closeAll(out);
        boolean gateOpen = in.isOn(Signal.GATE_VALVE_OPEN);
        boolean turboReady = in.isOn(Signal.TURBO_PUMP_AT_SPEED);
        boolean keepGate = gateOpen && turboReady && pressureMbar <= settings.turboMaxMbar();
        boolean openGate = turboReady && pressureMbar <= settings.crossoverMbar();
        boolean gateCommand = keepGate || openGate;
        out.set(Signal.GATE_VALVE_OPEN_CMD, gateCommand);
        // rough through the roughing line until the gate valve has actually opened
        out.set(Signal.ROUGHING_VALVE_OPEN_CMD, !(gateCommand && gateOpen));
        out.set(Signal.THROTTLE_VALVE_SP_PCT, 100.0);
    }

    private void isolate(OutputImage out) {
        closeAll(out);
    }

    private void process(OutputImage out) {
        turboRunning = false;
        closeAll(out);
        out.set(Signal.ROUGHING_VALVE_OPEN_CMD, true);
    }

    private static void closeAll(OutputImage out) {
        out.set(Signal.GATE_VALVE_OPEN_CMD, false);
        out.set(Signal.ROUGHING_VALVE_OPEN_CMD, false);
        out.set(Signal.VENT_VALVE_OPEN_CMD, false);
        out.set(Signal.THROTTLE_VALVE_SP_PCT, 0.0);
    }

    /** Whether the turbo pump is commanded to run (an isolated chamber keeps it as it was). */
    public boolean turboRunning() {
        return turboRunning;
    }

    /** Takes the turbo pump's command up again after a restart. */
    public void restoreTurbo(boolean running) {
        turboRunning = running;
    }

    public boolean throttleControlled() {
        return throttleControlled;
    }
}
