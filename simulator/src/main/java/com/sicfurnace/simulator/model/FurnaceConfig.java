package com.sicfurnace.simulator.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Physical parameters of one furnace, read from {@code furnaces/<variant>.yaml}. Every figure carries its unit in
 * its name; docs/simulator-model.md explains each one and where its value comes from.
 */
public record FurnaceConfig(String furnace, String description, double ambientC, Thermal thermal, Heating heating,
                            Sensors sensors, Vacuum vacuum, Gas gas, Gauges gauges, Cooling cooling,
                            Growth growth, Plc plc) {

    public FurnaceConfig {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(thermal, "thermal");
        Objects.requireNonNull(heating, "heating");
        Objects.requireNonNull(sensors, "sensors");
        Objects.requireNonNull(vacuum, "vacuum");
        Objects.requireNonNull(gas, "gas");
        Objects.requireNonNull(gauges, "gauges");
        Objects.requireNonNull(cooling, "cooling");
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(plc, "plc");
    }

    static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
        return value;
    }

    static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive, not " + value);
        }
        return value;
    }

    static double fraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in 0..1, not " + value);
        }
        return value;
    }

    /**
     * The PLC's watchdog on the controller's heartbeat: when the counter has not changed for
     * {@code watchdogTimeoutS}, the PLC holds the heater power where it was for {@code watchdogHoldS}, then ramps it
     * to zero over {@code watchdogRampDownS}, so that a crystal survives a controller crash without thermal shock.
     */
    public record Plc(double watchdogTimeoutS, double watchdogHoldS, double watchdogRampDownS) {
        public Plc {
            positive(watchdogTimeoutS, "plc.watchdog_timeout_s");
            nonNegative(watchdogHoldS, "plc.watchdog_hold_s");
            positive(watchdogRampDownS, "plc.watchdog_ramp_down_s");
        }
    }

    /** The lumped thermal network: nodes, the links between them, and the water-cooled wall. */
    public record Thermal(List<Node> nodes, List<Link> links, double gasHalfPressureMbar, String wallNode,
                          @JsonProperty("wall_to_water_w_per_k") double wallToWaterWPerK) {
        public Thermal {
            nodes = List.copyOf(nodes);
            links = List.copyOf(links);
            positive(gasHalfPressureMbar, "thermal.gas_half_pressure_mbar");
            positive(wallToWaterWPerK, "thermal.wall_to_water_w_per_k");
            Objects.requireNonNull(wallNode, "thermal.wall_node");
        }
    }

    public record Node(String name, Material material, double massKg) {
        public Node {
            Objects.requireNonNull(name, "node name");
            Objects.requireNonNull(material, "material of node " + name);
            positive(massKg, "mass_kg of node " + name);
        }
    }

    /**
     * Heat exchange between two nodes: solid conduction, gas conduction (scaled by the argon pressure), and
     * radiation with an effective emissivity-area product.
     */
    public record Link(String a, String b, @JsonProperty("conductance_w_per_k") double conductanceWPerK, @JsonProperty("gas_conductance_w_per_k") double gasConductanceWPerK,
                       double radiationM2) {
        public Link {
            Objects.requireNonNull(a, "link end a");
            Objects.requireNonNull(b, "link end b");
            nonNegative(conductanceWPerK, "conductance_w_per_k of link " + a + "-" + b);
            nonNegative(gasConductanceWPerK, "gas_conductance_w_per_k of link " + a + "-" + b);
            nonNegative(radiationM2, "radiation_m2 of link " + a + "-" + b);
        }
    }

    /** Induction heating: the supplies (one per zone), the heated nodes and, for one-zone furnaces, the coil lift. */
    public record Heating(List<Zone> zones, String lowerNode, String upperNode, double inverterEfficiency,
                          double couplingEfficiency, Coil coil, Electrical electrical) {
        public Heating {
            zones = List.copyOf(zones);
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("heating.zones must list at least one zone");
            }
            fraction(inverterEfficiency, "heating.inverter_efficiency");
            fraction(couplingEfficiency, "heating.coupling_efficiency");
            Objects.requireNonNull(electrical, "heating.electrical");
        }
    }

    /** One induction power supply and the share of its power that lands in the lower crucible node. */
    public record Zone(String name, double maxPowerKw, double lagS, double slewKwPerS, double fractionLower) {
        public Zone {
            positive(maxPowerKw, "max_power_kw of zone " + name);
            positive(lagS, "lag_s of zone " + name);
            positive(slewKwPerS, "slew_kw_per_s of zone " + name);
            fraction(fractionLower, "fraction_lower of zone " + name);
        }
    }

    /** Motorised coil lift: moving the coil up shifts heat from the source zone towards the seed. */
    public record Coil(double minMm, double maxMm, double initialMm, double nominalMm, double speedMmPerS,
                       double fractionLowerPerMm, double efficiencyLossPerMm2) {
        public Coil {
            if (!(minMm < maxMm) || initialMm < minMm || initialMm > maxMm) {
                throw new IllegalArgumentException("coil: need min_mm < max_mm and initial_mm within them");
            }
            positive(speedMmPerS, "coil.speed_mm_per_s");
            nonNegative(efficiencyLossPerMm2, "coil.efficiency_loss_per_mm2");
        }
    }

    /** Electrical figures of the supply and load, for the readings a real inverter reports. */
    public record Electrical(double dcResistanceOhm, double acVoltageRatio, double coilInductanceUh,
                             double nominalFrequencyKhz, double frequencyPerResistance) {
        public Electrical {
            positive(dcResistanceOhm, "electrical.dc_resistance_ohm");
            positive(acVoltageRatio, "electrical.ac_voltage_ratio");
            positive(coilInductanceUh, "electrical.coil_inductance_uh");
            positive(nominalFrequencyKhz, "electrical.nominal_frequency_khz");
        }
    }

    public record Sensors(Pyrometer pyrometerTop, Pyrometer pyrometerBottom, Thermocouple tcInsulation,
                          Thermocouple tcChamberWall) {
        public Sensors {
            Objects.requireNonNull(pyrometerTop, "sensors.pyrometer_top");
            Objects.requireNonNull(pyrometerBottom, "sensors.pyrometer_bottom");
            Objects.requireNonNull(tcInsulation, "sensors.tc_insulation");
            Objects.requireNonNull(tcChamberWall, "sensors.tc_chamber_wall");
        }
    }

    public record Pyrometer(String node, double minC, double maxC, double noiseK, double resolutionK,
                            @JsonProperty("drift_k_per_h") double driftKPerH) {
        public Pyrometer {
            Objects.requireNonNull(node, "pyrometer node");
            nonNegative(noiseK, "pyrometer noise_k");
            positive(resolutionK, "pyrometer resolution_k");
        }
    }

    public record Thermocouple(String node, double minC, double maxC, double noiseK, double lagS) {
        public Thermocouple {
            Objects.requireNonNull(node, "thermocouple node");
            nonNegative(noiseK, "thermocouple noise_k");
            positive(lagS, "thermocouple lag_s");
        }
    }

    public record Vacuum(double volumeL, double atmosphereMbar, @JsonProperty("leak_mbar_l_per_s") double leakMbarLPerS, RoughingPump roughingPump,
                         TurboPump turboPump, @JsonProperty("gate_conductance_l_per_s") double gateConductanceLPerS, double valveTravelS,
                         Throttle throttle, @JsonProperty("vent_conductance_l_per_s") double ventConductanceLPerS, Outgassing outgassing) {
        public Vacuum {
            positive(volumeL, "vacuum.volume_l");
            positive(atmosphereMbar, "vacuum.atmosphere_mbar");
            nonNegative(leakMbarLPerS, "vacuum.leak_mbar_l_per_s");
            Objects.requireNonNull(roughingPump, "vacuum.roughing_pump");
            Objects.requireNonNull(turboPump, "vacuum.turbo_pump");
            positive(gateConductanceLPerS, "vacuum.gate_conductance_l_per_s");
            positive(valveTravelS, "vacuum.valve_travel_s");
            Objects.requireNonNull(throttle, "vacuum.throttle");
            positive(ventConductanceLPerS, "vacuum.vent_conductance_l_per_s");
            Objects.requireNonNull(outgassing, "vacuum.outgassing");
        }
    }

    public record RoughingPump(@JsonProperty("speed_l_per_s") double speedLPerS, double ultimateMbar, double nominalHz, double spinUpS) {
        public RoughingPump {
            positive(speedLPerS, "roughing_pump.speed_l_per_s");
            positive(ultimateMbar, "roughing_pump.ultimate_mbar");
            positive(nominalHz, "roughing_pump.nominal_hz");
            positive(spinUpS, "roughing_pump.spin_up_s");
        }
    }

    /** Turbo pump: full speed only in molecular flow; above {@code kneeMbar} its speed falls off. */
    public record TurboPump(@JsonProperty("speed_l_per_s") double speedLPerS, double spinUpS, double spinDownS, double kneeMbar,
                            double maxInletMbar) {
        public TurboPump {
            positive(speedLPerS, "turbo_pump.speed_l_per_s");
            positive(spinUpS, "turbo_pump.spin_up_s");
            positive(spinDownS, "turbo_pump.spin_down_s");
            positive(kneeMbar, "turbo_pump.knee_mbar");
            positive(maxInletMbar, "turbo_pump.max_inlet_mbar");
        }
    }

    /** Equal-percentage throttle valve in the roughing line. */
    public record Throttle(@JsonProperty("max_conductance_l_per_s") double maxConductanceLPerS, double characteristic, double speedPctPerS) {
        public Throttle {
            positive(maxConductanceLPerS, "throttle.max_conductance_l_per_s");
            positive(characteristic, "throttle.characteristic");
            positive(speedPctPerS, "throttle.speed_pct_per_s");
        }
    }

    /**
     * Gas released by the chamber and the hot zone: a surface pool (water adsorbed on the felt and the walls,
     * released under vacuum at a rate that rises with the temperature of {@code surfaceNode}, and re-adsorbed from
     * the chamber's vapour at {@code readsorptionLPerS}), a bulk pool in the felt whose release rate follows an
     * Arrhenius law, a steady release from hot graphite that never runs out (same law), and random bursts while the
     * felt is heated.
     */
    public record Outgassing(double surfaceInventoryMbarL, double surfaceRatePerS, String surfaceNode,
                             double surfaceReferenceC, double surfaceActivationK,
                             @JsonProperty("readsorption_l_per_s") double readsorptionLPerS,
                             double bulkInventoryMbarL,
                             double bulkReferenceRatePerS, double bulkReferenceC, double bulkActivationK,
                             @JsonProperty("steady_reference_mbar_l_per_s") double steadyReferenceMbarLPerS,
                             double burstMeanIntervalS, double burstMinC, double burstMaxC,
                             double burstInventoryMbarL, double burstRatePerS) {
        public Outgassing {
            nonNegative(surfaceInventoryMbarL, "outgassing.surface_inventory_mbar_l");
            nonNegative(surfaceRatePerS, "outgassing.surface_rate_per_s");
            Objects.requireNonNull(surfaceNode, "outgassing.surface_node");
            nonNegative(surfaceActivationK, "outgassing.surface_activation_k");
            nonNegative(readsorptionLPerS, "outgassing.readsorption_l_per_s");
            nonNegative(bulkInventoryMbarL, "outgassing.bulk_inventory_mbar_l");
            nonNegative(bulkReferenceRatePerS, "outgassing.bulk_reference_rate_per_s");
            positive(bulkActivationK, "outgassing.bulk_activation_k");
            nonNegative(steadyReferenceMbarLPerS, "outgassing.steady_reference_mbar_l_per_s");
            positive(burstMeanIntervalS, "outgassing.burst_mean_interval_s");
            nonNegative(burstInventoryMbarL, "outgassing.burst_inventory_mbar_l");
            positive(burstRatePerS, "outgassing.burst_rate_per_s");
        }
    }

    public record Gas(Mfc argon, Mfc nitrogen) {
        public Gas {
            Objects.requireNonNull(argon, "gas.argon");
            Objects.requireNonNull(nitrogen, "gas.nitrogen");
        }
    }

    public record Mfc(double fullScaleSccm, double lagS, double noiseSccm, double calibrationErrorPct) {
        public Mfc {
            positive(fullScaleSccm, "mfc full_scale_sccm");
            positive(lagS, "mfc lag_s");
            nonNegative(noiseSccm, "mfc noise_sccm");
        }
    }

    public record Gauges(Gauge capacitance, Gauge pirani, Gauge ionGauge, double ionOnBelowMbar,
                         double ionOffAboveMbar) {
        public Gauges {
            Objects.requireNonNull(capacitance, "gauges.capacitance");
            Objects.requireNonNull(pirani, "gauges.pirani");
            Objects.requireNonNull(ionGauge, "gauges.ion_gauge");
            if (!(ionOnBelowMbar < ionOffAboveMbar)) {
                throw new IllegalArgumentException("gauges: ion_on_below_mbar must be below ion_off_above_mbar");
            }
        }
    }

    /** A pressure gauge: range, relative noise and an absolute noise floor. */
    public record Gauge(double minMbar, double maxMbar, double noiseFraction, double noiseFloorMbar) {
        public Gauge {
            if (!(minMbar > 0 && minMbar < maxMbar)) {
                throw new IllegalArgumentException("gauge range must satisfy 0 < min_mbar < max_mbar");
            }
            nonNegative(noiseFraction, "gauge noise_fraction");
            nonNegative(noiseFloorMbar, "gauge noise_floor_mbar");
        }
    }

    public record Cooling(double chillerSetpointC, double chillerLagS, Circuit coil, Circuit chamber,
                          Circuit powerSupply, double powerSupplyStandbyW) {
        public Cooling {
            Objects.requireNonNull(coil, "cooling.coil");
            Objects.requireNonNull(chamber, "cooling.chamber");
            Objects.requireNonNull(powerSupply, "cooling.power_supply");
            positive(chillerLagS, "cooling.chiller_lag_s");
        }
    }

    public record Circuit(double flowLpm, double holdupKg, double pipeRiseC) {
        public Circuit {
            positive(flowLpm, "circuit flow_lpm");
            positive(holdupKg, "circuit holdup_kg");
        }
    }

    /**
     * Crystal growth: the rate follows the difference of equilibrium vapour pressures at the source and at the
     * growth front, divided by the argon pressure (diffusion through the gas), weakened as the source depletes.
     */
    public record Growth(double seedDiameterMm, double sourceYield, double activationKjPerMol,
                         double rateConstantMmPerH, double pressureOffsetMbar, @JsonProperty("front_rise_k_per_mm") double frontRiseKPerMm,
                         double seedOffsetK, double gapMm, double sourceRecessionMmPerKg,
                         double depletionWeakening, String sourceNode, String seedNode) {
        public Growth {
            positive(seedDiameterMm, "growth.seed_diameter_mm");
            fraction(sourceYield, "growth.source_yield");
            positive(activationKjPerMol, "growth.activation_kj_per_mol");
            positive(rateConstantMmPerH, "growth.rate_constant_mm_per_h");
            positive(pressureOffsetMbar, "growth.pressure_offset_mbar");
            positive(gapMm, "growth.gap_mm");
            fraction(depletionWeakening, "growth.depletion_weakening");
            Objects.requireNonNull(sourceNode, "growth.source_node");
            Objects.requireNonNull(seedNode, "growth.seed_node");
        }
    }
}
