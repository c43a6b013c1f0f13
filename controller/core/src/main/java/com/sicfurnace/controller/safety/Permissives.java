package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The start and heating permissives, evaluated every scan. The heater may go from off to on only while every
 * energising permissive holds; a run may heat above {@code heating_above_c} only once the chamber has reached
 * its vacuum and, where the profile requires it, passed a leak check in this run.
 */
public final class Permissives {
    private final FurnaceProfile profile;
    private final EnumSet<Permissive> missing = EnumSet.allOf(Permissive.class);
    private Set<Permissive> missingView = Set.copyOf(missing);
    private boolean vacuumReached;
    private boolean leakCheckPassed;
    private ProcessImage lastIn;
    private double lastPressureMbar;
    private boolean lastPressureUsable;
    private Interlocks lastInterlocks;

    public Permissives(FurnaceProfile profile) {
        this.profile = profile;
    }

    /**
     * A new run starts: what it must reach and pass, it must reach and pass anew, counting the scan it starts in.
     */
    public void runStarted() {
        vacuumReached = false;
        leakCheckPassed = false;
        if (lastIn != null) {
            update(lastIn, lastPressureMbar, lastPressureUsable, lastInterlocks);
        }
    }

    /** Takes up again what the run had reached and passed, after a restart. */
    public void restore(boolean reachedVacuum, boolean passedLeakCheck) {
        vacuumReached = reachedVacuum;
        leakCheckPassed = passedLeakCheck;
    }

    public boolean vacuumReached() {
        return vacuumReached;
    }

    public boolean leakCheckHasPassed() {
        return leakCheckPassed;
    }

    public void leakCheckPassed() {
        leakCheckPassed = true;
    }

    public void update(ProcessImage in, double pressureMbar, boolean pressureUsable, Interlocks interlocks) {
        lastIn = in;
        lastPressureMbar = pressureMbar;
        lastPressureUsable = pressureUsable;
        lastInterlocks = interlocks;
        FurnaceProfile.Interlocks limits = profile.interlocks();
        vacuumReached |= pressureUsable && pressureMbar <= profile.permissives().vacuumReachedMbar();
        EnumSet<Permissive> now = EnumSet.noneOf(Permissive.class);
        if (!on(in, Signal.LID_CLOSED) || !on(in, Signal.CABINET_DOOR_CLOSED)) {
            now.add(Permissive.DOOR_CLOSED);
        }
        if (!atLeast(in, Signal.WATER_COIL_FLOW_LPM, limits.minCoilWaterLpm())
                || !atLeast(in, Signal.WATER_CHAMBER_FLOW_LPM, limits.minChamberWaterLpm())
                || !atLeast(in, Signal.WATER_PS_FLOW_LPM, limits.minSupplyWaterLpm())) {
            now.add(Permissive.WATER_FLOWING);
        }
        if (interlocks.anyLatched()) {
            now.add(Permissive.NO_INTERLOCK_ACTIVE);
        }
        if (!vacuumReached) {
            now.add(Permissive.VACUUM_REACHED);
        }
        if (profile.permissives().leakCheckRequired() && !leakCheckPassed) {
            now.add(Permissive.LEAK_CHECK_PASSED);
        }
        if (!now.equals(missing)) {
            missing.clear();
            missing.addAll(now);
            missingView = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
        }
    }

    private static boolean on(ProcessImage in, Signal signal) {
        return in.known(signal) && in.value(signal) != 0;
    }

    private static boolean atLeast(ProcessImage in, Signal flow, double minimum) {
        return in.known(flow) && in.value(flow) >= minimum;
    }

    /** The permissives not met now. Immutable; the same object until it changes. */
    public Set<Permissive> missing() {
        return missingView;
    }

    /** The energising permissives not met now, for a refusal's message. */
    public Set<Permissive> missingToEnergise() {
        EnumSet<Permissive> energising = EnumSet.noneOf(Permissive.class);
        missing.stream().filter(Permissive::energising).forEach(energising::add);
        return energising;
    }

    public boolean energisingMet() {
        for (Permissive p : missing) {
            if (p.energising()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the run may heat above {@code heating_above_c}. The energising permissives are not asked here: while
     * the heater is on, the interlock matrix guards what they guard before.
     */
    public boolean heatingMet() {
        return !missing.contains(Permissive.VACUUM_REACHED) && !missing.contains(Permissive.LEAK_CHECK_PASSED);
    }
}
