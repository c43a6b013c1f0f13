package com.sicfurnace.controller.report;

import java.util.function.DoubleSupplier;

/** One column of the trend file: a name with its unit, and where its value comes from at sampling time. */
public record TrendColumn(String name, DoubleSupplier value) {
}
