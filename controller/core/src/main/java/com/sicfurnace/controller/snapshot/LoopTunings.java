package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profile.PidTuning;
import com.sicfurnace.controller.tuning.AutoTuneStatus;
import java.util.Objects;

/**
 * The loops' tuning after a scan, for the engineer's tuning screen: each loop's gains in force (at the schedule's
 * reference temperature, as the profile writes them), the profile's own, the seed loop's gain schedule, and the
 * relay auto-tune's state. Shared between snapshots until something in it changes.
 */
public record LoopTunings(PidTuning seed, PidTuning gradient, PidTuning pressure, FurnaceProfile.Loops profile,
                          FurnaceProfile.Schedule seedSchedule, AutoTuneStatus autoTune) {
    /** How far a tuned gain may stray from the profile's, either way. */
    public static final double GAIN_FACTOR = 10.0;

    public LoopTunings {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(pressure, "pressure");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(seedSchedule, "seedSchedule");
        Objects.requireNonNull(autoTune, "autoTune");
    }

    /** A furnace's loops as its profile tunes them, no auto-tune yet: the tunings before the first scan. */
    public static LoopTunings of(FurnaceProfile furnace) {
        FurnaceProfile.Loops loops = furnace.loops();
        return new LoopTunings(loops.seed(), loops.gradient(), loops.pressure(), loops,
                furnace.heater().seedSchedule(), AutoTuneStatus.IDLE);
    }

    public PidTuning current(LoopId loop) {
        return switch (loop) {
            case SEED -> seed;
            case GRADIENT -> gradient;
            case PRESSURE -> pressure;
        };
    }

    public PidTuning profile(LoopId loop) {
        return switch (loop) {
            case SEED -> profile.seed();
            case GRADIENT -> profile.gradient();
            case PRESSURE -> profile.pressure();
        };
    }

    /** Whether the loop's gains are scheduled: only the seed loop's, on the seed setpoint. */
    public static boolean scheduled(LoopId loop) {
        return loop == LoopId.SEED;
    }

    /** The factor on the loop's gain at a seed setpoint (1 for unscheduled loops and without a setpoint). */
    public double gainScale(LoopId loop, double seedSetpointC) {
        return scheduled(loop) && !Double.isNaN(seedSetpointC) ? seedSchedule.gainScale(seedSetpointC) : 1.0;
    }

    /** The factor on the loop's integral and derivative times at a seed setpoint. */
    public double timeScale(LoopId loop, double seedSetpointC) {
        return scheduled(loop) && !Double.isNaN(seedSetpointC) ? seedSchedule.timeScale(seedSetpointC) : 1.0;
    }
}
