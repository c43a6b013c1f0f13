package com.sicfurnace.controller.report;

/** One sample of the trend: furnace time, step and run state, and the columns' values. */
public record TrendRow(double timeH, String step, String state, double[] values) {
}
