package com.sicfurnace.controller.control;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;

/**
 * Turns the programmer's heater demand into zone powers and, on one-zone furnaces, a coil position.
 *
 * <p>Two quantities are controlled: the total power, which sets the temperature level, and the split, which
 * sets the axial gradient: the coil position on a one-zone furnace, the lower zone's share of the power on a
 * two-zone one. Shifting power between zones at constant total moves the gradient while barely touching the
 * seed temperature, so the two loops hardly fight.
 * <ul>
 *   <li>OFF: no power.</li>
 *   <li>POWER: the demanded total power; the split stays where it is.</li>
 *   <li>TEMPERATURE without setpoints yet (pyrometers below range): open-loop power ramp up to a ceiling.</li>
 *   <li>TEMPERATURE with setpoints: the seed loop sets the total power from the top pyrometer, with the
 *       profile's power curve as feed-forward so that ramps need little correction; above
 *       {@code gradientMinC} the gradient loop sets the split from (bottom - top).</li>
 * </ul>
 * Every change of mode is bumpless: loops not in charge track what is applied. If a pyrometer's reading becomes
 * unusable the outputs are frozen (the pyrometer-failure interlock guards high power).
 */
public final class HeaterControl {
    private final FurnaceProfile profile;
    private final FurnaceProfile.Heater settings;
    private final boolean twoZones;
    private final Pid seedLoop;
    private final Pid gradientLoop;
    private final double[] zonePowerKw;
    private double totalKw;
    private double split;
    private boolean closedLoop;
    private boolean gradientActive;
    private double inRangeS;
    private double lastSeedSetpointC = Double.NaN;
    private double rampDownFromKw;
    /** The relay test's output for this scan, in place of the seed loop's; NaN while the loop is in charge. */
    private double relayKw = Double.NaN;

    public HeaterControl(FurnaceProfile profile) {
        this.profile = profile;
        this.settings = profile.heater();
        this.twoZones = profile.gradientActuator() == FurnaceProfile.GradientActuator.ZONE2;
        this.seedLoop = new Pid(profile.loops().seed());
        this.gradientLoop = new Pid(profile.loops().gradient());
        this.zonePowerKw = new double[profile.zones()];
        this.split = twoZones ? profile.powerModeZoneShare().get(1) : settings.coil().parkMm();
    }

    /** Called first in every scan: tracks how long the pyrometers have read within their range. */
    public void observe(ProcessImage in, double dtS) {
        inRangeS = pyrometersInRange(in) ? inRangeS + dtS : 0.0;
    }

    private boolean pyrometersInRange(ProcessImage in) {
        return inRange(in, Signal.PYRO_TOP_C) && inRange(in, Signal.PYRO_BOTTOM_C);
    }

    private boolean inRange(ProcessImage in, Signal pyrometer) {
        return in.quality(pyrometer) == Quality.GOOD
                && in.value(pyrometer) >= in.minimum(pyrometer) + settings.engageMarginK();
    }

    /** True once both pyrometers have read within range long enough for closed-loop control. */
    public boolean temperatureControlAvailable() {
        return inRangeS >= settings.engageConfirmS();
    }

    public void update(HeaterDemand demand, ProcessImage in, double dtS) {
        if (demand.closedLoop()) {
            controlTemperature(demand, in, dtS);
        } else {
            closedLoop = false;
            gradientActive = false;
            if (demand.mode() == HeaterMode.TEMPERATURE) {
                double ceiling = settings.openLoopMaxKw();
                double ramped = demand.held() ? totalKw : totalKw + settings.openLoopRateKwPerH() / 3600.0 * dtS;
                setTotal(totalKw < ceiling ? Math.min(ceiling, ramped) : totalKw);
            } else {
                setTotal(demand.mode() == HeaterMode.POWER ? demand.powerKw() : 0.0);
            }
        }
    }

    private void controlTemperature(HeaterDemand demand, ProcessImage in, double dtS) {
        double top = in.value(Signal.PYRO_TOP_C);
        double gradientSp = demand.sourceC() - demand.seedC();
        double gradientPv = in.value(Signal.PYRO_BOTTOM_C) - top;
        double feedForward = feedForwardKw(demand.seedC(), dtS);
        if (!closedLoop) {
            seedLoop.track(totalKw, demand.seedC(), top, feedForward);
            closedLoop = true;
        }
        if (!in.usable(Signal.PYRO_TOP_C) || !in.usable(Signal.PYRO_BOTTOM_C)) {
            return; // hold the outputs; the interlocks decide whether holding is safe
        }
        FurnaceProfile.Schedule schedule = settings.seedSchedule();
        seedLoop.schedule(schedule.gainScale(demand.seedC()), schedule.timeScale(demand.seedC()));
        seedLoop.setOutputLimits(0.0, totalPowerCeilingKw());
        if (Double.isNaN(relayKw)) {
            setTotal(seedLoop.update(demand.seedC(), top, dtS, feedForward));
        } else {
            applyRelay(demand.seedC(), top, dtS, feedForward);
        }
        boolean gradientWanted = demand.seedC() >= settings.gradientMinC();
        if (gradientWanted && !gradientActive) {
            gradientLoop.track(split, gradientSp, gradientPv);
        }
        gradientActive = gradientWanted;
        if (gradientActive) {
            split = gradientLoop.update(gradientSp, gradientPv, dtS);
            setTotal(totalKw);
        }
    }

