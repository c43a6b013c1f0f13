package com.sicfurnace.controller.bench;

import java.util.Arrays;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Furnace-hours per wall-second for the whole 6-inch reference recipe, run {@code runs} times in one JVM (the
 * first as warm-up), with the distribution of the cost of one iteration (scan + model step) over the measured runs.
 * Run: scripts/benchmark
 */
public final class WholeRunBenchmark {
    private WholeRunBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Histogram iterationNs = new Histogram(3);
        double[] furnaceHoursPerWallSecond = new double[runs - 1];
        double furnaceHours = 0;
        double[] wallSeconds = new double[runs - 1];
        for (int r = 0; r < runs; r++) {
            GrowingFurnace rig = new GrowingFurnace();
            long scans = 0;
            long start = System.nanoTime();
            while (!rig.finished()) {
                long t0 = System.nanoTime();
                rig.iterate();
                if (r > 0) {
                    iterationNs.recordValue(System.nanoTime() - t0);
                }
                scans++;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            furnaceHours = scans * rig.periodS / 3600.0;
            System.out.printf(Locale.ROOT, "run %d%s: %.1f furnace hours in %.2f s%n", r + 1, r == 0 ? " (warm-up)" : "",
                    furnaceHours, wall);
            if (r > 0) {
                furnaceHoursPerWallSecond[r - 1] = furnaceHours / wall;
                wallSeconds[r - 1] = wall;
            }
        }
        Arrays.sort(furnaceHoursPerWallSecond);
        Arrays.sort(wallSeconds);
        System.out.printf(Locale.ROOT, "whole 6-inch run (%.1f furnace hours), %d measured runs:%n", furnaceHours,
                runs - 1);
        System.out.printf(Locale.ROOT, "  furnace-hours per wall-second: median %.2f, min %.2f, max %.2f%n",
                median(furnaceHoursPerWallSecond), furnaceHoursPerWallSecond[0],
                furnaceHoursPerWallSecond[furnaceHoursPerWallSecond.length - 1]);
        System.out.printf(Locale.ROOT, "  wall seconds per run: median %.2f, max %.2f; 120 furnace hours take %.1f s "
                + "at the median rate (goal <= 30 s)%n", median(wallSeconds), wallSeconds[wallSeconds.length - 1],
                120.0 / median(furnaceHoursPerWallSecond));
        System.out.printf(Locale.ROOT, "  one iteration (scan + model step): median %d ns, p99 %d ns, p99.9 %d ns, "
                        + "max %d ns over %d iterations%n", iterationNs.getValueAtPercentile(50),
                iterationNs.getValueAtPercentile(99), iterationNs.getValueAtPercentile(99.9),
                iterationNs.getMaxValue(), iterationNs.getTotalCount());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
