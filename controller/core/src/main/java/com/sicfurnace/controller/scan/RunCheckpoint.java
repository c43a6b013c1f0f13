package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmStates;
import com.sicfurnace.controller.program.ProgramCheckpoint;
import com.sicfurnace.controller.safety.InterlockCheckpoint;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs to go on after the controller was restarted, taken after a scan: the programmer's
 * position, the heater's split and whether it was on, the throttle's last command and the turbo pump's, the
 * heartbeat, the interlock matrix (latched rows, bypasses and their time left), the permissives the run reached, and
 * the alarms' acknowledgements, shelves and out-of-service flags. Immutable; the runtime journals it
 * ({@code run.RunJournal}), the core takes it up again with {@link ScanCycle#resume}.
 *
 * <p>The loops' inner states are not kept on purpose: a restarted controller takes the heater from the power the
 * supplies deliver and the throttle from its last command, and the loops start from there (bumpless), whatever
 * happened to the furnace in between.
 *
 * @param time            the furnace time of the scan it was taken after
 * @param heaterSplit     coil position (mm, one-zone furnace) or lower zone's share (two-zone furnace)
 * @param heaterEnabled   the heater was on
 * @param heaterCommandKw the total power commanded, kW (0 with the heater off)
 * @param throttlePct     the throttle valve's last command, %
 * @param lastCommLossS   how long the last communication loss lasted, s (for the auto-resume after one)
 * @param outputs         every output of the furnace as last commanded: a restarted controller writes them again
 *                        (with its heartbeat running) until it has seen every input, so that the devices keep what
 *                        they had and the adapters, which read as they write, get going
 */
public record RunCheckpoint(Instant time, ProgramCheckpoint program, double heaterSplit, boolean heaterEnabled,
                            double heaterCommandKw, double throttlePct, boolean turboRunning, int heartbeat,
                            double lastCommLossS, InterlockCheckpoint interlocks, boolean vacuumReached,
                            boolean leakCheckPassed, AlarmStates alarms, Map<Signal, Double> outputs) {
    public RunCheckpoint {
        outputs = Map.copyOf(outputs);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(interlocks, "interlocks");
        Objects.requireNonNull(alarms, "alarms");
    }
}
