package com.sicfurnace.simulator.model;

/**
 * Gas released by the chamber and the hot zone, in mbar·L/s, in two kinds:
 * <ul>
 *   <li><b>vapour</b> from the surface pool (water adsorbed on the felt and the walls): it desorbs under vacuum at a
 *   rate that rises with the felt's temperature (a degas bake empties the pool, as it dries real felt), and it
 *   re-adsorbs: {@link VacuumSystem} keeps the vapour's partial pressure apart and hands what the surfaces take
 *   back to {@link #readsorbed}. In a closed chamber the vapour therefore levels off at the pressure where
 *   re-adsorption balances desorption, while a leak keeps rising;</li>
 *   <li><b>gas</b> that does not re-adsorb: a bulk pool in the graphite felt following an Arrhenius law in the
 *   hot-zone temperature, a steady release from hot graphite (same law), and pockets breaking open at random while
 *   the felt passes through the burst window on heating.</li>
 * </ul>
 */
final class Outgassing {
    private static final double KELVIN = 273.15;
    private static final double DESORPTION_BELOW_MBAR = 1.0;
    /** A pool below this is empty: it would otherwise decay into subnormal numbers, which are slow to compute with. */
    private static final double EMPTY_MBAR_L = 1e-12;

    private final FurnaceConfig.Outgassing config;
    private final double referenceK;
    private final double surfaceReferenceK;
    private double surfaceMbarL;
    private double bulkMbarL;
    private double burstMbarL;
    private double lastHotK = Double.NaN;
    private double vapourMbarLPerS;
    private double gasMbarLPerS;

    Outgassing(FurnaceConfig.Outgassing config) {
        this.config = config;
        this.referenceK = config.bulkReferenceC() + KELVIN;
        this.surfaceReferenceK = config.surfaceReferenceC() + KELVIN;
        this.surfaceMbarL = config.surfaceInventoryMbarL();
        this.bulkMbarL = config.bulkInventoryMbarL();
    }

    /**
     * Releases this step's gas: afterwards {@link #vapourMbarLPerS()} and {@link #gasMbarLPerS()} hold the loads.
     *
     * @param hotZoneK  the crucible's temperature, which drives the bulk, steady and burst terms
     * @param surfaceK  the temperature of the surfaces that hold the adsorbed water (the felt)
     */
    void step(double dtS, double pressureMbar, double hotZoneK, double surfaceK, double injectedBurstMbarL,
              Noise noise) {
        double surfaceRate = config.surfaceRatePerS()
                * Math.exp(-config.surfaceActivationK() * (1.0 / surfaceK - 1.0 / surfaceReferenceK));
        double surface = pressureMbar < DESORPTION_BELOW_MBAR ? surfaceMbarL * Math.min(surfaceRate, 1.0 / dtS) : 0.0;
        double arrhenius = Math.exp(-config.bulkActivationK() * (1.0 / hotZoneK - 1.0 / referenceK));
        double bulk = bulkMbarL * Math.min(config.bulkReferenceRatePerS() * arrhenius, 1.0 / dtS);
        double steady = config.steadyReferenceMbarLPerS() * arrhenius;
        maybeBurst(dtS, hotZoneK, noise);
        burstMbarL += injectedBurstMbarL;
        double burst = burstMbarL * Math.min(config.burstRatePerS(), 1.0 / dtS);
        surfaceMbarL = emptied(surfaceMbarL - surface * dtS);
        bulkMbarL = emptied(bulkMbarL - bulk * dtS);
        burstMbarL = emptied(burstMbarL - burst * dtS);
        lastHotK = hotZoneK;
        vapourMbarLPerS = surface;
        gasMbarLPerS = bulk + steady + burst;
    }

    private static double emptied(double poolMbarL) {
        return poolMbarL < EMPTY_MBAR_L ? 0.0 : poolMbarL;
    }

    private void maybeBurst(double dtS, double hotZoneK, Noise noise) {
        boolean heating = !Double.isNaN(lastHotK) && hotZoneK > lastHotK;
        double hotC = hotZoneK - KELVIN;
        if (heating && hotC >= config.burstMinC() && hotC <= config.burstMaxC()
                && noise.chance(dtS / config.burstMeanIntervalS())) {
            double amount = Math.min(bulkMbarL, config.burstInventoryMbarL() * noise.uniform(0.5, 1.5));
            bulkMbarL -= amount;
            burstMbarL += amount;
        }
    }

    /** Vapour desorbed from the surfaces in the last step, mbar·L/s: it may re-adsorb. */
    double vapourMbarLPerS() {
        return vapourMbarLPerS;
    }

    /** Gas released in the last step that does not re-adsorb, mbar·L/s. */
    double gasMbarLPerS() {
        return gasMbarLPerS;
    }

    /** Vapour the surfaces took back from the chamber, mbar·L: it joins the adsorbed pool again. */
    void readsorbed(double mbarL) {
        surfaceMbarL += mbarL;
    }

    /** Gas the surfaces still hold, mbar·L. */
    double surfaceMbarL() {
        return surfaceMbarL;
    }

    /** Venting re-exposes the surfaces: the adsorbed pool is back to its initial size. */
    void vented() {
        surfaceMbarL = config.surfaceInventoryMbarL();
    }
}
