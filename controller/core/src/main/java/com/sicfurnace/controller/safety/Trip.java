package com.sicfurnace.controller.safety;

/** Conditions that switch the heater off and latch until an operator resets them. */
public enum Trip {
    EMERGENCY_STOP("emergency stop pressed or its circuit open"),
    DOOR_OPEN("chamber lid or high-voltage cabinet door open"),
    WATER_FLOW_LOW("cooling water flow below its minimum"),
    OVER_TEMPERATURE("pyrometer above the over-temperature limit"),
    OVER_PRESSURE("chamber pressure above the over-pressure limit, or unknown"),
    PYROMETER_FAILURE("pyrometer failed while the heater runs at high power");

    private final String description;

    Trip(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
