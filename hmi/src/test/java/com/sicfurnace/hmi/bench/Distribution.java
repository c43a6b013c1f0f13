package com.sicfurnace.hmi.bench;

import java.util.Collection;

/** Measured values (any one unit), for their percentiles by nearest rank: a few hundred samples need no histogram. */
record Distribution(double[] sorted) {
    static Distribution of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values measured");
        }
        return new Distribution(sorted);
    }

    /** The least value that {@code percent} % of the values do not exceed. */
    double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }
}
