package com.sicfurnace.controller.loop;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.safety.Trip;
import java.time.Instant;

/** Evaluates every alarm condition once per scan and feeds the alarm state machine. */
final class AlarmMonitor {
    private static final Trip[] TRIPS = Trip.values();
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

    void evaluate(ScanState s, ProcessImage in, OutputImage out, Interlocks interlocks, Programmer programmer,
                  CommMonitor comm, Instant now, double dtS) {
        for (Trip trip : TRIPS) {
            alarms.update(AlarmId.forTrip(trip), interlocks.isLatched(trip), now, trip.description());
        }
        alarms.update(AlarmId.PYROMETER_TOP_FAILED, failed(in, Signal.PYRO_TOP_C), now, "pyro_top_c");
        alarms.update(AlarmId.PYROMETER_BOTTOM_FAILED, failed(in, Signal.PYRO_BOTTOM_C), now, "pyro_bottom_c");
        communication(comm, now);
        boolean supplyFault = in.isOn(Signal.PS1_FAULT) || (profile.zones() > 1 && in.isOn(Signal.PS2_FAULT));
        alarms.update(AlarmId.SUPPLY_FAULT, supplyFault, now, "ps fault input");
        boolean mismatch = out.isOn(Signal.HEATER_ENABLE) != in.isOn(Signal.HEATER_CONTACTOR_CLOSED);
        contactorMismatchS = mismatch ? contactorMismatchS + dtS : 0.0;
        alarms.update(AlarmId.CONTACTOR_MISMATCH, contactorMismatchS > profile.alarms().contactorDelayS(), now,
                "heater_contactor_closed differs from heater_enable");
        alarms.update(AlarmId.PLC_WATCHDOG_TRIPPED, in.isOn(Signal.PLC_WATCHDOG_TRIPPED), now,
                "plc_watchdog_tripped on");
        alarms.update(AlarmId.CHILLER_FAULT, !in.isOn(Signal.CHILLER_RUNNING), now, "chiller_running off");
        boolean soaking = programmer.state() == Programmer.State.RUNNING && programmer.step() instanceof Step.Soak
                && programmer.stepTimerS() >= profile.alarms().deviationArmAfterS();
        seedOffS = soaking && s.seedDeviationK() > profile.alarms().temperatureDeviationK() ? seedOffS + dtS : 0.0;
        alarms.update(AlarmId.SEED_TEMPERATURE_DEVIATION, seedOffS > profile.alarms().deviationDelayS(), now,
                "seed pyrometer off its setpoint");
        pressureOffS = soaking && s.pressureDeviationPct() > profile.alarms().pressureDeviationPct()
                ? pressureOffS + dtS : 0.0;
        alarms.update(AlarmId.PRESSURE_DEVIATION, pressureOffS > profile.alarms().deviationDelayS(), now,
                "chamber pressure off its setpoint");
        alarms.update(AlarmId.RUN_HELD_BY_INTERLOCK, programmer.holdReason() == Programmer.HoldReason.INTERLOCK,
                now, "resume after resetting the interlocks");
        alarms.update(AlarmId.RUN_HELD_BY_COMM_LOSS, programmer.holdReason() == Programmer.HoldReason.COMM_LOSS,
                now, "resumes by itself if the devices answer again soon enough");
    }

    /** One alarm per kind of device; both supplies (or both MFCs) share theirs. */
    private void communication(CommMonitor comm, Instant now) {
        for (AlarmId alarm : COMM_ALARMS) {
            boolean lost = false;
            for (String device : comm.devices()) {
                lost |= AlarmId.forDevice(device) == alarm && comm.deviceLost(device);
            }
            alarms.update(alarm, lost, now, "no fresh data for more than the stale-scan limit");
        }
    }

    /** A failed sensor, as its device reports it; a merely stale one raises the communication alarm instead. */
    private static boolean failed(ProcessImage in, Signal signal) {
        return in.quality(signal) == Quality.BAD;
    }
}
