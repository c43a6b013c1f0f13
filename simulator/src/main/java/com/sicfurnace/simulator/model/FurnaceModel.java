package com.sicfurnace.simulator.model;

import com.sicfurnace.simulator.fault.Faults;

/**
 * The whole furnace: thermal network, induction heating, vacuum and gas, cooling water, crystal growth, sensors
 * and the PLC's safety circuit, stepped together at a fixed step. Deterministic for a given seed: the same
 * commands at the same model times give the same readings.
 *
 * <p>Commands are latched by the setters and take effect at the next step, as outputs written to a PLC do.
 */
public final class FurnaceModel {
    private static final double KELVIN = 273.15;
    private static final double SUPPLY_WATER_TRIP_C = 55.0;
    /** The crucible keeps some heat capacity at the source even when the charge is spent. */
    private static final double MIN_SOURCE_FRACTION = 0.05;

    private final FurnaceConfig config;
    private final double stepS;
    private final Noise noise;
    private final Faults faults;
    private final ThermalNetwork network;
    private final HeatingSystem heating;
    private final VacuumSystem vacuum;
    private final GasSupply gas;
    private final CoolingSystem cooling;
    private final CrystalGrowth growth;
    private final SafetyCircuit safety;
    private final GaugeController gauges;
    private final PyrometerSensor pyrometerTop;
    private final PyrometerSensor pyrometerBottom;
    private final ThermocoupleSensor tcInsulation;
    private final ThermocoupleSensor tcChamberWall;
    private final int lowerNode;
    private final int upperNode;
    private final int sourceNode;
    private final int seedNode;
    private final int gapLink;
    private final int pyroTopNode;
    private final int pyroBottomNode;
    private final int tcInsulationNode;
    private final int tcWallNode;
    private final int outgassingSurfaceNode;
    private final boolean[] supplyFaults;
    private final double initialSourceKg;

    private boolean gateOpenCommand;
    private boolean roughingValveCommand;
    private boolean ventValveCommand;
    private boolean gasValveCommand;
    private double throttleSetpointPct;
    private boolean roughingPumpCommand;
    private boolean turboPumpCommand;
    private double argonSetpointSccm;
    private double nitrogenSetpointSccm;
    private double timeS;

    public FurnaceModel(FurnaceConfig config, long seed, double stepS, Faults faults) {
        if (!(stepS > 0 && stepS <= 1.0)) {
            throw new IllegalArgumentException("model step must lie in (0, 1] s, not " + stepS);
        }
        this.config = config;
        this.stepS = stepS;
        this.noise = new Noise(seed);
        this.faults = faults;
        this.safety = new SafetyCircuit(config.plc());
        double ambientK = config.ambientC() + KELVIN;
        this.network = new ThermalNetwork(config.thermal(), ambientK);
        this.heating = new HeatingSystem(config.heating());
        this.vacuum = new VacuumSystem(config.vacuum());
        this.gas = new GasSupply(config.gas(), config.vacuum().valveTravelS());
        this.cooling = new CoolingSystem(config.cooling(), config.ambientC());
        this.gauges = new GaugeController(config.gauges());
        this.lowerNode = network.node(config.heating().lowerNode());
        this.upperNode = network.node(config.heating().upperNode());
        FurnaceConfig.Growth g = config.growth();
        this.sourceNode = network.node(g.sourceNode());
        this.seedNode = network.node(g.seedNode());
        this.gapLink = network.link(g.sourceNode(), g.seedNode());
        this.initialSourceKg = sourceMassKg(config);
        this.growth = new CrystalGrowth(g, initialSourceKg);
        FurnaceConfig.Sensors s = config.sensors();
        this.pyrometerTop = new PyrometerSensor(s.pyrometerTop());
        this.pyrometerBottom = new PyrometerSensor(s.pyrometerBottom());
        this.tcInsulation = new ThermocoupleSensor(s.tcInsulation());
        this.tcChamberWall = new ThermocoupleSensor(s.tcChamberWall());
        this.pyroTopNode = network.node(s.pyrometerTop().node());
        this.pyroBottomNode = network.node(s.pyrometerBottom().node());
        this.tcInsulationNode = network.node(s.tcInsulation().node());
        this.tcWallNode = network.node(s.tcChamberWall().node());
        this.outgassingSurfaceNode = network.node(config.vacuum().outgassing().surfaceNode());
        this.supplyFaults = new boolean[heating.zoneCount()];
        sampleSensors(stepS);
    }

    private static double sourceMassKg(FurnaceConfig config) {
        return config.thermal().nodes().stream().filter(n -> n.name().equals(config.growth().sourceNode()))
                .findFirst().orElseThrow().massKg();
    }

    /** Advances model time by {@code seconds}, in whole fixed steps. */
    public void advance(double seconds) {
        long steps = Math.round(seconds / stepS);
        for (long i = 0; i < steps; i++) {
            step();
        }
    }

