package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.event.EventLog;
import java.util.Locale;

/**
 * The setpoint programmer: runs a validated recipe step by step, one call per scan. Pure: it sees the furnace only
 * through a {@link ProcessView} and time only as the scan's {@code dtS}.
 *
 * <p>The step timer stands still while the run is held, while holdback finds the seed temperature too far from
 * its setpoint, and while a temperature step waits for the pyrometers to come into range (the heater then runs
 * open loop); when they do, the temperature setpoints start from the measured values.
 */
public final class Programmer {
    private static final double WAIT_CONFIRM_S = 2.0;
    /** Step times are sums of scan periods; this absorbs their rounding so a 1 h step takes 36000 scans, not 36001. */
    static final double TIME_EPSILON_S = 1e-6;

    private final Recipe recipe;
    private final double chamberVolumeL;
    private final EventLog log;
    private final Channels working = new Channels();
    private RunState state = RunState.READY;
    private HoldReason holdReason = HoldReason.NONE;
    private HeaterMode heaterMode = HeaterMode.OFF;
    private VacuumMode vacuumMode = VacuumMode.VENT;
    private int stepIndex = -1;
    private double timerS;
    private double conditionMetS;
    private boolean holdingBack;
    private boolean waitingForRange;
    private RampPlan ramp;
    private LeakCheckRun leakCheck;
    private double lastLeakRateMbarLPerS = Double.NaN;

    public Programmer(Recipe recipe, double chamberVolumeL, EventLog log) {
        this.recipe = recipe;
        this.chamberVolumeL = chamberVolumeL;
        this.log = log;
    }

    public void start(ProcessView view) {
        if (state != RunState.READY) {
            throw new IllegalStateException("a run can only start once; it is " + state);
        }
        state = RunState.RUNNING;
        enterStep(0, view);
    }

    /** One scan. */
    public void update(ProcessView view, double dtS) {
        holdingBack = false;
        waitingForRange = false;
        if (state != RunState.RUNNING) {
            return;
        }
        Step step = recipe.steps().get(stepIndex);
        if (step instanceof Step.Ramp) {
            advanceRamp(view, dtS);
        } else if (step instanceof Step.Soak s) {
            advanceSoak(s, view, dtS);
        } else if (step instanceof Step.Wait w) {
            advanceWait(w, view, dtS);
        } else if (step instanceof Step.LeakCheck) {
            advanceLeakCheck(view, dtS);
        }
    }

    private void advanceRamp(ProcessView view, double dtS) {
        if (!temperaturesKnown(view)) {
            return;
        }
        if (!ramp.durationKnown()) {
            ramp.startTemperaturesAt(working.get(Channels.SEED), working.get(Channels.SOURCE));
        }
        if (!heldBack(view)) {
            timerS += dtS;
        }
        if (ramp.apply(timerS, working)) {
            nextStep(view);
        }
    }

    private void advanceSoak(Step.Soak soak, ProcessView view, double dtS) {
        if (!temperaturesKnown(view)) {
            return;
        }
        if (!heldBack(view)) {
            timerS += dtS;
        }
        if (timerS >= soak.duration().toMillis() / 1000.0 - TIME_EPSILON_S) {
            nextStep(view);
        }
    }

    private void advanceWait(Step.Wait wait, ProcessView view, double dtS) {
        timerS += dtS;
        conditionMetS = wait.until().stream().allMatch(c -> view.usable(c.variable()) && c.isMet(view.value(
                c.variable()))) ? conditionMetS + dtS : 0.0;
        if (conditionMetS >= WAIT_CONFIRM_S) {
            nextStep(view);
        } else if (wait.timeout().isPresent()
                && timerS >= wait.timeout().get().toMillis() / 1000.0 - TIME_EPSILON_S) {
            timedOut(wait, view);
        }
    }

    private void timedOut(Step.Wait wait, ProcessView view) {
        event(ProgramEvent.Type.WAIT_TIMED_OUT, "conditions not met within " + wait.timeout().orElseThrow());
        switch (wait.onTimeout()) {
            case HOLD -> hold(HoldReason.WAIT_TIMEOUT);
            case ABORT -> abort("wait step '" + wait.name() + "' timed out");
            case CONTINUE -> nextStep(view);
            default -> throw new IllegalStateException("unhandled timeout action " + wait.onTimeout());
        }
    }

