package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.tuning.AutoTuneStatus;
import com.sicfurnace.controller.tuning.Proposal;
import com.sicfurnace.controller.tuning.RelaySettings;
import com.sicfurnace.controller.tuning.RelayTest;
import com.sicfurnace.controller.tuning.TuningEvent;
import java.util.Locale;

/**
 * Runs the relay auto-tune of the seed loop inside the scan: when it may start, what the relay asks of the heater
 * each scan, and when it must stop. The relay's output goes the loop's way (the heater's limits, the interlocks,
 * the output guard); anything that takes the run off its steady soak (a hold, a trip, another step, a moved
 * setpoint, a lost device) aborts the test. However it ends, the loop takes over in the same scan, bumplessly from the
 * power the relay applied last (it tracked it all along), with the gains it had.
 */
final class AutoTune {
    /** A setpoint that moves by more than this is a step change: the test's steady state is gone. */
    private static final double SETPOINT_TOLERANCE_K = 1e-6;

    private final FurnaceProfile profile;
    private final EventLog log;
    private RelayTest test;
    private int stepIndex;
    private AutoTuneStatus status = AutoTuneStatus.IDLE;

    AutoTune(FurnaceProfile profile, EventLog log) {
        this.profile = profile;
        this.log = log;
    }

    /** Why the test cannot start now, or null when it has started. */
    String start(Command.StartAutoTune start, Programmer programmer, boolean closedLoop, String interlocksBusy,
                 double biasKw, double measurementC) {
        RelaySettings settings = new RelaySettings(start.amplitudeKw(), start.bandK(), start.hysteresisK(),
                start.cycles(), start.maxS());
        String refusal = refusal(start.loop(), settings, programmer, closedLoop, interlocksBusy);
        if (refusal == null) {
            refusal = outOfReach(settings, programmer.seedSetpointC(), biasKw, measurementC);
        }
        if (refusal != null) {
            return refusal;
        }
        FurnaceProfile.Schedule schedule = profile.heater().seedSchedule();
        double setpointC = programmer.seedSetpointC();
        test = new RelayTest(settings, setpointC, biasKw, schedule.gainScale(setpointC),
                schedule.timeScale(setpointC), measurementC);
        stepIndex = programmer.stepIndex();
        status = runningStatus();
        return null;
    }

    private String refusal(LoopId loop, RelaySettings settings, Programmer programmer, boolean closedLoop,
                           String interlocksBusy) {
        Step step = programmer.step();
        if (loop != LoopId.SEED) {
            return "only the seed loop has a relay test; tune the " + loop.label() + " loop by hand";
        } else if (running()) {
            return "a relay test of the seed loop is running already";
        } else if (settings.problem() != null) {
            return settings.problem();
        } else if (programmer.state() != RunState.RUNNING || step == null || !(step instanceof Step.Soak)) {
            return "the relay test needs a steady setpoint: the run must be running in a soak; it is "
                    + programmer.state().label() + (step == null ? "" : " in a " + step.typeName());
        } else if (programmer.heaterMode() != HeaterMode.TEMPERATURE || !closedLoop) {
            return "the seed loop must be controlling the temperature in closed loop";
        } else if (interlocksBusy != null) {
            return interlocksBusy;
        }
        return null;
    }

    /** Why the relay's output or the seed's distance from its setpoint rules the test out, or null. */
    private String outOfReach(RelaySettings settings, double setpointC, double biasKw, double measurementC) {
        double ceilingKw = Math.min(profile.limits().maxPowerKw(), profile.loops().seed().outMax());
        if (biasKw - settings.amplitudeKw() < 0 || biasKw + settings.amplitudeKw() > ceilingKw) {
            return String.format(Locale.ROOT, "amplitude_kw: the relay's output %.2f ± %.2f kW must stay within "
                    + "0..%.1f kW", biasKw, settings.amplitudeKw(), ceilingKw);
        } else if (!(Math.abs(measurementC - setpointC) <= settings.bandK() / 2)) {
            return String.format(Locale.ROOT, "the seed is %.1f K off its setpoint: start when it holds within half "
                    + "the band (±%.1f K)", measurementC - setpointC, settings.bandK() / 2);
        }
        return null;
    }