    /** One fixed step. */
    public void step() {
        double dt = stepS;
        applyCommands();
        safety.step(dt, faults.lidOpen(), faults.cabinetDoorOpen(), faults.emergencyStop());
        for (int i = 0; i < supplyFaults.length; i++) {
            supplyFaults[i] = faults.supplyFault(i + 1) || cooling.powerSupply().outletC() > SUPPLY_WATER_TRIP_C;
        }
        heating.step(dt, safety.contactorClosed(), supplyFaults, safety.watchdogTripped(),
                safety.powerLimitFraction(), network, lowerNode, upperNode, crucibleK(),
                1.0 + 0.05 * (1.0 - growth.sourceFraction()));
        double pressure = vacuum.pressureMbar();
        network.step(dt, pressure, cooling.chamber().outletC() + KELVIN);
        cooling.step(dt, faults.chillerFailed(), heating.coilLossW(), network.heatToWaterW(), heating.inverterLossW(),
                faults.waterFlowFactor(Faults.Circuit.COIL), faults.waterFlowFactor(Faults.Circuit.CHAMBER),
                faults.waterFlowFactor(Faults.Circuit.POWER_SUPPLY));
        gas.step(dt, faults.mfcStuck(Faults.Gas.ARGON), faults.mfcStuck(Faults.Gas.NITROGEN), noise);
        vacuum.step(dt, gas.inflowSccm(), crucibleK(), network.temperatureK(outgassingSurfaceNode),
                faults.extraLeakMbarLPerS(), faults.takeBurstMbarL(), faults.roughingPumpTripped(),
                faults.turboPumpTripped(), noise);
        growth.step(dt, network.temperatureK(sourceNode), network.temperatureK(seedNode), vacuum.pressureMbar());
        network.setMassKg(sourceNode, Math.max(growth.sourceKg(), MIN_SOURCE_FRACTION * initialSourceKg));
        network.setLinkScale(gapLink, Math.sqrt(config.growth().gapMm() / growth.gapMm()));
        sampleSensors(dt);
        timeS += dt;
    }

    private void applyCommands() {
        vacuum.command(gateOpenCommand, roughingValveCommand, ventValveCommand, throttleSetpointPct,
                roughingPumpCommand, turboPumpCommand);
        gas.command(argonSetpointSccm, nitrogenSetpointSccm, gasValveCommand);
    }

    private double crucibleK() {
        return 0.5 * (network.temperatureK(lowerNode) + network.temperatureK(upperNode));
    }

    private void sampleSensors(double dt) {
        pyrometerTop.sample(dt, network.temperatureK(pyroTopNode), faults.pyrometerBroken(Faults.Pyrometer.TOP),
                faults.pyrometerDriftKPerH(Faults.Pyrometer.TOP), noise);
        pyrometerBottom.sample(dt, network.temperatureK(pyroBottomNode),
                faults.pyrometerBroken(Faults.Pyrometer.BOTTOM), faults.pyrometerDriftKPerH(Faults.Pyrometer.BOTTOM),
                noise);
        tcInsulation.sample(dt, network.temperatureK(tcInsulationNode), faults.thermocoupleBroken(), noise);
        tcChamberWall.sample(dt, network.temperatureK(tcWallNode), false, noise);
        gauges.sample(vacuum.pressureMbar(), noise);
    }

    // ---- commands (controller outputs) ----

    public void setHeaterEnable(boolean enable) {
        safety.command(enable);
    }

    /** Commands induction supply {@code zone} (1-based). */
    public void setSupply(int zone, double setpointKw, boolean outputEnable, boolean faultReset) {
        heating.commandSupply(zone, setpointKw, outputEnable, faultReset);
    }

    public void setCoilPositionSetpointMm(double mm) {
        heating.commandCoil(mm);
    }

    public void setGateValve(boolean open) {
        gateOpenCommand = open;
    }

    public void setRoughingValve(boolean open) {
        roughingValveCommand = open;
    }

    public void setVentValve(boolean open) {
        ventValveCommand = open;
    }

    public void setGasValve(boolean open) {
        gasValveCommand = open;
    }

    public void setThrottleSetpointPct(double pct) {
        throttleSetpointPct = pct;
    }

    public void setRoughingPump(boolean run) {
        roughingPumpCommand = run;
    }

    public void setTurboPump(boolean run) {
        turboPumpCommand = run;
    }

    public void setArgonSetpointSccm(double sccm) {
        argonSetpointSccm = sccm;
    }

    public void setNitrogenSetpointSccm(double sccm) {
        nitrogenSetpointSccm = sccm;
    }

    public void setChillerSetpointC(double celsius) {
        cooling.command(celsius);
    }

    public void setControllerHeartbeat(int counter) {
        safety.controllerHeartbeat(counter);
    }

    public void setWatchdogReset(boolean reset) {
        safety.watchdogReset(reset);
    }

    // ---- readings (controller inputs) ----

    public double pyrometerTopC() {
        return pyrometerTop.readingC();
    }

