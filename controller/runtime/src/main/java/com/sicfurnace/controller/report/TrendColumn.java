package com.sicfurnace.controller.report;

import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.function.ToDoubleFunction;

/** One column of the trend file: a name with its unit, and how its value is read from a scan's snapshot. */
public record TrendColumn(String name, ToDoubleFunction<ScanSnapshot> value) {
}