    boolean running() {
        return test != null;
    }

    /**
     * This scan's relay output for a heater whose loops are in charge, or NaN when no test runs: also when the test
     * ends in this scan, so that the loop acts in it already.
     */
    double relayKw(Programmer programmer, double measurementC, double dtS) {
        if (test == null) {
            return Double.NaN;
        }
        String disturbed = disturbance(programmer);
        if (disturbed != null) {
            test.abort(disturbed);
        }
        double kw = test.update(measurementC, dtS);
        boolean running = test.phase() == RelayTest.Phase.RUNNING;
        settle();
        return running ? kw : Double.NaN;
    }

    private String disturbance(Programmer programmer) {
        if (programmer.state() != RunState.RUNNING) {
            return "the run is " + programmer.state().label();
        } else if (programmer.stepIndex() != stepIndex) {
            return "the step changed";
        } else if (Math.abs(programmer.seedSetpointC() - test.setpointC()) > SETPOINT_TOLERANCE_K) {
            return "the seed setpoint changed";
        } else if (programmer.heaterMode() != HeaterMode.TEMPERATURE) {
            return "the heater left temperature control";
        }
        return null;
    }

    /** The heater's loops are not in charge this scan (a trip, a lost device, the heater off): the test ends. */
    void interrupt(String reason) {
        if (test != null) {
            test.abort(reason);
            settle();
        }
    }

    /** Ends a running test on request; false if none runs. */
    boolean abort(String reason) {
        if (test == null) {
            return false;
        }
        test.abort(reason);
        settle();
        return true;
    }

    /** Journals a test that has ended and keeps its outcome in the status; refreshes a running one's status. */
    private void settle() {
        switch (test.phase()) {
            case RUNNING -> {
                if (test.cyclesMeasured() != status.cyclesMeasured() || test.elapsedS() >= status.elapsedS() + 1.0) {
                    status = runningStatus();
                }
            }
            case FINISHED -> {
                status = ended(AutoTuneStatus.State.FINISHED, "proposal awaits an engineer's decision");
                log.record((seq, t) -> new TuningEvent(seq, t, TuningEvent.Type.FINISHED, LoopId.SEED,
                        describe(test)));
                test = null;
            }
            case ABORTED -> {
                String reason = test.abortReason();
                status = ended(AutoTuneStatus.State.ABORTED, reason);
                log.record((seq, t) -> new TuningEvent(seq, t, TuningEvent.Type.ABORTED, LoopId.SEED, reason));
                test = null;
            }
        }
    }

    private static String describe(RelayTest test) {
        var r = test.result();
        Proposal p = r.proposal();
        return String.format(Locale.ROOT, "Ku %.4g kW/K, Pu %.1f s from %d cycles of ±%.2f K; %s proposes kp %.4g, "
                + "ti_s %.4g (at the schedule's reference)", r.ultimateGain(), r.ultimatePeriodS(), r.cycles(),
                r.oscillationK(), p.rule(), p.kp(), p.tiS());
    }

    private AutoTuneStatus runningStatus() {
        return new AutoTuneStatus(AutoTuneStatus.State.RUNNING, LoopId.SEED, test.settings(), test.setpointC(),
                test.biasKw(), test.cyclesMeasured(), Math.floor(test.elapsedS()), null, "");
    }

    private AutoTuneStatus ended(AutoTuneStatus.State state, String detail) {
        return new AutoTuneStatus(state, LoopId.SEED, test.settings(), test.setpointC(), test.biasKw(),
                test.cyclesMeasured(), test.elapsedS(), test.result(), detail);
    }

    /** The proposal waiting for a decision on this loop, or null. */
    Proposal pending(LoopId loop) {
        return status.awaitingDecision() && status.loop() == loop ? status.result().proposal() : null;
    }

    /** The proposal was accepted or rejected: the tuning screen goes idle, saying which. */
    void decided(String outcome) {
        status = new AutoTuneStatus(AutoTuneStatus.State.IDLE, status.loop(), status.settings(), status.setpointC(),
                status.biasKw(), status.cyclesMeasured(), status.elapsedS(), status.result(), outcome);
    }

    AutoTuneStatus status() {
        return status;
    }
}
