package com.sicfurnace.controller.loop;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.control.HeaterControl;
import com.sicfurnace.controller.control.HeaterDemand;
import com.sicfurnace.controller.control.PressureControl;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.ProgramEvent;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.vacuum.ChamberPressure;
import com.sicfurnace.controller.vacuum.VacuumSequencer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The control core of one furnace. One call of {@link #scan} is one scan cycle:
 * inputs -> programmer -> loops -> vacuum sequence -> interlocks -> outputs. It never touches a socket, a thread
 * or a clock: the caller passes the inputs and the scan's time and sends the outputs on. Operator commands are
 * applied between scans by the caller's thread.
 */
public final class FurnaceController {
    private static final int HEARTBEAT_MODULUS = 65536;
    /** Scans the PLC watchdog reset stays on: long enough for the PLC to see the edge. */
    private static final int WATCHDOG_RESET_SCANS = 5;

    private final FurnaceProfile profile;
    private final Programmer programmer;
    private final HeaterControl heater;
    private final PressureControl pressureLoop;
    private final VacuumSequencer vacuum;
    private final ChamberPressure pressure;
    private final Interlocks interlocks;
    private final Alarms alarms = new Alarms();
    private final AlarmMonitor alarmMonitor;
    private final LiveView view;
    private final ScanState state = new ScanState();
    private final List<ProgramEvent> programEvents = new ArrayList<>();
    private Instant lastScan;
    private Instant now;
    private int heartbeat;
    private int watchdogResetScans;
    private boolean startRequested;
    private CommMonitor comm;
    private double lastCommLossS;

    public FurnaceController(FurnaceProfile profile, Recipe recipe) {
        if (!recipe.furnace().equals(profile.furnace())) {
            throw new IllegalArgumentException("recipe '" + recipe.name() + "' is for a " + recipe.furnace()
                    + " furnace, this one is " + profile.furnace());
        }
        this.profile = profile;
        this.programmer = new Programmer(recipe, profile.chamberVolumeL());
        this.heater = new HeaterControl(profile);
        this.pressureLoop = new PressureControl(profile);
        this.vacuum = new VacuumSequencer(profile.vacuum());
        this.pressure = new ChamberPressure(profile.vacuum());
        this.interlocks = new Interlocks(profile);
        this.alarmMonitor = new AlarmMonitor(profile, alarms);
        this.view = new LiveView(pressure, heater);
    }

    public void scan(ProcessImage in, OutputImage out, Instant scanTime) {
        double dtS = lastScan == null ? profile.scanPeriodS() : Duration.between(lastScan, scanTime).toNanos() / 1e9;
        lastScan = scanTime;
        now = scanTime;
        if (!in.complete()) {
            awaitFirstData(out);
            return;
        }
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
            programmer.hold(Programmer.HoldReason.INTERLOCK);
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
        recordState(in);
        alarmMonitor.evaluate(state, in, out, interlocks, programmer, comm, scanTime, dtS);
        raiseProgramAlarms();
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
            programmer.hold(Programmer.HoldReason.COMM_LOSS);
        } else if (programmer.holdReason() == Programmer.HoldReason.COMM_LOSS
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

    private void recordState(ProcessImage in) {
        state.set(programmer.seedSetpointC(), in.value(Signal.PYRO_TOP_C), programmer.sourceSetpointC(),
                in.value(Signal.PYRO_BOTTOM_C), programmer.pressureSetpointMbar(), view.pressureMbar(),
                heater.totalPowerKw(), heater.closedLoop(), vacuum.throttleControlled());
    }

    private void raiseProgramAlarms() {
        for (ProgramEvent e : programmer.drainEvents()) {
            programEvents.add(e);
            switch (e.type()) {
                case ABORTED -> alarms.raiseEvent(AlarmId.RUN_ABORTED, now, e.detail());
                case LEAK_CHECK_FAILED -> alarms.raiseEvent(AlarmId.LEAK_CHECK_FAILED, now, e.detail());
                case WAIT_TIMED_OUT -> alarms.raiseEvent(AlarmId.WAIT_TIMEOUT, now, e.stepName() + ": " + e.detail());
                default -> { }
            }
        }
    }

    // ---- operator commands, applied between scans ----

    /** Starts the recipe at the next scan. */
    public void start() {
        startRequested = true;
    }

    public void hold() {
        programmer.hold();
    }

    /** Resumes a held run; refused while an interlock is latched. */
    public boolean resume() {
        if (!interlocks.heaterPermitted()) {
            return false;
        }
        programmer.resume(view);
        return true;
    }

    public void abort(String why) {
        programmer.abort(why);
    }

    /**
     * Resets the interlocks whose cause is gone, and the PLC's watchdog (which the PLC accepts only with the
     * heartbeat running); returns the trips still latched.
     */
    public Set<Trip> resetInterlocks() {
        watchdogResetScans = WATCHDOG_RESET_SCANS;
        return interlocks.reset();
    }

    /**
     * A condition of the controller's own services (telemetry) that the operator must see, raised or cleared at
     * once with the time of the last scan.
     */
    public void reportCondition(AlarmId alarm, boolean active, String detail) {
        alarms.update(alarm, active, now == null ? Instant.EPOCH : now, detail);
    }

    /** An event of the controller's own services (a quarantined batch): raised and returned at once. */
    public void reportEvent(AlarmId alarm, String detail) {
        alarms.raiseEvent(alarm, now == null ? Instant.EPOCH : now, detail);
    }

    public void acknowledge(AlarmId alarm) {
        alarms.acknowledge(alarm, now == null ? Instant.EPOCH : now);
    }

    // ---- status ----

    public Programmer programmer() {
        return programmer;
    }

    public ScanState state() {
        return state;
    }

    public Set<Trip> latchedTrips() {
        return interlocks.latched();
    }

    public Set<AlarmId> activeAlarms() {
        return alarms.active();
    }

    public List<AlarmEvent> drainAlarmEvents() {
        return alarms.drainEvents();
    }

    /** Programmer events since the last call, oldest first, for the run journal. */
    public List<ProgramEvent> drainProgramEvents() {
        if (programEvents.isEmpty()) {
            return List.of();
        }
        List<ProgramEvent> drained = List.copyOf(programEvents);
        programEvents.clear();
        return drained;
    }
}
