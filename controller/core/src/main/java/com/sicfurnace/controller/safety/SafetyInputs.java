package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.signal.ProcessImage;

/**
 * What the interlocks judge in one scan besides the raw inputs.
 *
 * @param pressureMbar      chamber pressure, the last known while the gauges are out of reach; NaN if none
 * @param pressureUsable    a fresh pressure from a working gauge
 * @param gasCommanded      argon or nitrogen flow is commanded
 * @param heaterEnabled     the heater was enabled by the previous scan's outputs
 * @param heaterCommandKw   total heater power the previous scan commanded
 * @param heaterMeasuredKw  total power the supplies report; NaN if not usable
 * @param commLost          a field device is lost
 */
public record SafetyInputs(ProcessImage in, double pressureMbar, boolean pressureUsable, boolean gasCommanded,
                           boolean heaterEnabled, double heaterCommandKw, double heaterMeasuredKw,
                           boolean commLost) {
}
