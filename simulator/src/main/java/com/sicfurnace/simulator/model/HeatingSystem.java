package com.sicfurnace.simulator.model;

import java.util.List;

/**
 * The induction heating: one supply per zone, the coil lift on one-zone furnaces, and the split of the power
 * between the lower and upper crucible nodes. Power not coupled into the crucible heats the coil water; inverter
 * losses heat the supply's water.
 */
final class HeatingSystem {
    private static final double ROOM_K = 300.0;

    private final FurnaceConfig.Heating config;
    private final InductionSupply[] supplies;
    private final CoilLift coil;
    private final SupplyReadings[] readings;
    private final double[] heldKw;
    private double coilLossW;
    private double inverterLossW;

    HeatingSystem(FurnaceConfig.Heating config) {
        this.config = config;
        List<FurnaceConfig.Zone> zones = config.zones();
        this.supplies = new InductionSupply[zones.size()];
        this.readings = new SupplyReadings[zones.size()];
        this.heldKw = new double[zones.size()];
        for (int i = 0; i < supplies.length; i++) {
            supplies[i] = new InductionSupply(zones.get(i));
            readings[i] = new SupplyReadings(0, 0, 0, 0, 0, 0, false, false);
        }
        this.coil = config.coil() == null ? null : new CoilLift(config.coil());
    }

    int zoneCount() {
        return supplies.length;
    }

    boolean hasCoilLift() {
        return coil != null;
    }

    void commandSupply(int zone, double setpointKw, boolean outputEnable, boolean faultReset) {
        supplies[zone - 1].command(setpointKw, outputEnable, faultReset);
    }

    void commandCoil(double setpointMm) {
        if (coil != null) {
            coil.command(setpointMm);
        }
    }

    /**
     * Steps supplies and coil, then puts the coupled heat into the network.
     *
     * @param crucibleK mean crucible temperature, which sets the load's resistivity and so the inverter readings
     */
    /**
     * @param plcLimiting        the PLC's watchdog has tripped and limits the supplies
     * @param powerLimitFraction share of the power at the trip the PLC still allows
     */
    void step(double dtS, boolean contactorClosed, boolean[] supplyFaults, boolean plcLimiting,
              double powerLimitFraction, ThermalNetwork network, int lowerNode, int upperNode, double crucibleK,
              double loadFactor) {
        if (coil != null) {
            coil.step(dtS);
        }
        coilLossW = 0.0;
        inverterLossW = 0.0;
        double coupling = config.couplingEfficiency() * (coil == null ? 1.0 : coil.relativeCoupling());
        for (int i = 0; i < supplies.length; i++) {
            InductionSupply supply = supplies[i];
            supply.step(dtS, contactorClosed, supplyFaults[i], limitKw(i, plcLimiting, powerLimitFraction));
            double outputW = supply.outputKw() * 1000.0;
            double loadW = outputW * coupling;
            double lower = coil == null ? supply.config().fractionLower()
                    : coil.fractionLower(supply.config().fractionLower());
            network.addHeat(lowerNode, loadW * lower);
            network.addHeat(upperNode, loadW * (1.0 - lower));
            coilLossW += outputW - loadW;
            inverterLossW += outputW * (1.0 / config.inverterEfficiency() - 1.0);
            readings[i] = electrical(supply, crucibleK, coupling, loadFactor);
        }
    }

    /**
     * The PLC's limit: none while healthy; once its watchdog trips, the power each supply delivered at that moment,
     * scaled down by the PLC's ramp.
     */
    private double limitKw(int supply, boolean plcLimiting, double fraction) {
        if (!plcLimiting) {
            heldKw[supply] = supplies[supply].outputKw();
            return Double.POSITIVE_INFINITY;
        }
        return heldKw[supply] * fraction;
    }

    /**
     * Inverter readings. The DC-equivalent resistance follows graphite's resistivity (lowest near 1000 K), the
     * coupling and the load (the source charge); its drift is the soft signal process engineers trend.
     */
    private SupplyReadings electrical(InductionSupply supply, double crucibleK, double coupling, double loadFactor) {
        double outputKw = supply.outputKw();
        FurnaceConfig.Electrical e = config.electrical();
        double resistivity = graphiteRelativeResistivity(crucibleK);
        double resistanceOhm = e.dcResistanceOhm() * resistivity * (coupling / config.couplingEfficiency())
                * loadFactor;
        double frequencyKhz = e.nominalFrequencyKhz() * (1.0 + e.frequencyPerResistance() * (resistivity - 1.0));
        if (outputKw <= 0.0) {
            return new SupplyReadings(0, 0, 0, supply.tripped() ? 0 : frequencyKhz, 0, 0, false, supply.tripped());
        }
        double dcPowerW = outputKw * 1000.0 / config.inverterEfficiency();
        double dcVoltage = Math.sqrt(dcPowerW * resistanceOhm);
        double dcCurrent = dcPowerW / dcVoltage;
        double acVoltage = dcVoltage * e.acVoltageRatio();
        double reactanceOhm = 2.0 * Math.PI * frequencyKhz * 1e3 * e.coilInductanceUh() * 1e-6;
        double coilCurrent = acVoltage / reactanceOhm;
        return new SupplyReadings(outputKw, acVoltage, coilCurrent, frequencyKhz, dcVoltage, dcCurrent, true,
                supply.tripped());
    }

    /** Isotropic graphite: resistivity relative to room temperature, with its minimum near 1000 K. */
    static double graphiteRelativeResistivity(double temperatureK) {
        double t = Math.max(temperatureK, ROOM_K);
        double dip = 0.28 * Math.exp(-Math.pow((t - 1000.0) / 600.0, 2));
        return 1.0 + 0.072 - dip + 1.2e-4 * Math.max(0.0, t - 1000.0);
    }

    SupplyReadings readings(int zone) {
        return readings[zone - 1];
    }

    double coilPositionMm() {
        return coil == null ? Double.NaN : coil.positionMm();
    }

    double coilLossW() {
        return coilLossW;
    }

    double inverterLossW() {
        return inverterLossW;
    }
}