    private void advanceLeakCheck(ProcessView view, double dtS) {
        timerS += dtS;
        LeakCheckRun.Result result = leakCheck.advance(timerS, view.pressureMbar());
        if (result == LeakCheckRun.Result.RUNNING) {
            return;
        }
        lastLeakRateMbarLPerS = leakCheck.leakRateMbarLPerS();
        String detail = leakCheck.verdict();
        if (result == LeakCheckRun.Result.PASSED) {
            event(ProgramEvent.Type.LEAK_CHECK_PASSED, detail);
            nextStep(view);
        } else {
            event(ProgramEvent.Type.LEAK_CHECK_FAILED, detail);
            Step.LeakCheck step = (Step.LeakCheck) recipe.steps().get(stepIndex);
            if (step.onFail() == Step.FailAction.ABORT) {
                abort("leak-rate check failed: " + detail);
            } else {
                hold(HoldReason.LEAK_CHECK_FAILED);
            }
        }
    }

    /**
     * In temperature mode, setpoints exist only once the pyrometers read in range; the first time they do, the
     * setpoints start from the measured temperatures.
     */
    private boolean temperaturesKnown(ProcessView view) {
        if (heaterMode != HeaterMode.TEMPERATURE || !Double.isNaN(working.get(Channels.SEED))) {
            return true;
        }
        if (!view.temperatureControlAvailable()) {
            waitingForRange = true;
            return false;
        }
        working.set(Channels.SEED, view.seedC());
        working.set(Channels.SOURCE, view.sourceC());
        return true;
    }

    private boolean heldBack(ProcessView view) {
        Holdback holdback = activeHoldback();
        if (holdback == null || heaterMode != HeaterMode.TEMPERATURE) {
            return false;
        }
        holdingBack = holdback.holds(view.seedC() - working.get(Channels.SEED));
        return holdingBack;
    }

    private Holdback activeHoldback() {
        Step step = recipe.steps().get(stepIndex);
        if (!(step instanceof Step.Ramp || step instanceof Step.Soak)) {
            return null;
        }
        return step.settings().holdback().or(recipe::defaultHoldback).orElse(null);
    }

    private void nextStep(ProcessView view) {
        Step finished = recipe.steps().get(stepIndex);
        event(ProgramEvent.Type.STEP_FINISHED, "");
        if (stepIndex + 1 < recipe.steps().size()) {
            enterStep(stepIndex + 1, view);
        } else {
            state = RunState.COMPLETE;
            heaterMode = HeaterMode.OFF;
            working.set(Channels.ARGON, 0.0);
            working.set(Channels.NITROGEN, 0.0);
            int number = stepIndex + 1;
            log.record((seq, time) -> new ProgramEvent(seq, time, ProgramEvent.Type.COMPLETED, number,
                    finished.name(), ""));
        }
    }

