package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;

/** Evaluates every alarm condition once per scan and feeds the alarm state machine. */
final class AlarmMonitor {
    private static final InterlockId[] INTERLOCKS = InterlockId.values();
    private static final AlarmId[] COMM_ALARMS = {AlarmId.COMM_LOSS_PLC, AlarmId.COMM_LOSS_SUPPLY,
        AlarmId.COMM_LOSS_MFC, AlarmId.COMM_LOSS_GAUGES, AlarmId.COMM_LOSS_CHILLER};
    private final FurnaceProfile profile;
    private final Alarms alarms;
    private double seedOffS;
    private double pressureOffS;
    private double contactorMismatchS;

    AlarmMonitor(FurnaceProfile profile, Alarms alarms) {
        this.profile = profile;
        this.alarms = alarms;
    }

    void evaluate(LoopStatus loops, ProcessImage in, OutputImage out, Interlocks interlocks, Programmer programmer,
                  CommMonitor comm, double dtS) {
        for (InterlockId interlock : INTERLOCKS) {
            alarms.update(AlarmId.forInterlock(interlock), interlocks.isActive(interlock),
                    InterlockMatrix.rule(interlock).cause());
        }
        alarms.update(AlarmId.PYROMETER_TOP_FAILED, failed(in, Signal.PYRO_TOP_C), "pyro_top_c");
        alarms.update(AlarmId.PYROMETER_BOTTOM_FAILED, failed(in, Signal.PYRO_BOTTOM_C), "pyro_bottom_c");
        communication(comm);
        boolean supplyFault = in.isOn(Signal.PS1_FAULT) || (profile.zones() > 1 && in.isOn(Signal.PS2_FAULT));
        alarms.update(AlarmId.SUPPLY_FAULT, supplyFault, "ps fault input");
        boolean mismatch = out.isOn(Signal.HEATER_ENABLE) != in.isOn(Signal.HEATER_CONTACTOR_CLOSED);
        contactorMismatchS = mismatch ? contactorMismatchS + dtS : 0.0;
        alarms.update(AlarmId.CONTACTOR_MISMATCH, contactorMismatchS > profile.alarms().contactorDelayS(),
                "heater_contactor_closed differs from heater_enable");
        alarms.update(AlarmId.CHILLER_FAULT, !in.isOn(Signal.CHILLER_RUNNING), "chiller_running off");
        boolean soaking = programmer.state() == RunState.RUNNING && programmer.step() instanceof Step.Soak
                && programmer.stepTimerS() >= profile.alarms().deviationArmAfterS();
        double seedOffK = loops.seedDeviationK(in.value(Signal.PYRO_TOP_C));
        seedOffS = soaking && seedOffK > profile.alarms().temperatureDeviationK() ? seedOffS + dtS : 0.0;
        alarms.update(AlarmId.SEED_TEMPERATURE_DEVIATION, seedOffS > profile.alarms().deviationDelayS(),
                "seed pyrometer off its setpoint");
        pressureOffS = soaking && loops.pressureDeviationPct() > profile.alarms().pressureDeviationPct()
                ? pressureOffS + dtS : 0.0;
        alarms.update(AlarmId.PRESSURE_DEVIATION, pressureOffS > profile.alarms().deviationDelayS(),
                "chamber pressure off its setpoint");
        alarms.update(AlarmId.RUN_HELD_BY_INTERLOCK, programmer.holdReason() == HoldReason.INTERLOCK,
                "resume after resetting the interlocks");
    }

    /** One alarm per kind of device; both supplies (or both MFCs) share theirs. */
    private void communication(CommMonitor comm) {
        for (AlarmId alarm : COMM_ALARMS) {
            boolean lost = false;
            for (String device : comm.devices()) {
                lost |= AlarmId.forDevice(device) == alarm && comm.deviceLost(device);
            }
            alarms.update(alarm, lost, "no fresh data for more than the stale-scan limit");
        }
    }

    /** A failed sensor, as its device reports it; a merely stale one raises the communication alarm instead. */
    private static boolean failed(ProcessImage in, Signal signal) {
        return in.quality(signal) == Quality.BAD;
    }
}
