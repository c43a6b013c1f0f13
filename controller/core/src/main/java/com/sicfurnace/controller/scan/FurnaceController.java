package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.alarm.ShelveResult;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.control.HeaterControl;
import com.sicfurnace.controller.control.HeaterDemand;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.control.Pid;
import com.sicfurnace.controller.control.PressureControl;
import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profile.PidTuning;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.ProgramCheckpoint;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.safety.Permissive;
import com.sicfurnace.controller.safety.Permissives;
import com.sicfurnace.controller.safety.SafetyInputs;
import com.sicfurnace.controller.safety.SafetyStatus;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.LoopTunings;
import com.sicfurnace.controller.tuning.Proposal;
import com.sicfurnace.controller.tuning.RelayResult;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.snapshot.SnapshotTaker;
import com.sicfurnace.controller.vacuum.ChamberPressure;
import com.sicfurnace.controller.vacuum.VacuumSequencer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
    /** Replaced only by a recipe loaded before the start. */
    private Programmer programmer;
    private final HeaterControl heater;
    private final PressureControl pressureLoop;
    private final VacuumSequencer vacuum;
    private final ChamberPressure pressure;
    private final Interlocks interlocks;
    private final Permissives permissives;
    private final Alarms alarms;
    private final AlarmMonitor alarmMonitor;
    private final LiveView view;
    private final SnapshotTaker snapshots;
    private final OutputGuard outputGuard;
    private final Commands commands;
    private final AutoTune autoTune;
    private LoopTunings tunings;
    private LoopStatus loops = LoopStatus.NONE;
    private ScanSnapshot snapshot;
    private SafetyStatus safety = SafetyStatus.NONE;
    private long scans;
    private long programAlarmsRaisedTo;
    private Instant lastScan;
    private int heartbeat;
    private int watchdogResetScans;
    private CommandRequest pendingStart;
    private CommMonitor comm;
    private double lastCommLossS;
    private double lastThrottlePct;
    private boolean heaterEnabled;
    private double heaterCommandKw;
    private boolean outputsFinite = true;
    /** Set by {@link #restore}: the run goes on from a checkpoint, taken up at the first scan with every input. */
    private Recovery recovery;
    private RunCheckpoint restoredFrom;
    private List<AlarmId> alarmsNoLongerDefined = List.of();
    /** A restored run writes no output before it has taken the furnace's state in: the devices keep theirs. */
    private boolean outputsReady = true;
    /** Furnace seconds the recovery still waits for the PLC to clear its watchdog; 0 when it waits no more. */
    private double recoveryResetLeftS;
    private boolean recoveryResetSent;
    private final List<Signal> outputSignals;

    /** @param layout the furnace's process image: which signals it has */
    FurnaceController(FurnaceProfile profile, Recipe recipe, ProcessImage layout) {
        String misfit = misfit(recipe, profile);
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        this.profile = profile;
        this.programmer = new Programmer(recipe, profile.chamberVolumeL(), log);
        this.heater = new HeaterControl(profile);
        this.pressureLoop = new PressureControl(profile);
        this.vacuum = new VacuumSequencer(profile.vacuum());
        this.pressure = new ChamberPressure(profile.vacuum());
        this.interlocks = new Interlocks(profile, log);
        this.permissives = new Permissives(profile);
        this.alarms = new Alarms(log, profile.alarms().settings(), profile.alarms().definitions());
        this.alarmMonitor = new AlarmMonitor(profile, alarms);
        this.view = new LiveView(pressure, heater);
        this.snapshots = new SnapshotTaker(layout);
        this.outputGuard = new OutputGuard(layout);
        this.outputSignals = java.util.Arrays.stream(Signal.values()).filter(s -> !s.isInput() && layout.present(s))
                .toList();
        this.commands = new Commands();
        this.autoTune = new AutoTune(profile, log);
        this.tunings = new LoopTunings(heater.loop(LoopId.SEED).tuning(), heater.loop(LoopId.GRADIENT).tuning(),
                pressureLoop.loop().tuning(), profile.loops(), profile.heater().seedSchedule(), autoTune.status());
    }

    private static String misfit(Recipe recipe, FurnaceProfile profile) {
        return recipe.furnace().equals(profile.furnace()) ? null : "recipe '" + recipe.name() + "' is for a "
                + recipe.furnace() + " furnace, this one is " + profile.furnace();
    }

    void scan(ProcessImage in, OutputImage out, Instant scanTime) {
        log.setTime(scanTime);
        // the first scan, and the scan that takes a restored run up, count one scan period: the time before them is
        // not the run's (a restored run's timers stood still while the controller was away and while it connected)
        boolean takingUp = !outputsReady && in.complete();
        double dtS = lastScan == null || takingUp ? profile.scanPeriodS()
                : Duration.between(lastScan, scanTime).toNanos() / 1e9;
        lastScan = scanTime;
        scans++;
        if (in.complete()) {
            control(in, out, dtS);
        } else {
            awaitFirstData(out);
        }
        outputsFinite = outputGuard.check(out);
        raiseProgramAlarms();
        snapshot = snapshots.take(scans, scanTime, in, out, loops, runStatus(), alarms.board(), safetyStatus(),
                loopTunings(), log.lastSeq());
    }

    private void control(ProcessImage in, OutputImage out, double dtS) {
        if (comm == null) {
            comm = new CommMonitor(profile.comm(), in);
        }
        comm.update(in, dtS);
        pressure.update(in);
        heater.observe(in, dtS);
        view.bind(in);
        if (!outputsReady) {
            takeUpRestoredRun(in);
        }
        interlocks.evaluate(safetyInputs(in), dtS);
        permissives.update(in, pressure.mbar(), pressure.usable(), interlocks);
        if (pendingStart != null) {
            decideStart();
        }
        superviseRecoveryReset(dtS);
        if (interlocks.anyLatched() && !recoveryResettingWatchdogOnly()) {
            programmer.hold(HoldReason.INTERLOCK);
        }
        superviseCommunication();
        programmer.update(view, dtS);
        if (heatingAboveThreshold(in) && !permissives.heatingMet()) {
            programmer.hold(HoldReason.PERMISSIVE);
        }
        boolean heaterOn = commandHeater(in, dtS);
        controlVacuumAndGas(in, out, dtS);
        writeHeater(out, heaterOn);
        interlocks.enforce(out);
        out.set(Signal.CONTROLLER_HEARTBEAT, heartbeat);
        out.set(Signal.PLC_WATCHDOG_RESET, watchdogResetScans > 0 || recoveryResetLeftS > 0);
        watchdogResetScans = Math.max(0, watchdogResetScans - 1);
        heartbeat = (heartbeat + 1) % HEARTBEAT_MODULUS;
        out.set(Signal.CHILLER_SUPPLY_SP_C, profile.chillerSetpointC());
        heaterEnabled = out.isOn(Signal.HEATER_ENABLE);
        heaterCommandKw = heaterEnabled ? commandedPowerKw(out) : 0.0;
        loops = new LoopStatus(programmer.seedSetpointC(), programmer.sourceSetpointC(),
                programmer.pressureSetpointMbar(), view.pressureMbar(), heater.totalPowerKw(),
                programmer.powerSetpointKw(), heater.closedLoop(), vacuum.throttleControlled(),
                programmer.heaterMode(), programmer.vacuumMode());
        // details are built only while their alarm stands: no string per scan on the hot path otherwise
        boolean bypassed = !interlocks.bypasses().isEmpty();
        alarms.update(AlarmId.INTERLOCK_BYPASSED, bypassed,
                bypassed ? "bypassed: " + interlocks.bypasses().keySet() : "");
        boolean permissiveHold = programmer.holdReason() == HoldReason.PERMISSIVE;
        alarms.update(AlarmId.RUN_HELD_BY_PERMISSIVE, permissiveHold,
                permissiveHold ? "missing: " + permissives.missing() : "");
        alarms.update(AlarmId.CONTROLLER_OUTPUT_INVALID, !outputsFinite, outputGuard.lastFault());
        String refused = outputGuard.refused(in);
        alarms.update(AlarmId.OUTPUT_REFUSED, refused != null, refused == null ? "" : refused);
        alarmMonitor.evaluate(loops, in, out, interlocks, programmer, comm, dtS);
    }

    private SafetyInputs safetyInputs(ProcessImage in) {
        boolean gasCommanded = programmer.vacuumMode() == VacuumMode.PROCESS
                && (programmer.argonSetpointSccm() > 0 || programmer.nitrogenSetpointSccm() > 0);
        return new SafetyInputs(in, pressure.known() ? pressure.mbar() : Double.NaN,
                pressure.usable() && !comm.deviceLost(in.device(Signal.CDG_PRESSURE_MBAR)), gasCommanded,
                heaterEnabled, heaterCommandKw, measuredPowerKw(in), comm.anyLost());
    }

    /** The total power the supplies report; NaN if a supply's reading is not usable. */
    private double measuredPowerKw(ProcessImage in) {
        double kw = 0.0;
        for (int zone = 1; zone <= profile.zones(); zone++) {
            Signal power = zone == 1 ? Signal.PS1_POWER_KW : Signal.PS2_POWER_KW;
            if (!in.usable(power)) {
                return Double.NaN;
            }
            kw += in.value(power);
        }
        return kw;
    }

    private double commandedPowerKw(OutputImage out) {
        return out.value(Signal.PS1_POWER_SP_KW) + (profile.zones() > 1 ? out.value(Signal.PS2_POWER_SP_KW) : 0.0);
    }

    /** The run would heat above the threshold that needs vacuum and a passed leak check first. */
    private boolean heatingAboveThreshold(ProcessImage in) {
        if (programmer.state() != RunState.RUNNING) {
            return false;
        }
        double threshold = profile.permissives().heatingAboveC();
        return switch (programmer.heaterMode()) {
            case TEMPERATURE -> programmer.seedSetpointC() > threshold;
            case POWER -> in.usable(Signal.PYRO_TOP_C) && in.value(Signal.PYRO_TOP_C) > threshold;
            case OFF -> false;
        };
    }

    /**
     * Sets the heater's power for this scan, the interlocks first: a hard trip switches it off, a soft trip ramps
     * it down, a row that puts the PLC or the supply in charge makes it follow the measured power. A heater that is
     * off goes on only while every energising permissive holds. Returns whether it is on.
     */
    private boolean commandHeater(ProcessImage in, double dtS) {
        boolean wanted = programmer.heaterMode() != HeaterMode.OFF;
        boolean on = wanted && !interlocks.hardTripped() && (heaterEnabled || permissives.energisingMet());
        if (!on) {
            autoTune.interrupt("the heater is off");
            heater.update(new HeaterDemand(HeaterMode.OFF, Double.NaN, Double.NaN, 0.0, false), in, dtS);
        } else if (interlocks.softTripped()) {
            autoTune.interrupt("a soft trip ramps the heater down");
            heater.rampDown(interlocks.softCeilingKw());
        } else if (interlocks.tracksHeater()) {
            autoTune.interrupt("an interlock puts the PLC or the supply in charge of the power");
            heater.trackMeasured(measuredPowerKw(in));
        } else if (heaterBlind(in)) {
            autoTune.interrupt("a device the heater needs is lost");
            heater.holdForCommLoss(profile.comm(), comm.lossS(), dtS);
        } else {
            double seedC = in.usable(Signal.PYRO_TOP_C) ? in.value(Signal.PYRO_TOP_C) : Double.NaN;
            heater.relay(autoTune.relayKw(programmer, seedC, dtS));
            heater.update(demand(), in, dtS);
        }
        return on;
    }

    /**
     * Until every device has reported once, nothing is known about the furnace: the heater stays off, nothing else
     * is commanded, and neither interlocks nor alarms nor the recipe act on inputs that have never arrived.
     */
    private void awaitFirstData(OutputImage out) {
        if (!outputsReady) {
            // a restored run: the devices keep what they were last told until the controller has seen the furnace
            restoredFrom.outputs().forEach(out::set);
            out.set(Signal.PLC_WATCHDOG_RESET, false);
            out.set(Signal.CONTROLLER_HEARTBEAT, heartbeat);
            heartbeat = (heartbeat + 1) % HEARTBEAT_MODULUS;
            return;
        }
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
        if (interlocks.isActive(InterlockId.COMM_LOSS)) {
            lastCommLossS = comm.lossS();
            programmer.hold(HoldReason.COMM_LOSS);
        } else if (programmer.holdReason() == HoldReason.COMM_LOSS
                && lastCommLossS <= profile.comm().autoResumeWithinS() && !interlocks.anyLatched()) {
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

    /** What the programmer asks of the heater; a held run asks for no more than it had (no open-loop ramp). */
    private HeaterDemand demand() {
        return new HeaterDemand(programmer.heaterMode(), programmer.seedSetpointC(), programmer.sourceSetpointC(),
                programmer.powerSetpointKw(), programmer.state() == RunState.HELD);
    }

    /**
     * Valves, pumps and the pressure loop act only while the PLC and the gauge controller answer; otherwise their
     * outputs stay as they are. Under pressure control without a usable pressure the throttle keeps its last
     * command, and the loop tracks it to take over bumplessly.
     */
    private void controlVacuumAndGas(ProcessImage in, OutputImage out, double dtS) {
        double pressureMbar = view.pressureMbar();
        double setpoint = programmer.pressureSetpointMbar();
        boolean blind = comm.deviceLost(in.device(Signal.GATE_VALVE_OPEN))
                || comm.deviceLost(in.device(Signal.CDG_PRESSURE_MBAR));
        if (!blind) {
            vacuum.command(programmer.vacuumMode(), in, pressureMbar, out);
        }
        boolean controlled = vacuum.throttleControlled() && !Double.isNaN(setpoint);
        double throttlePct;
        if (controlled && !blind && !Double.isNaN(pressureMbar)) {
            throttlePct = pressureLoop.update(setpoint, pressureMbar, dtS);
        } else {
            throttlePct = controlled || blind ? lastThrottlePct : out.value(Signal.THROTTLE_VALVE_SP_PCT);
            pressureLoop.track(throttlePct, setpoint, pressureMbar);
        }
        out.set(Signal.THROTTLE_VALVE_SP_PCT, throttlePct);
        lastThrottlePct = throttlePct;
        out.set(Signal.AR_FLOW_SP_SCCM, programmer.argonSetpointSccm());
        out.set(Signal.N2_FLOW_SP_SCCM, programmer.nitrogenSetpointSccm());
    }

    private void writeHeater(OutputImage out, boolean on) {
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
                    case LEAK_CHECK_PASSED -> permissives.leakCheckPassed();
                    case LEAK_CHECK_FAILED -> alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, e.detail());
                    case WAIT_TIMED_OUT -> alarms.raiseEvent(AlarmId.WAIT_TIMEOUT, e.stepName() + ": " + e.detail());
                    default -> { }
                }
            }
        }
        programAlarmsRaisedTo = log.lastSeq();
    }

    /** The loops' tunings for the snapshot: the last ones again unless a gain or the auto-tune changed. */
    private LoopTunings loopTunings() {
        PidTuning seed = heater.loop(LoopId.SEED).tuning();
        PidTuning gradient = heater.loop(LoopId.GRADIENT).tuning();
        PidTuning pressureTuning = pressureLoop.loop().tuning();
        if (seed != tunings.seed() || gradient != tunings.gradient() || pressureTuning != tunings.pressure()
                || autoTune.status() != tunings.autoTune()) {
            tunings = new LoopTunings(seed, gradient, pressureTuning, profile.loops(), profile.heater().seedSchedule(),
                    autoTune.status());
        }
        return tunings;
    }

    private RunStatus runStatus() {
        Step step = programmer.step();
        return new RunStatus(programmer.recipe().name(), programmer.state(), programmer.holdReason(),
                programmer.stepIndex(), step == null ? "" : step.name(), step == null ? "" : step.typeName(),
                programmer.stepTimerS(), programmer.stepDurationS(), programmer.holdingBack(),
                programmer.waitingForPyrometerRange());
    }

    // ---- checkpoint and recovery ----

    /** Where the run stands after the last scan, to go on from after a restart. */
    RunCheckpoint checkpoint(OutputImage out) {
        if (restoredFrom != null && !outputsReady) {
            return restoredFrom; // not taken up yet: nothing has moved since the journal
        }
        java.util.EnumMap<Signal, Double> outputs = new java.util.EnumMap<>(Signal.class);
        for (Signal s : outputSignals) {
            outputs.put(s, out.value(s));
        }
        return new RunCheckpoint(lastScan == null ? Instant.EPOCH : lastScan, programmer.checkpoint(), heater.split(),
                heaterEnabled, heaterCommandKw, lastThrottlePct, vacuum.turboRunning(), heartbeat, lastCommLossS,
                interlocks.checkpoint(), permissives.vacuumReached(), permissives.leakCheckHasPassed(),
                alarms.export(), outputs);
    }

    /**
     * Takes a run up again from a checkpoint, before the first scan: the programmer at its step and step time, the
     * latched rows, bypasses, permissives reached and alarm states as they were. Nothing is written to the furnace
     * until the first scan with every input, which takes the heater from the measured power and the throttle from
     * its last command (bumpless) and journals the recovery.
     */
    void restore(RunCheckpoint saved, Recovery how) {
        if (scans > 0) {
            throw new IllegalStateException("a checkpoint is restored before the first scan");
        }
        programmer.restore(saved.program());
        heater.restoreSplit(saved.heaterSplit());
        interlocks.restore(saved.interlocks());
        permissives.restore(saved.vacuumReached(), saved.leakCheckPassed());
        alarmsNoLongerDefined = alarms.restore(saved.alarms());
        vacuum.restoreTurbo(saved.turboRunning());
        heaterEnabled = saved.heaterEnabled();
        heaterCommandKw = saved.heaterCommandKw();
        lastThrottlePct = saved.throttlePct();
        heartbeat = (saved.heartbeat() + 1) % HEARTBEAT_MODULUS;
        lastCommLossS = saved.lastCommLossS();
        restoredFrom = saved;
        recovery = how;
        outputsReady = false;
    }

    /**
     * The first scan of a restored run with every input: the heater's command starts from the power the supplies
     * deliver (the PLC's watchdog holds it while the controller is away), the pressure loop from the throttle's last
     * command; the recovery is journaled, and beyond the outage limit the run is held for an operator.
     */
    private void takeUpRestoredRun(ProcessImage in) {
        outputsReady = true;
        heater.trackMeasured(measuredPowerKw(in));
        pressureLoop.track(lastThrottlePct, programmer.pressureSetpointMbar(), view.pressureMbar());
        ProgramCheckpoint at = restoredFrom.program();
        String where = String.format(Locale.ROOT, "at step %d, step time %.1f s (%s), %s", at.stepIndex() + 1,
                at.stepTimerS(), at.state().label(), recovery.describe());
        if (!alarmsNoLongerDefined.isEmpty()) {
            where += "; alarms the profile no longer defines, left out: " + alarmsNoLongerDefined;
        }
        programmer.recovered(where, !recovery.withinLimit());
        if (recovery.withinLimit()) {
            recoveryResetLeftS = recovery.plcResetWindowS();
        }
    }

    /**
     * Within the outage limit the recovery resets the PLC's watchdog by itself, once, when the PLC reports it tripped
     * (it did while the controller was away), holding {@code plc_watchdog_reset} on until the PLC reports it clear or
     * the window ends. If the window ends first, the row holds the run as it always does.
     */
    private void superviseRecoveryReset(double dtS) {
        if (recoveryResetLeftS <= 0) {
            return;
        }
        if (!recoveryResetSent && interlocks.isActive(InterlockId.PLC_WATCHDOG)) {
            recoveryResetSent = true;
            String why = "the controller was restarted: " + recovery.describe();
            commands.decide(new CommandRequest(new Command.ResetPlcWatchdog(), Recovery.ACTOR, why), () -> {
                interlocks.resetPlcWatchdog(recoveryResetLeftS);
                return Outcome.done("plc_watchdog_reset on until the PLC reports its watchdog clear");
            });
        }
        boolean cleared = recoveryResetSent && !interlocks.isActive(InterlockId.PLC_WATCHDOG);
        recoveryResetLeftS = cleared ? 0.0 : Math.max(0.0, recoveryResetLeftS - dtS);
    }

    /** The only latched row is the PLC's watchdog, which the recovery is resetting: it does not hold the run. */
    private boolean recoveryResettingWatchdogOnly() {
        return recoveryResetLeftS > 0 && interlocks.active().equals(Set.of(InterlockId.PLC_WATCHDOG));
    }

    // ---- commands, applied between scans ----

    /**
     * Applies a command at {@code time}, the time of the scan it precedes. Its outcome is journaled after its
     * effects (the hold, the trips reset), so that the journal reads cause, effect, verdict. A start is decided by
     * the next scan that has every input, against that scan's permissives, and journaled then.
     */
    void apply(CommandRequest request, Instant time) {
        log.setTime(time);
        commands.apply(request);
    }

    /** A start the scan decides: the run starts if every energising permissive holds. */
    private void decideStart() {
        CommandRequest request = pendingStart;
        pendingStart = null;
        commands.decide(request, () -> {
            Set<Permissive> missing = permissives.missingToEnergise();
            if (!missing.isEmpty()) {
                return Outcome.refused("start permissives missing: " + labels(missing));
            }
            permissives.runStarted();
            programmer.start(view);
            return Outcome.done("started");
        });
    }

    private static String labels(Set<Permissive> missing) {
        return missing.stream().map(Permissive::label).toList().toString();
    }

    private record Outcome(boolean accepted, String detail) {
        static Outcome done(String detail) {
            return new Outcome(true, detail);
        }

        static Outcome refused(String why) {
            return new Outcome(false, why);
        }
    }

    /** Checks a request against the role and the run's state, applies it and journals it with before and after. */
    private final class Commands {
        void apply(CommandRequest request) {
            if (request.command() instanceof Command.Start) {
                if (permitted(request) == null && pendingStart == null && programmer.state() == RunState.READY) {
                    pendingStart = request;
                    return;
                }
                decide(request, () -> Outcome.refused("the run has started already; it is "
                        + programmer.state().label()));
                return;
            }
            decide(request, () -> execute(request));
        }

        void decide(CommandRequest request, Supplier<Outcome> action) {
            Command command = request.command();
            Map<String, String> before = stateFor(command);
            String refusal = permitted(request);
            Outcome outcome = refusal != null ? Outcome.refused(refusal) : action.get();
            if (command.journaled() || !outcome.accepted()) { // a refused service report may be a forgery
                Map<String, String> after = stateFor(command);
                log.record((seq, t) -> new CommandEvent(seq, t, request.actor(), request.reason(), command,
                        outcome.accepted(), outcome.detail(), before, after, request.requestId()));
            }
        }

        /** Why the role or a missing reason forbids the request; null if neither does. */
        private String permitted(CommandRequest request) {
            Command command = request.command();
            if (!command.roles().contains(request.actor().role())) {
                return request.actor().role().withArticle() + " may not " + command.action().replace('_', ' ');
            } else if (command.needsReason() && request.reason().isBlank()) {
                return command.action().replace('_', ' ') + " needs a reason";
            }
            return null;
        }
    }

    /** The state a command acts on, for the audit trail's before and after. */
    private Map<String, String> stateFor(Command command) {
        if (command instanceof Command.Acknowledge ack) {
            return alarmState(ack.alarm());
        } else if (command instanceof Command.Shelve shelve) {
            return alarmState(shelve.alarm());
        } else if (command instanceof Command.Unshelve unshelve) {
            return alarmState(unshelve.alarm());
        } else if (command instanceof Command.ResetInterlocks || command instanceof Command.ResetPlcWatchdog) {
            return Map.of("interlocks_active", interlocks.active().stream().map(InterlockId::label).toList()
                    .toString());
        } else if (command instanceof Command.Bypass bypass) {
            return bypassState(bypass.interlock());
        } else if (command instanceof Command.EndBypass end) {
            return bypassState(end.interlock());
        } else if (command instanceof Command.Tune tune) {
            PidTuning t = pid(tune.loop()).tuning();
            return Map.of("kp", number(t.kp()), "ti_s", number(t.tiS()), "td_s", number(t.tdS()));
        } else if (command instanceof Command.OverrideSetpoint override) {
            return Map.of(override.setpoint().label(), number(programmer.setpoint(override.setpoint())));
        } else if (command instanceof Command.StartAutoTune start) {
            return autoTuneState(start.loop());
        } else if (command instanceof Command.AbortAutoTune abort) {
            return autoTuneState(abort.loop());
        } else if (command instanceof Command.AcceptTuning accept) {
            return autoTuneState(accept.loop());
        } else if (command instanceof Command.RejectTuning reject) {
            return autoTuneState(reject.loop());
        } else if (command instanceof Command.ReportCondition || command instanceof Command.ReportEvent) {
            return Map.of();
        } else if (command instanceof Command.LoadRecipe) {
            Recipe recipe = programmer.recipe();
            return Map.of("recipe", recipe.name(), "steps", Integer.toString(recipe.steps().size()),
                    "first_step", recipe.steps().get(0).name());
        }
        return Map.of("run_state", programmer.state().label(), "hold_reason", programmer.holdReason().label());
    }

    /** A loop's gains, the auto-tune's state and, while one waits, its proposal. */
    private Map<String, String> autoTuneState(LoopId loop) {
        PidTuning t = pid(loop).tuning();
        Map<String, String> state = new java.util.HashMap<>(Map.of("kp", number(t.kp()), "ti_s", number(t.tiS()),
                "td_s", number(t.tdS()), "auto_tune", autoTune.status().state().label()));
        Proposal proposal = autoTune.pending(loop);
        if (proposal != null) {
            RelayResult result = autoTune.status().result();
            state.put("proposed_kp", number(proposal.kp()));
            state.put("proposed_ti_s", number(proposal.tiS()));
            state.put("proposed_td_s", number(proposal.tdS()));
            state.put("ku_kw_per_k", number(result.ultimateGain()));
            state.put("pu_s", number(result.ultimatePeriodS()));
        }
        return state;
    }

    private Map<String, String> alarmState(AlarmId alarm) {
        return Map.of("alarm_state", alarms.state(alarm).label());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "none" : String.format(Locale.ROOT, "%.6g", value);
    }

    private Pid pid(LoopId loop) {
        return loop == LoopId.PRESSURE ? pressureLoop.loop() : heater.loop(loop);
    }

    private Map<String, String> bypassState(InterlockId id) {
        Double left = interlocks.bypasses().get(id);
        return Map.of("bypass_s_left", left == null ? "none" : String.format(Locale.ROOT, "%.0f", left));
    }

    private Outcome execute(CommandRequest request) {
        Command command = request.command();
        if (command instanceof Command.Hold) {
            return hold();
        } else if (command instanceof Command.Resume) {
            return resume();
        } else if (command instanceof Command.Abort) {
            return abort(request.reason());
        } else if (command instanceof Command.ResetInterlocks) {
            return resetInterlocks();
        } else if (command instanceof Command.Acknowledge ack) {
            return alarms.acknowledge(ack.alarm()) ? Outcome.done("acknowledged")
                    : Outcome.refused(ack.alarm() + " does not await acknowledgement");
        } else if (command instanceof Command.Shelve shelve) {
            ShelveResult result = alarms.shelve(shelve.alarm(), shelve.mode(), shelve.duration(), log.time());
            return result.accepted() ? Outcome.done(result.detail()) : Outcome.refused(result.detail());
        } else if (command instanceof Command.Unshelve unshelve) {
            return alarms.unshelve(unshelve.alarm()) ? Outcome.done("unshelved")
                    : Outcome.refused(unshelve.alarm() + " is not shelved");
        } else if (command instanceof Command.Bypass bypass) {
            String refusal = interlocks.bypass(bypass.interlock(), bypass.duration(), request.actor().role());
            return refusal == null ? Outcome.done("bypassed") : Outcome.refused(refusal);
        } else if (command instanceof Command.EndBypass end) {
            return interlocks.endBypass(end.interlock()) ? Outcome.done("bypass ended")
                    : Outcome.refused(end.interlock().label() + " is not bypassed");
        } else if (command instanceof Command.Tune tune) {
            return tune(tune);
        } else if (command instanceof Command.StartAutoTune start) {
            return startAutoTune(start);
        } else if (command instanceof Command.AbortAutoTune abort) {
            return abort.loop() == LoopId.SEED && autoTune.abort("aborted by " + request.actor())
                    ? Outcome.done("relay test aborted; the loop took over, bumpless, with its gains")
                    : Outcome.refused("no relay test of the " + abort.loop().label() + " loop is running");
        } else if (command instanceof Command.AcceptTuning accept) {
            return acceptTuning(accept.loop());
        } else if (command instanceof Command.RejectTuning reject) {
            if (autoTune.pending(reject.loop()) == null) {
                return Outcome.refused("no proposal for the " + reject.loop().label() + " loop awaits a decision");
            }
            autoTune.decided("rejected");
            return Outcome.done("proposal rejected; the gains stay");
        } else if (command instanceof Command.OverrideSetpoint override) {
            String refusal = Limits.check(profile, override.setpoint(), override.value(), programmer);
            refusal = refusal != null ? refusal : programmer.override(override.setpoint(), override.value());
            return refusal == null ? Outcome.done("overridden") : Outcome.refused(refusal);
        } else if (command instanceof Command.ReportCondition report) {
            alarms.update(report.alarm(), report.active(), report.detail());
            return Outcome.done("");
        } else if (command instanceof Command.ReportEvent report) {
            alarms.raiseEvent(report.alarm(), report.detail());
            return Outcome.done("");
        } else if (command instanceof Command.LoadRecipe load) {
            return loadRecipe(load);
        } else if (command instanceof Command.ResetPlcWatchdog) {
            return Outcome.refused("only the controller's recovery after a restart resets the PLC watchdog by itself");
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Another recipe replaces the loaded one while nothing of the run has happened yet. */
    private Outcome loadRecipe(Command.LoadRecipe load) {
        String misfit = misfit(load.recipe(), profile);
        if (misfit != null) {
            return Outcome.refused(misfit);
        } else if (programmer.state() != RunState.READY || pendingStart != null) {
            return Outcome.refused("a recipe is loaded only before the start; the run is "
                    + (pendingStart != null ? "starting" : programmer.state().label()));
        }
        programmer = new Programmer(load.recipe(), profile.chamberVolumeL(), log);
        return Outcome.done("loaded '" + load.recipe().name() + "' from " + load.source() + " (sha256 "
                + load.sha256() + ")");
    }

    /** Starts the relay test of the seed loop, if the run holds a steady soak under closed-loop control. */
    private Outcome startAutoTune(Command.StartAutoTune start) {
        String busy = !interlocks.active().isEmpty() ? "interlocks active: " + labelsOf(interlocks.active())
                : !interlocks.bypasses().isEmpty() ? "an interlock is bypassed: " + interlocks.bypasses().keySet()
                : null;
        String refusal = autoTune.start(start, programmer, heater.closedLoop(), busy, heater.totalPowerKw(),
                view.seedC());
        return refusal == null ? Outcome.done(String.format(Locale.ROOT, "relay test started: %.2f ± %.2f kW "
                + "around %.1f °C", heater.totalPowerKw(), start.amplitudeKw(), programmer.seedSetpointC()))
                : Outcome.refused(refusal);
    }

    /** The waiting proposal becomes the loop's gains, within the same limits as any other change. */
    private Outcome acceptTuning(LoopId loop) {
        Proposal proposal = autoTune.pending(loop);
        if (proposal == null) {
            return Outcome.refused("no proposal for the " + loop.label() + " loop awaits a decision");
        }
        Outcome outcome = tune(new Command.Tune(loop, proposal.kp(), proposal.tiS(), proposal.tdS()));
        if (outcome.accepted()) {
            autoTune.decided("accepted");
            return Outcome.done("proposal accepted (" + proposal.rule() + "): retuned");
        }
        return outcome;
    }

    /** New gains within a factor of ten of the profile's, the derivative time at most the integral time. */
    private Outcome tune(Command.Tune tune) {
        PidTuning profileTuning = switch (tune.loop()) {
            case SEED -> profile.loops().seed();
            case GRADIENT -> profile.loops().gradient();
            case PRESSURE -> profile.loops().pressure();
        };
        String refusal = tune.loop() == LoopId.SEED && autoTune.running()
                ? "a relay test of the seed loop is running; abort it first" : null;
        refusal = refusal != null ? refusal : Limits.gain("kp", tune.kp(), profileTuning.kp());
        refusal = refusal != null ? refusal : Limits.gain("ti_s", tune.tiS(), profileTuning.tiS());
        if (refusal == null && !(tune.tdS() >= 0 && tune.tdS() <= tune.tiS())) {
            refusal = "td_s must lie in 0..ti_s (" + tune.tiS() + "), not " + tune.tdS();
        } else if (refusal == null && tune.tdS() > 0 && !(profileTuning.derivativeFilterS() > 0)) {
            refusal = "the " + tune.loop().label() + " loop has no derivative filter: td_s must stay 0";
        }
        if (refusal != null) {
            return Outcome.refused(refusal);
        }
        pid(tune.loop()).retune(tune.kp(), tune.tiS(), tune.tdS());
        return Outcome.done("retuned");
    }

    private Outcome hold() {
        if (programmer.state() != RunState.RUNNING) {
            return Outcome.refused("nothing to hold: the run is " + programmer.state().label());
        }
        programmer.hold(HoldReason.OPERATOR);
        return Outcome.done("held");
    }

    /** Resumes a held run; refused while an interlock is latched or a heating permissive holds it. */
    private Outcome resume() {
        if (programmer.state() != RunState.HELD) {
            return Outcome.refused("nothing to resume: the run is " + programmer.state().label());
        }
        if (interlocks.anyLatched()) {
            return Outcome.refused("interlocks active: " + labelsOf(interlocks.active()) + "; reset them first");
        }
        if (programmer.holdReason() == HoldReason.PERMISSIVE && !permissives.heatingMet()) {
            return Outcome.refused("heating permissives missing: " + labels(permissives.missing()));
        }
        programmer.resume(view);
        return Outcome.done("resumed");
    }

    private static String labelsOf(Set<InterlockId> ids) {
        return ids.stream().map(InterlockId::label).toList().toString();
    }

    private Outcome abort(String why) {
        if (programmer.state().finished()) {
            return Outcome.refused("the run has ended already; it is " + programmer.state().label());
        }
        if (pendingStart != null) {
            CommandRequest start = pendingStart;
            pendingStart = null;
            commands.decide(start, () -> Outcome.refused("aborted before it started"));
        }
        programmer.abort(why);
        return Outcome.done("aborted");
    }

    /**
     * Resets the interlocks whose cause is gone, and pulses the PLC's watchdog reset (which the PLC accepts only
     * with the heartbeat running).
     */
    private Outcome resetInterlocks() {
        watchdogResetScans = WATCHDOG_RESET_SCANS;
        Set<InterlockId> still = interlocks.reset();
        return Outcome.done(still.isEmpty() ? "no interlock active"
                : "still active, cause present or awaiting the PLC: " + labelsOf(still));
    }

    private SafetyStatus safetyStatus() {
        Set<InterlockId> active = interlocks.active();
        Map<InterlockId, Double> bypasses = interlocks.bypasses();
        Set<Permissive> missing = permissives.missing();
        if (active != safety.active() || !bypasses.equals(safety.bypassSecondsLeft())
                || missing != safety.missingPermissives()) {
            safety = new SafetyStatus(active, interlocks.firstOut(), bypasses, missing);
        }
        return safety;
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
