package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmInputs;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.alarm.ControllerValue;
import com.sicfurnace.controller.alarm.OperatingState;
import com.sicfurnace.controller.alarm.ProcessAlarms;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import java.util.Arrays;

/**
 * Feeds the alarm state machine once per scan: the profile's data-driven alarms through {@link ProcessAlarms}, with
 * the furnace's operating states for suppression by design, and the conditions only the core knows as system
 * alarms (trips, the contactor, why the run is held).
 */
final class AlarmMonitor {
    private static final InterlockId[] INTERLOCKS = InterlockId.values();
    private static final AlarmId[] INTERLOCK_ALARMS = Arrays.stream(INTERLOCKS)
            .map(id -> AlarmId.of("INTERLOCK_" + id.name())).toArray(AlarmId[]::new);
    private final FurnaceProfile profile;
    private final Alarms alarms;
    private final ScanInputs inputs = new ScanInputs();
    private ProcessAlarms processAlarms;
    private double contactorMismatchS;

    AlarmMonitor(FurnaceProfile profile, Alarms alarms) {
        this.profile = profile;
        this.alarms = alarms;
    }

    void evaluate(LoopStatus loops, ProcessImage in, OutputImage out, Interlocks interlocks, Programmer programmer,
                  CommMonitor comm, double dtS) {
        if (processAlarms == null) { // the furnace's devices are known from its first complete scan
            processAlarms = new ProcessAlarms(alarms, s -> in.present(s) && s.isInput(), comm.devices());
        }
        inputs.bind(in, loops, comm);
        processAlarms.evaluate(inputs, operatingStates(programmer, loops), dtS);
        for (InterlockId interlock : INTERLOCKS) {
            alarms.update(interlockAlarm(interlock), interlocks.isActive(interlock),
                    InterlockMatrix.rule(interlock).cause());
        }
        boolean mismatch = out.isOn(Signal.HEATER_ENABLE) != in.isOn(Signal.HEATER_CONTACTOR_CLOSED)
                && in.quality(Signal.HEATER_CONTACTOR_CLOSED) != Quality.STALE;
        contactorMismatchS = mismatch ? contactorMismatchS + dtS : 0.0;
        alarms.update(AlarmId.CONTACTOR_MISMATCH, contactorMismatchS > profile.alarms().contactorDelayS(),
                "heater_contactor_closed differs from heater_enable");
        alarms.update(AlarmId.RUN_HELD_BY_INTERLOCK, programmer.holdReason() == HoldReason.INTERLOCK,
                "resume after resetting the interlocks");
        alarms.endScan();
    }

    /** The states that suppress alarms by design, one bit each. */
    private int operatingStates(Programmer programmer, LoopStatus loops) {
        int states = 0;
        RunState run = programmer.state();
        Step step = programmer.step();
        if (run == RunState.HELD) {
            states |= OperatingState.HELD.bit();
        } else if (run != RunState.RUNNING) {
            states |= OperatingState.IDLE.bit();
        } else if (step instanceof Step.Ramp) {
            states |= OperatingState.RAMPING.bit();
        } else if (step instanceof Step.Soak) {
            states |= programmer.stepTimerS() < profile.alarms().settleS() ? OperatingState.SETTLING.bit() : 0;
        } else {
            states |= OperatingState.WAITING.bit();
        }
        if (loops.vacuumMode() == VacuumMode.VENT) {
            states |= OperatingState.VENTING.bit();
        } else if (loops.vacuumMode() == VacuumMode.ROUGH || loops.vacuumMode() == VacuumMode.HIGH_VACUUM) {
            states |= OperatingState.PUMPING_DOWN.bit();
        }
        if (loops.heaterMode() == HeaterMode.OFF) {
            states |= OperatingState.HEATER_OFF.bit();
        }
        return states;
    }

    /** The alarm of a row of the interlock matrix: raised while the row is active. */
    static AlarmId interlockAlarm(InterlockId interlock) {
        return INTERLOCK_ALARMS[interlock.ordinal()];
    }

    /** This scan's inputs, loops and lost devices as the alarm definitions read them; rebound each scan. */
    private static final class ScanInputs implements AlarmInputs {
        private ProcessImage in;
        private LoopStatus loops;
        private CommMonitor comm;

        void bind(ProcessImage image, LoopStatus loopStatus, CommMonitor commMonitor) {
            this.in = image;
            this.loops = loopStatus;
            this.comm = commMonitor;
        }

        @Override
        public double value(Signal signal) {
            return in.value(signal);
        }

        @Override
        public Quality quality(Signal signal) {
            return in.quality(signal);
        }

        @Override
        public double value(ControllerValue value) {
            return switch (value) {
                case PRESSURE_MBAR -> loops.pressureMbar();
                case SEED_SP_C -> loops.temperatureControlled() ? loops.seedSetpointC() : Double.NaN;
                case SOURCE_SP_C -> loops.temperatureControlled() ? loops.sourceSetpointC() : Double.NaN;
                case PRESSURE_SP_MBAR -> loops.pressureControlled() ? loops.pressureSetpointMbar() : Double.NaN;
            };
        }

        @Override
        public boolean deviceLost(String device) {
            return comm.deviceLost(device);
        }
    }
}