    private void enterStep(int index, ProcessView view) {
        stepIndex = index;
        timerS = 0.0;
        conditionMetS = 0.0;
        ramp = null;
        leakCheck = null;
        Step step = recipe.steps().get(index);
        StepSettings settings = step.settings();
        settings.heater().ifPresent(mode -> changeHeaterMode(mode, view));
        settings.vacuum().ifPresent(mode -> changeVacuumMode(mode, view));
        if (step instanceof Step.Ramp r) {
            boolean unknownStart = heaterMode == HeaterMode.TEMPERATURE && Double.isNaN(working.get(Channels.SEED));
            ramp = new RampPlan(working, settings.targets(), r.pace(), unknownStart);
        } else if (step instanceof Step.LeakCheck l) {
            leakCheck = new LeakCheckRun(l, chamberVolumeL);
        } else {
            for (int c = 0; c < Channels.COUNT; c++) {
                working.set(c, Channels.target(settings.targets(), c, working.get(c)));
            }
        }
        event(ProgramEvent.Type.STEP_STARTED, step.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** Bumpless mode changes: power starts from what is applied, temperatures from what is measured. */
    private void changeHeaterMode(HeaterMode mode, ProcessView view) {
        if (mode == heaterMode) {
            return;
        }
        if (mode == HeaterMode.POWER) {
            working.set(Channels.POWER, view.heaterPowerKw());
        }
        if (heaterMode == HeaterMode.TEMPERATURE || mode == HeaterMode.TEMPERATURE) {
            working.set(Channels.SEED, Double.NaN);
            working.set(Channels.SOURCE, Double.NaN);
        }
        heaterMode = mode;
    }

    /** Entering pressure control starts the pressure setpoint from the measured pressure. */
    private void changeVacuumMode(VacuumMode mode, ProcessView view) {
        if (mode == VacuumMode.PROCESS && vacuumMode != VacuumMode.PROCESS) {
            working.set(Channels.PRESSURE, view.pressureMbar());
        }
        vacuumMode = mode;
    }

    // ---- operator commands ----

    /** Holds the run: timers and setpoints stand still, the loops keep controlling. */
    public void hold(HoldReason reason) {
        boolean escalates = state == RunState.HELD && reason == HoldReason.INTERLOCK
                && (holdReason == HoldReason.COMM_LOSS || holdReason == HoldReason.PERMISSIVE);
        if (state == RunState.RUNNING || escalates) {
            // a latched interlock outranks a hold that would end by itself: the run now waits for the operator
            state = RunState.HELD;
            holdReason = reason;
            event(ProgramEvent.Type.HELD, reason.label());
        }
    }

    /** Resumes a held run; after a failed leak check the run goes on with the next step. */
    public void resume(ProcessView view) {
        if (state != RunState.HELD) {
            return;
        }
        HoldReason reason = holdReason;
        state = RunState.RUNNING;
        holdReason = HoldReason.NONE;
        event(ProgramEvent.Type.RESUMED, reason.label());
        if (reason == HoldReason.LEAK_CHECK_FAILED) {
            nextStep(view);
        } else if (reason == HoldReason.WAIT_TIMEOUT) {
            timerS = 0.0;
        } else if (leakCheck != null) {
            // held, the chamber was pumped again: the rise measured so far is void, the check starts over
            leakCheck = new LeakCheckRun((Step.LeakCheck) recipe.steps().get(stepIndex), chamberVolumeL);
            timerS = 0.0;
        }
    }

    /** Ends the run: heater off, gas off, a chamber under pressure control is isolated. */
    public void abort(String why) {
        if (state.finished()) {
            return;
        }
        state = RunState.ABORTED;
        heaterMode = HeaterMode.OFF;
        working.set(Channels.ARGON, 0.0);
        working.set(Channels.NITROGEN, 0.0);
        if (vacuumMode == VacuumMode.PROCESS) {
            vacuumMode = VacuumMode.ISOLATED;
        }
        event(ProgramEvent.Type.ABORTED, why);
    }

    private void event(ProgramEvent.Type type, String detail) {
        int number = stepIndex + 1;
        String name = stepIndex < 0 ? "" : recipe.steps().get(stepIndex).name();
        log.record((seq, time) -> new ProgramEvent(seq, time, type, number, name, detail));
    }

    /**
     * Overrides one setpoint of a run held in a soak or a wait, where setpoints stand until the next step; returns
     * why not, or null when done. The value must already have been checked against the furnace's limits.
     */
    public String override(Setpoint setpoint, double value) {
        Step step = stepIndex < 0 ? null : recipe.steps().get(stepIndex);
        if (state != RunState.HELD) {
            return "setpoints are overridden only in a held run; it is " + state.label();
        } else if (!(step instanceof Step.Soak || step instanceof Step.Wait)) {
            return "setpoints are overridden only in a soak or a wait, not in a " + step.typeName();
        }
        working.set(setpoint.channel(), value);
        return null;
    }

    /** The working value of a setpoint; NaN where none is set. */
    public double setpoint(Setpoint setpoint) {
        return working.get(setpoint.channel());
    }

    // ---- checkpoint and recovery ----

    /** Where the run stands now, to go on from after a restart. */
    public ProgramCheckpoint checkpoint() {
        return new ProgramCheckpoint(state, holdReason, heaterMode, vacuumMode, stepIndex, timerS, conditionMetS,
                Setpoints.of(working), ramp == null ? null : ramp.checkpoint(), lastLeakRateMbarLPerS);
    }

    /**
     * Takes a run up again where a checkpoint left it, before the first scan of a restarted controller. Records no
     * event: the caller says what happened ({@link #recovered}).
     *
     * @throws IllegalArgumentException if the checkpoint does not fit this recipe (a step it does not have, a ramp
     *                                  plan for a step that is no ramp)
     */
    public void restore(ProgramCheckpoint saved) {
        if (state != RunState.READY) {
            throw new IllegalStateException("a checkpoint is restored before the first scan; the run is " + state);
        }
        int steps = recipe.steps().size();
        if (saved.stepIndex() < -1 || saved.stepIndex() >= steps) {
            throw new IllegalArgumentException("the checkpoint's step " + (saved.stepIndex() + 1) + " is not a step of "
                    + "recipe '" + recipe.name() + "' (" + steps + " steps)");
        }
        Step step = saved.stepIndex() < 0 ? null : recipe.steps().get(saved.stepIndex());
        if ((saved.ramp() != null) != (step instanceof Step.Ramp)) {
            throw new IllegalArgumentException("the checkpoint's ramp plan does not fit step " + (saved.stepIndex() + 1)
                    + " of recipe '" + recipe.name() + "'");
        }
        state = saved.state();
        holdReason = saved.holdReason();
        heaterMode = saved.heaterMode();
        vacuumMode = saved.vacuumMode();
        stepIndex = saved.stepIndex();
        // a leak check's readings are not journaled: like after a hold, it starts over
        timerS = step instanceof Step.LeakCheck ? 0.0 : saved.stepTimerS();
        conditionMetS = saved.conditionMetS();
        saved.working().into(working);
        ramp = step instanceof Step.Ramp r ? new RampPlan(saved.ramp(), r.pace()) : null;
        leakCheck = step instanceof Step.LeakCheck l ? new LeakCheckRun(l, chamberVolumeL) : null;
        lastLeakRateMbarLPerS = saved.lastLeakRateMbarLPerS();
    }

    /**
     * Journals that a restarted controller took the run up again, and holds it for an operator if the outage was
     * too long ({@code holdForOperator}): a running run, or one held only for a communication loss, is held with
     * reason RECOVERY; a run held for another reason keeps it, as it waits for an operator already.
     */
    public void recovered(String detail, boolean holdForOperator) {
        event(ProgramEvent.Type.RECOVERED, detail);
        if (holdForOperator && state == RunState.RUNNING) {
            hold(HoldReason.RECOVERY);
        } else if (holdForOperator && holdReason == HoldReason.COMM_LOSS) {
            holdReason = HoldReason.RECOVERY;
            event(ProgramEvent.Type.HELD, HoldReason.RECOVERY.label());
        }
    }

    // ---- what the loops follow ----

    public HeaterMode heaterMode() {
        return heaterMode;
    }

    /** The vacuum mode in force: a leak check isolates the chamber whatever the recipe's mode. */
    public VacuumMode vacuumMode() {
        if (state == RunState.RUNNING && leakCheck != null) {
            return VacuumMode.ISOLATED;
        }
        return vacuumMode;
    }

    public double seedSetpointC() {
        return heaterMode == HeaterMode.TEMPERATURE ? working.get(Channels.SEED) : Double.NaN;
    }

    public double sourceSetpointC() {
        return heaterMode == HeaterMode.TEMPERATURE ? working.get(Channels.SOURCE) : Double.NaN;
    }

    public double powerSetpointKw() {
        return heaterMode == HeaterMode.POWER ? working.get(Channels.POWER) : 0.0;
    }

    /** Pressure setpoint in PROCESS mode, NaN otherwise. */
    public double pressureSetpointMbar() {
        return vacuumMode() == VacuumMode.PROCESS ? working.get(Channels.PRESSURE) : Double.NaN;
    }

    /** Gas flows only under pressure control; elsewhere it would load the turbo pump or fill a sealed chamber. */
    public double argonSetpointSccm() {
        return vacuumMode() == VacuumMode.PROCESS ? working.get(Channels.ARGON) : 0.0;
    }

    public double nitrogenSetpointSccm() {
        return vacuumMode() == VacuumMode.PROCESS ? working.get(Channels.NITROGEN) : 0.0;
    }

    // ---- status ----

    public RunState state() {
        return state;
    }

    public HoldReason holdReason() {
        return holdReason;
    }

    public Recipe recipe() {
        return recipe;
    }

    /** Zero-based index of the current step; -1 before the start. */
    public int stepIndex() {
        return stepIndex;
    }

    public Step step() {
        return stepIndex < 0 ? null : recipe.steps().get(stepIndex);
    }

    /** Time the step timer has run in the current step, seconds. */
    public double stepTimerS() {
        return timerS;
    }

    /**
     * The current step's planned duration on its step timer, seconds: a ramp's from its pace (once its start is
     * known), a soak's, a leak check's settle and windows; NaN for a wait, whose end depends on its conditions.
     */
    public double stepDurationS() {
        Step step = step();
        if (step instanceof Step.Soak soak) {
            return soak.duration().toMillis() / 1000.0;
        } else if (step instanceof Step.LeakCheck check) {
            return check.settle().plus(check.duration()).toMillis() / 1000.0;
        } else if (step instanceof Step.Ramp && ramp != null) {
            return ramp.durationS();
        }
        return Double.NaN;
    }

    /** True in a scan where holdback stopped the step timer. */
    public boolean holdingBack() {
        return holdingBack;
    }

    /** True in a scan where a temperature step waited for the pyrometers to come into range. */
    public boolean waitingForPyrometerRange() {
        return waitingForRange;
    }

    public boolean finished() {
        return state.finished();
    }

    public double lastLeakRateMbarLPerS() {
        return lastLeakRateMbarLPerS;
    }
}
