package com.sicfurnace.simulator.fault;

import java.util.EnumMap;
import java.util.Map;

/**
 * Faults injected into the model: tests and the fault-injection interface set them, the model reads them at
 * every step. Fields are volatile because injection may come from another thread than the one stepping.
 */
public final class Faults {
    /** Pyrometers by position. */
    public enum Pyrometer { TOP, BOTTOM }

    /** Cooling-water circuits. */
    public enum Circuit { COIL, CHAMBER, POWER_SUPPLY }

    /** Mass-flow controllers. */
    public enum Gas { ARGON, NITROGEN }

    private final Map<Pyrometer, Boolean> pyrometerBroken = new EnumMap<>(Pyrometer.class);
    private final Map<Pyrometer, Double> pyrometerDriftKPerH = new EnumMap<>(Pyrometer.class);
    private final Map<Circuit, Double> waterFlowFactor = new EnumMap<>(Circuit.class);
    private final Map<Gas, Boolean> mfcStuck = new EnumMap<>(Gas.class);
    private final boolean[] supplyFault = new boolean[4];
    private volatile boolean thermocoupleBroken;
    private volatile boolean roughingPumpTripped;
    private volatile boolean turboPumpTripped;
    private volatile double extraLeakMbarLPerS;
    private volatile double pendingBurstMbarL;
    private volatile boolean lidOpen;
    private volatile boolean cabinetDoorOpen;
    private volatile boolean emergencyStop;
    private volatile boolean chillerFailed;

    public synchronized void breakPyrometer(Pyrometer which, boolean broken) {
        pyrometerBroken.put(which, broken);
    }

    public synchronized boolean pyrometerBroken(Pyrometer which) {
        return pyrometerBroken.getOrDefault(which, false);
    }

    public synchronized void driftPyrometer(Pyrometer which, double kelvinPerHour) {
        pyrometerDriftKPerH.put(which, kelvinPerHour);
    }

    public synchronized double pyrometerDriftKPerH(Pyrometer which) {
        return pyrometerDriftKPerH.getOrDefault(which, 0.0);
    }

    /** Remaining fraction of the nominal water flow in a circuit: 1 is healthy, 0 is a total loss. */
    public synchronized void setWaterFlow(Circuit circuit, double fractionOfNominal) {
        if (!(fractionOfNominal >= 0 && fractionOfNominal <= 1)) {
            throw new IllegalArgumentException("water flow fraction must lie in 0..1, not " + fractionOfNominal);
        }
        waterFlowFactor.put(circuit, fractionOfNominal);
    }

    public synchronized double waterFlowFactor(Circuit circuit) {
        return waterFlowFactor.getOrDefault(circuit, 1.0);
    }

    public synchronized void stickMfc(Gas gas, boolean stuck) {
        mfcStuck.put(gas, stuck);
    }

    public synchronized boolean mfcStuck(Gas gas) {
        return mfcStuck.getOrDefault(gas, false);
    }

    /** A fault inside induction supply {@code zone} (1-based): it trips and stays tripped until reset. */
    public synchronized void setSupplyFault(int zone, boolean active) {
        supplyFault[zone - 1] = active;
    }

    public synchronized boolean supplyFault(int zone) {
        return supplyFault[zone - 1];
    }

    public void breakThermocouple(boolean broken) {
        thermocoupleBroken = broken;
    }

    public boolean thermocoupleBroken() {
        return thermocoupleBroken;
    }

    public void tripRoughingPump(boolean tripped) {
        roughingPumpTripped = tripped;
    }

    public boolean roughingPumpTripped() {
        return roughingPumpTripped;
    }

    public void tripTurboPump(boolean tripped) {
        turboPumpTripped = tripped;
    }

    public boolean turboPumpTripped() {
        return turboPumpTripped;
    }

    public void setExtraLeak(double mbarLPerS) {
        if (!(mbarLPerS >= 0)) {
            throw new IllegalArgumentException("leak must be zero or positive, not " + mbarLPerS);
        }
        extraLeakMbarLPerS = mbarLPerS;
    }

    public double extraLeakMbarLPerS() {
        return extraLeakMbarLPerS;
    }

    /** Releases {@code mbarL} of gas from the hot zone over the next seconds. */
    public synchronized void outgassingBurst(double mbarL) {
        pendingBurstMbarL += mbarL;
    }

    /** Takes the pending burst, if any; the model calls this once per step. */
    public synchronized double takeBurstMbarL() {
        double burst = pendingBurstMbarL;
        pendingBurstMbarL = 0.0;
        return burst;
    }

    public void openLid(boolean open) {
        lidOpen = open;
    }

    public boolean lidOpen() {
        return lidOpen;
    }

    public void openCabinetDoor(boolean open) {
        cabinetDoorOpen = open;
    }

    public boolean cabinetDoorOpen() {
        return cabinetDoorOpen;
    }

    public void pressEmergencyStop(boolean pressed) {
        emergencyStop = pressed;
    }

    public boolean emergencyStop() {
        return emergencyStop;
    }

    public void failChiller(boolean failed) {
        chillerFailed = failed;
    }

    public boolean chillerFailed() {
        return chillerFailed;
    }
}
