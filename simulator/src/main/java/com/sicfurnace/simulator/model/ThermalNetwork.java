package com.sicfurnace.simulator.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lumped thermal network integrated with explicit Euler at the model's fixed step. Heat between two nodes is
 * {@code (G + G_gas * p/(p + p_half)) * (Ta - Tb) + sigma * epsA * (Ta^4 - Tb^4)}. The wall node also gives heat
 * to the chamber cooling water. Temperatures are in kelvin.
 */
public final class ThermalNetwork {
    static final double STEFAN_BOLTZMANN = 5.670374419e-8;

    private final String[] names;
    private final Material[] materials;
    private final double[] massKg;
    private final double[] temperatureK;
    private final double[] heatInputW;
    private final double[] netW;
    private final int[] linkA;
    private final int[] linkB;
    private final double[] linkConductance;
    private final double[] linkGasConductance;
    private final double[] linkRadiation;
    private final double[] linkScale;
    private final double gasHalfPressureMbar;
    private final int wallNode;
    private final double wallToWaterWPerK;
    private double heatToWaterW;

    public ThermalNetwork(FurnaceConfig.Thermal config, double initialK) {
        List<FurnaceConfig.Node> nodes = config.nodes();
        int n = nodes.size();
        names = new String[n];
        materials = new Material[n];
        massKg = new double[n];
        temperatureK = new double[n];
        heatInputW = new double[n];
        netW = new double[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            FurnaceConfig.Node node = nodes.get(i);
            if (index.put(node.name(), i) != null) {
                throw new IllegalArgumentException("thermal node '" + node.name() + "' is listed twice");
            }
            names[i] = node.name();
            materials[i] = node.material();
            massKg[i] = node.massKg();
            temperatureK[i] = initialK;
        }
        List<FurnaceConfig.Link> links = config.links();
        int m = links.size();
        linkA = new int[m];
        linkB = new int[m];
        linkConductance = new double[m];
        linkGasConductance = new double[m];
        linkRadiation = new double[m];
        linkScale = new double[m];
        for (int k = 0; k < m; k++) {
            FurnaceConfig.Link link = links.get(k);
            linkA[k] = lookup(index, link.a());
            linkB[k] = lookup(index, link.b());
            linkConductance[k] = link.conductanceWPerK();
            linkGasConductance[k] = link.gasConductanceWPerK();
            linkRadiation[k] = link.radiationM2() * STEFAN_BOLTZMANN;
            linkScale[k] = 1.0;
        }
        gasHalfPressureMbar = config.gasHalfPressureMbar();
        wallNode = lookup(index, config.wallNode());
        wallToWaterWPerK = config.wallToWaterWPerK();
    }

    private static int lookup(Map<String, Integer> index, String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown thermal node '" + name + "'");
        }
        return i;
    }

    /** Index of a node by name; configuration errors name the missing node. */
    public int node(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown thermal node '" + name + "'");
    }

    /** Index of the link between two nodes, in either order. */
    public int link(String a, String b) {
        int ia = node(a);
        int ib = node(b);
        for (int k = 0; k < linkA.length; k++) {
            if ((linkA[k] == ia && linkB[k] == ib) || (linkA[k] == ib && linkB[k] == ia)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no thermal link between '" + a + "' and '" + b + "'");
    }

    public void addHeat(int node, double watts) {
        heatInputW[node] += watts;
    }

    /** Advances the network by {@code dtS} with the chamber gas at {@code pressureMbar} and water at given K. */
    public void step(double dtS, double pressureMbar, double waterK) {
        double gasFactor = pressureMbar / (pressureMbar + gasHalfPressureMbar);
        System.arraycopy(heatInputW, 0, netW, 0, netW.length);
        for (int k = 0; k < linkA.length; k++) {
            double ta = temperatureK[linkA[k]];
            double tb = temperatureK[linkB[k]];
            double ta2 = ta * ta;
            double tb2 = tb * tb;
            double q = linkScale[k] * ((linkConductance[k] + linkGasConductance[k] * gasFactor) * (ta - tb)
                    + linkRadiation[k] * (ta2 * ta2 - tb2 * tb2));
            netW[linkA[k]] -= q;
            netW[linkB[k]] += q;
        }
        heatToWaterW = wallToWaterWPerK * (temperatureK[wallNode] - waterK);
        netW[wallNode] -= heatToWaterW;
        for (int i = 0; i < temperatureK.length; i++) {
            double capacity = massKg[i] * materials[i].specificHeatJPerKgK(temperatureK[i]);
            temperatureK[i] += netW[i] * dtS / capacity;
            heatInputW[i] = 0.0;
        }
    }

    public double temperatureK(int node) {
        return temperatureK[node];
    }

    public void setMassKg(int node, double kg) {
        massKg[node] = kg;
    }

    /** Scales a link's whole heat exchange, e.g. the growth gap that closes as the boule grows. */
    public void setLinkScale(int link, double scale) {
        linkScale[link] = scale;
    }

    public double heatToWaterW() {
        return heatToWaterW;
    }

    public int size() {
        return names.length;
    }

    public String name(int node) {
        return names[node];
    }
}
