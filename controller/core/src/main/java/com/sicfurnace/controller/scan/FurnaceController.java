package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.control.HeaterControl;
import com.sicfurnace.controller.control.HeaterDemand;
import com.sicfurnace.controller.control.PressureControl;
import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.snapshot.SnapshotTaker;
import com.sicfurnace.controller.vacuum.ChamberPressure;
import com.sicfurnace.controller.vacuum.VacuumSequencer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The control core of one furnace. One call of {@link #scan} is one scan cycle:
 * inputs -> programmer -> loops -> vacuum sequence -> interlocks -> outputs -> alarms, ending with the scan's
 * snapshot. It never touches a socket, a thread or a clock: the caller passes the inputs and the scan's time and
 * sends the outputs on. Commands are applied between scans ({@link #apply}), each checked against the run's state.
 * Only the {@link ScanCycle} drives it; readers see its snapshots and events.
 */
final class FurnaceController {
    private static final int HEARTBEAT_MODULUS = 65536;
    /** Scans the PLC watchdog reset stays on: long enough for the PLC to see the edge. */
    private static final int WATCHDOG_RESET_SCANS = 5;

    private final FurnaceProfile profile;
    private final EventLog log = new EventLog();
    private final Programmer programmer;
    private final HeaterControl heater;
    private final PressureControl pressureLoop;
    private final VacuumSequencer vacuum;
    private final ChamberPressure pressure;
    private final Interlocks interlocks;
    private final Alarms alarms;
    private final AlarmMonitor alarmMonitor;
    private final LiveView view;
    private final SnapshotTaker snapshots;
    private LoopStatus loops = LoopStatus.NONE;
    private ScanSnapshot snapshot;
    private long scans;
    private long programAlarmsRaisedTo;
    private Instant lastScan;
    private int heartbeat;
    private int watchdogResetScans;
    private boolean startRequested;
    private CommMonitor comm;
    private double lastCommLossS;

    /** @param layout the furnace's process image: which signals it has */
    FurnaceController(FurnaceProfile profile, Recipe recipe, ProcessImage layout) {
        if (!recipe.furnace().equals(profile.furnace())) {
            throw new IllegalArgumentException("recipe '" + recipe.name() + "' is for a " + recipe.furnace()
                    + " furnace, this one is " + profile.furnace());
        }
        this.profile = profile;
        this.programmer = new Programmer(recipe, profile.chamberVolumeL(), log);
        this.heater = new HeaterControl(profile);
        this.pressureLoop = new PressureControl(profile);
        this.vacuum = new VacuumSequencer(profile.vacuum());
        this.pressure = new ChamberPressure(profile.vacuum());
        this.interlocks = new Interlocks(profile, log);
        this.alarms = new Alarms(log, profile.alarms().settings(), profile.alarms().definitions());
        this.alarmMonitor = new AlarmMonitor(profile, alarms);
        this.view = new LiveView(pressure, heater);
        this.snapshots = new SnapshotTaker(layout);
    }

    void scan(ProcessImage in, OutputImage out, Instant scanTime) {
        log.setTime(scanTime);
        double dtS = lastScan == null ? profile.scanPeriodS() : Duration.between(lastScan, scanTime).toNanos() / 1e9;
        lastScan = scanTime;
        scans++;
        if (in.complete()) {
            control(in, out, dtS);
        } else {
            awaitFirstData(out);
        }
        raiseProgramAlarms();
        snapshot = snapshots.take(scans, scanTime, in, out, loops, runStatus(), alarms.board(), interlocks.latched(),
                log.lastSeq());
    }

    private void control(ProcessImage in, OutputImage out, double dtS) {
        if (comm == null) {
            comm = new CommMonitor(profile.comm(), in);
        }
        comm.update(in, dtS);
        pressure.update(in);
        heater.observe(in, dtS);
        view.bind(in);
        if (startRequested) {
            startRequested = false;
            programmer.start(view);
        }
        if (!interlocks.heaterPermitted()) {
            programmer.hold(HoldReason.INTERLOCK);
        }
        superviseCommunication();
        programmer.update(view, dtS);
        if (heaterBlind(in)) {
            heater.holdForCommLoss(profile.comm(), comm.lossS(), dtS);
        } else {
            heater.update(demand(), in, dtS);
        }
        controlVacuumAndGas(in, out, dtS);
        writeHeater(out);
        interlocks.evaluate(in, pressure.known() ? pressure.mbar() : Double.NaN, heater.totalPowerKw(), dtS);
        interlocks.enforce(out);
        if (!interlocks.heaterPermitted()) {
            heater.update(new HeaterDemand(HeaterMode.OFF, Double.NaN, Double.NaN, 0.0), in, dtS);
        }
        out.set(Signal.CONTROLLER_HEARTBEAT, heartbeat);
        out.set(Signal.PLC_WATCHDOG_RESET, watchdogResetScans > 0);
        watchdogResetScans = Math.max(0, watchdogResetScans - 1);
        heartbeat = (heartbeat + 1) % HEARTBEAT_MODULUS;
        out.set(Signal.CHILLER_SUPPLY_SP_C, profile.chillerSetpointC());
        loops = new LoopStatus(programmer.seedSetpointC(), programmer.sourceSetpointC(),
                programmer.pressureSetpointMbar(), view.pressureMbar(), heater.totalPowerKw(),
                programmer.powerSetpointKw(), heater.closedLoop(), vacuum.throttleControlled(),
                programmer.heaterMode(), programmer.vacuumMode());
        alarmMonitor.evaluate(loops, in, out, interlocks, programmer, comm, dtS);
    }

    /**
     * Until every device has reported once, nothing is known about the furnace: the heater stays off, nothing else
     * is commanded, and neither interlocks nor alarms nor the recipe act on inputs that have never arrived.
     */
    private void awaitFirstData(OutputImage out) {
        out.set(Signal.HEATER_ENABLE, false);
        out.set(Signal.PS1_OUTPUT_ENABLE, false);
        out.set(Signal.PS1_POWER_SP_KW, 0.0);
        if (profile.zones() > 1) {
            out.set(Signal.PS2_OUTPUT_ENABLE, false);
            out.set(Signal.PS2_POWER_SP_KW, 0.0);
        }
        out.set(Signal.CONTROLLER_HEARTBEAT, heartbeat);
        heartbeat = (heartbeat + 1) % HEARTBEAT_MODULUS;
        out.set(Signal.CHILLER_SUPPLY_SP_C, profile.chillerSetpointC());
    }

    /**
     * A lost device holds the run; when every device answers again, a run held for a loss shorter than the
     * profile's auto-resume time goes on by itself (its timers stood still meanwhile).
     */
    private void superviseCommunication() {
        if (comm.anyLost()) {
            lastCommLossS = comm.lossS();
            programmer.hold(HoldReason.COMM_LOSS);
        } else if (programmer.holdReason() == HoldReason.COMM_LOSS
                && lastCommLossS <= profile.comm().autoResumeWithinS() && interlocks.heaterPermitted()) {
            programmer.resume(view);
        }
    }

    /** The heater loops cannot act: their pyrometers are lost in temperature mode, or a supply is out of reach. */
    private boolean heaterBlind(ProcessImage in) {
        boolean blindLoops = programmer.heaterMode() == HeaterMode.TEMPERATURE
                && (comm.lost(in, Signal.PYRO_TOP_C) || comm.lost(in, Signal.PYRO_BOTTOM_C));
        boolean supplyLost = comm.deviceLost(in.device(Signal.PS1_POWER_KW))
                || (profile.zones() > 1 && comm.deviceLost(in.device(Signal.PS2_POWER_KW)));
        return blindLoops || supplyLost;
    }

    private HeaterDemand demand() {
        return new HeaterDemand(programmer.heaterMode(), programmer.seedSetpointC(), programmer.sourceSetpointC(),
                programmer.powerSetpointKw());
    }

    /**
     * Valves, pumps and the pressure loop act only while the PLC and the gauge controller answer; otherwise their
     * outputs stay as they are (the pressure loop tracks, to take over bumplessly).
     */
    private void controlVacuumAndGas(ProcessImage in, OutputImage out, double dtS) {
        double pressureMbar = view.pressureMbar();
        double setpoint = programmer.pressureSetpointMbar();
        boolean blind = comm.deviceLost(in.device(Signal.GATE_VALVE_OPEN))
                || comm.deviceLost(in.device(Signal.CDG_PRESSURE_MBAR));
        if (!blind) {
            vacuum.command(programmer.vacuumMode(), in, pressureMbar, out);
        }
        if (!blind && vacuum.throttleControlled() && !Double.isNaN(setpoint) && !Double.isNaN(pressureMbar)) {
            out.set(Signal.THROTTLE_VALVE_SP_PCT, pressureLoop.update(setpoint, pressureMbar, dtS));
        } else {
            pressureLoop.track(out.value(Signal.THROTTLE_VALVE_SP_PCT), setpoint, pressureMbar);
        }
        out.set(Signal.AR_FLOW_SP_SCCM, programmer.argonSetpointSccm());
        out.set(Signal.N2_FLOW_SP_SCCM, programmer.nitrogenSetpointSccm());
    }

    private void writeHeater(OutputImage out) {
        boolean on = programmer.heaterMode() != HeaterMode.OFF;
        out.set(Signal.HEATER_ENABLE, on);
        out.set(Signal.PS1_OUTPUT_ENABLE, on);
        out.set(Signal.PS1_POWER_SP_KW, heater.zonePowerKw(1));
        out.set(Signal.PS1_FAULT_RESET, false);
        if (profile.zones() > 1) {
            out.set(Signal.PS2_OUTPUT_ENABLE, on);
            out.set(Signal.PS2_POWER_SP_KW, heater.zonePowerKw(2));
            out.set(Signal.PS2_FAULT_RESET, false);
        } else {
            out.set(Signal.COIL_POSITION_SP_MM, heater.coilSetpointMm());
        }
    }

    /** Program events that the operator must see as alarms, from the scan and the commands before it. */
    private void raiseProgramAlarms() {
        List<FurnaceEvent> fresh = log.pendingAfter(programAlarmsRaisedTo);
        for (FurnaceEvent event : fresh) {
            if (event instanceof ProgramEvent e) {
                switch (e.type()) {
                    case ABORTED -> alarms.raiseEvent(AlarmId.RUN_ABORTED, e.detail());
                    case LEAK_CHECK_FAILED -> alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, e.detail());
                    case WAIT_TIMED_OUT -> alarms.raiseEvent(AlarmId.WAIT_TIMEOUT, e.stepName() + ": " + e.detail());
                    default -> { }
                }
            }
        }
        programAlarmsRaisedTo = log.lastSeq();
    }

    private RunStatus runStatus() {
        Step step = programmer.step();
        return new RunStatus(programmer.state(), programmer.holdReason(), programmer.stepIndex(),
                step == null ? "" : step.name(), step == null ? "" : step.typeName(), programmer.stepTimerS(),
                programmer.holdingBack(), programmer.waitingForPyrometerRange());
    }

    // ---- commands, applied between scans ----

    /**
     * Applies a command at {@code time}, the time of the scan it precedes. Its outcome is journaled after its
     * effects (the hold, the trips reset), so that the journal reads cause, effect, verdict.
     */
    void apply(CommandRequest request, Instant time) {
        log.setTime(time);
        Command command = request.command();
        Outcome outcome = execute(command);
        if (command.journaled()) {
            log.record((seq, t) -> new CommandEvent(seq, t, request.requestedBy(), command, outcome.accepted(),
                    outcome.detail()));
        }
    }

    private record Outcome(boolean accepted, String detail) {
        static Outcome done(String detail) {
            return new Outcome(true, detail);
        }

        static Outcome refused(String why) {
            return new Outcome(false, why);
        }
    }

    private Outcome execute(Command command) {
        if (command instanceof Command.Start) {
            return start();
        } else if (command instanceof Command.Hold) {
            return hold();
        } else if (command instanceof Command.Resume) {
            return resume();
        } else if (command instanceof Command.Abort abort) {
            return abort(abort.reason());
        } else if (command instanceof Command.ResetInterlocks) {
            return resetInterlocks();
        } else if (command instanceof Command.Acknowledge ack) {
            return alarms.acknowledge(ack.alarm()) ? Outcome.done("acknowledged")
                    : Outcome.refused(ack.alarm() + " does not await acknowledgement");
        } else if (command instanceof Command.ReportCondition report) {
            alarms.update(report.alarm(), report.active(), report.detail());
            return Outcome.done("");
        } else if (command instanceof Command.ReportEvent report) {
            alarms.raiseEvent(report.alarm(), report.detail());
            return Outcome.done("");
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** The recipe starts at the next scan that has every input. */
    private Outcome start() {
        if (startRequested || programmer.state() != RunState.READY) {
            return Outcome.refused("the run has started already; it is " + programmer.state().label());
        }
        startRequested = true;
        return Outcome.done("starts with the first scan that has every input");
    }

    private Outcome hold() {
        if (programmer.state() != RunState.RUNNING) {
            return Outcome.refused("nothing to hold: the run is " + programmer.state().label());
        }
        programmer.hold(HoldReason.OPERATOR);
        return Outcome.done("held");
    }

    /** Resumes a held run; refused while an interlock is latched. */
    private Outcome resume() {
        if (programmer.state() != RunState.HELD) {
            return Outcome.refused("nothing to resume: the run is " + programmer.state().label());
        }
        if (!interlocks.heaterPermitted()) {
            return Outcome.refused("interlocks latched: " + interlocks.latched() + "; reset them first");
        }
        programmer.resume(view);
        return Outcome.done("resumed");
    }

    private Outcome abort(String why) {
        if (programmer.state().finished()) {
            return Outcome.refused("the run has ended already; it is " + programmer.state().label());
        }
        startRequested = false;
        programmer.abort(why);
        return Outcome.done("aborted");
    }

    /**
     * Resets the interlocks whose cause is gone, and the PLC's watchdog (which the PLC accepts only with the
     * heartbeat running).
     */
    private Outcome resetInterlocks() {
        watchdogResetScans = WATCHDOG_RESET_SCANS;
        Set<Trip> still = interlocks.reset();
        return Outcome.done(still.isEmpty() ? "no trip latched" : "still latched, cause present: " + still);
    }

    // ---- what readers may see ----

    /** The snapshot of the last scan; null before the first. */
    ScanSnapshot snapshot() {
        return snapshot;
    }

    /** The events since the last call, oldest first. */
    List<FurnaceEvent> drainEvents() {
        return log.drain();
    }
}
