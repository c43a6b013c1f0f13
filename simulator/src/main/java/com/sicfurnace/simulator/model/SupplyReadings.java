package com.sicfurnace.simulator.model;

/** What an induction supply reports: output power, coil voltage and current, frequency, DC link. */
public record SupplyReadings(double powerKw, double voltageV, double currentA, double frequencyKhz,
                             double dcVoltageV, double dcCurrentA, boolean outputOn, boolean fault) {
}
