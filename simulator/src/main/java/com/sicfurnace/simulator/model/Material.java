package com.sicfurnace.simulator.model;

/**
 * Materials of the thermal nodes, with temperature-dependent specific heat. Graphite rises from about
 * 0.7 kJ/(kg K) at room temperature to about 2 kJ/(kg K) above 2000 K; SiC from 0.69 to about 1.35.
 */
public enum Material {
    GRAPHITE(2050.0, 1340.0, 600.0),
    SILICON_CARBIDE(1350.0, 650.0, 700.0),
    STEEL(500.0, 0.0, 1.0);

    private static final double ROOM_K = 300.0;
    private final double highJPerKgK;
    private final double deficitJPerKgK;
    private final double scaleK;

    Material(double highJPerKgK, double deficitJPerKgK, double scaleK) {
        this.highJPerKgK = highJPerKgK;
        this.deficitJPerKgK = deficitJPerKgK;
        this.scaleK = scaleK;
    }

    /** Specific heat in J/(kg K) at {@code temperatureK}. */
    public double specificHeatJPerKgK(double temperatureK) {
        return highJPerKgK - deficitJPerKgK * Math.exp(-(Math.max(temperatureK, ROOM_K) - ROOM_K) / scaleK);
    }
}