    public SensorStatus pyrometerTopStatus() {
        return pyrometerTop.status();
    }

    public double pyrometerBottomC() {
        return pyrometerBottom.readingC();
    }

    public SensorStatus pyrometerBottomStatus() {
        return pyrometerBottom.status();
    }

    public double thermocoupleInsulationC() {
        return tcInsulation.readingC();
    }

    public SensorStatus thermocoupleInsulationStatus() {
        return tcInsulation.status();
    }

    public double thermocoupleChamberWallC() {
        return tcChamberWall.readingC();
    }

    public boolean heaterContactorClosed() {
        return safety.contactorClosed();
    }

    public boolean hasCoilLift() {
        return heating.hasCoilLift();
    }

    public double coilPositionMm() {
        return heating.coilPositionMm();
    }

    public int zoneCount() {
        return heating.zoneCount();
    }

    public SupplyReadings supply(int zone) {
        return heating.readings(zone);
    }

    public boolean gateValveOpen() {
        return vacuum.gateOpen();
    }

    public boolean roughingValveOpen() {
        return vacuum.roughingValveOpen();
    }

    public boolean ventValveOpen() {
        return vacuum.ventValveOpen();
    }

    public boolean gasValveOpen() {
        return gas.valveOpen();
    }

    public double throttleValvePct() {
        return vacuum.throttlePct();
    }

    public boolean roughingPumpRunning() {
        return vacuum.roughingPump().running();
    }

    public double roughingPumpSpeedHz() {
        return vacuum.roughingPump().speedHz();
    }

    public double turboPumpSpeedPct() {
        return vacuum.turboPump().speedPct();
    }

    public boolean turboPumpAtSpeed() {
        return vacuum.turboPump().atSpeed();
    }

    public boolean lidClosed() {
        return safety.lidClosed();
    }

    public boolean cabinetDoorClosed() {
        return safety.doorClosed();
    }

    public boolean emergencyStopActive() {
        return safety.emergencyStop();
    }

    public int plcHeartbeat() {
        return safety.heartbeat();
    }

    public boolean watchdogTripped() {
        return safety.watchdogTripped();
    }

    /** Heater power limit the PLC imposes, % of the power at its watchdog trip; 100 while healthy. */
    public double heaterPowerLimitPct() {
        return safety.watchdogTripped() ? safety.powerLimitFraction() * 100.0 : 100.0;
    }

    public double argonFlowSccm() {
        return gas.argon().readingSccm();
    }

    public double nitrogenFlowSccm() {
        return gas.nitrogen().readingSccm();
    }

    public double capacitanceManometerMbar() {
        return gauges.capacitanceMbar();
    }

    public double piraniMbar() {
        return gauges.piraniMbar();
    }

    public double ionGaugeMbar() {
        return gauges.ionMbar();
    }

    public boolean ionGaugeOn() {
        return gauges.ionOn();
    }

    public double chillerSupplyC() {
        return cooling.supplyC();
    }

    public boolean chillerRunning() {
        return !faults.chillerFailed();
    }

    public double waterFlowLpm(Faults.Circuit circuit) {
        return circuit(circuit).flowLpm();
    }

    public double waterInletC(Faults.Circuit circuit) {
        return circuit(circuit).inletC();
    }

    public double waterOutletC(Faults.Circuit circuit) {
        return circuit(circuit).outletC();
    }

    private WaterCircuit circuit(Faults.Circuit circuit) {
        return switch (circuit) {
            case COIL -> cooling.coil();
            case CHAMBER -> cooling.chamber();
            case POWER_SUPPLY -> cooling.powerSupply();
        };
    }

    // ---- the truth behind the readings, for tests, reports and the fault interface ----

    public double timeS() {
        return timeS;
    }

    public double pressureMbar() {
        return vacuum.pressureMbar();
    }

    /** Gas released by outgassing in the last step (the surfaces' vapour and the felt's gas), mbar·L/s. */
    public double outgassingMbarLPerS() {
        return vacuum.outgassingMbarLPerS();
    }

    /** Gas (water) the felt and the walls still hold adsorbed, mbar·L: what a degas bake drives out. */
    public double adsorbedMbarL() {
        return vacuum.adsorbedMbarL();
    }

    /** The share of the chamber pressure that is vapour from the surfaces, which they re-adsorb, mbar. */
    public double vapourPressureMbar() {
        return vacuum.vapourPressureMbar();
    }

    /** True temperature of a thermal node, in °C. */
    public double nodeTemperatureC(String node) {
        return network.temperatureK(network.node(node)) - KELVIN;
    }

    public double bouleLengthMm() {
        return growth.bouleLengthMm();
    }

    public double growthRateMmPerH() {
        return growth.rateMmPerH();
    }

    public double sourceMassKg() {
        return growth.sourceKg();
    }

    public FurnaceConfig config() {
        return config;
    }

    public Faults faults() {
        return faults;
    }
}