    /**
     * A relay test replaces the seed loop's output with {@code kw} in the scans that follow (NaN: the loop again).
     * The relay's steps move no faster than the loop's own rate limit, and the loop tracks what is applied, so it
     * takes over bumplessly when the test ends.
     */
    public void relay(double kw) {
        relayKw = kw;
    }

    private void applyRelay(double seedC, double topC, double dtS, double feedForward) {
        double rate = seedLoop.tuning().rateLimitPerS();
        double step = rate > 0 ? rate * dtS : Double.POSITIVE_INFINITY;
        setTotal(Math.max(totalKw - step, Math.min(totalKw + step, relayKw)));
        seedLoop.track(totalKw, seedC, topC, feedForward);
    }

    /**
     * The heater cannot see or cannot command (a device it needs is lost): hold the power for the hold time, then
     * ramp it down to zero over the ramp-down time. The loops take over again bumplessly when the device is back.
     */
    public void holdForCommLoss(FurnaceProfile.Comm comm, double lossS, double dtS) {
        releaseLoops();
        if (lossS <= comm.heaterHoldS()) {
            rampDownFromKw = totalKw;
            return;
        }
        setTotal(totalKw - rampDownFromKw / comm.heaterRampDownS() * dtS);
    }

    /**
     * Someone else is in charge of the power (the PLC's watchdog limits it, or the supply does not follow): the
     * command follows what the supplies deliver, so that nothing jumps when control comes back to the loops.
     * An unusable reading ({@code NaN}) keeps the command.
     */
    public void trackMeasured(double measuredKw) {
        releaseLoops();
        if (!Double.isNaN(measuredKw)) {
            setTotal(measuredKw);
        }
    }

    /** A soft trip: the power may only fall, and never above the trip's ceiling. */
    public void rampDown(double ceilingKw) {
        releaseLoops();
        setTotal(Math.min(totalKw, ceilingKw));
    }

    private void releaseLoops() {
        closedLoop = false;
        gradientActive = false;
        lastSeedSetpointC = Double.NaN;
    }

    /** The seed or the gradient loop, for tuning. */
    public Pid loop(LoopId id) {
        return switch (id) {
            case SEED -> seedLoop;
            case GRADIENT -> gradientLoop;
            case PRESSURE -> throw new IllegalArgumentException("the heater has no pressure loop");
        };
    }

    /** Power curve at the setpoint, plus the power that heats (or stops heating) the hot zone during a ramp. */
    private double feedForwardKw(double seedSetpointC, double dtS) {
        double slopeKPerS = Double.isNaN(lastSeedSetpointC) || !closedLoop ? 0.0
                : (seedSetpointC - lastSeedSetpointC) / dtS;
        lastSeedSetpointC = seedSetpointC;
        return settings.steadyPowerKw(seedSetpointC) + settings.rampHeatCapacityKjPerK() * slopeKPerS;
    }

    /** The total the zones can deliver at the present split without one exceeding its own maximum. */
    private double totalPowerCeilingKw() {
        double largestShare = twoZones ? Math.max(split, 1.0 - split) : 1.0;
        return Math.min(profile.limits().maxPowerKw(), settings.zoneMaxPowerKw() / largestShare);
    }

    private void setTotal(double kw) {
        totalKw = Math.max(0.0, Math.min(kw, totalPowerCeilingKw()));
        if (twoZones) {
            zonePowerKw[0] = totalKw * (1.0 - split);
            zonePowerKw[1] = totalKw * split;
        } else {
            zonePowerKw[0] = totalKw;
        }
    }

    /** The split: the coil position (mm) on a one-zone furnace, the lower zone's share on a two-zone one. */
    public double split() {
        return split;
    }

    /**
     * Takes the split up again after a restart; the total follows the measured power ({@link #trackMeasured}) in
     * the first scan, so that the loops start from what the supplies deliver.
     */
    public void restoreSplit(double savedSplit) {
        if (!Double.isFinite(savedSplit)) {
            throw new IllegalArgumentException("a heater split must be finite, not " + savedSplit);
        }
        split = savedSplit;
    }

    public double zonePowerKw(int zone) {
        return zonePowerKw[zone - 1];
    }

    public double totalPowerKw() {
        return totalKw;
    }

    /** Coil position setpoint, NaN on furnaces without a coil lift. */
    public double coilSetpointMm() {
        return twoZones ? Double.NaN : split;
    }

    public boolean closedLoop() {
        return closedLoop;
    }
}
