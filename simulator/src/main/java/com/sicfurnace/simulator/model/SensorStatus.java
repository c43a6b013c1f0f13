package com.sicfurnace.simulator.model;

/** Health of a sensor as its transmitter reports it. Out-of-range readings are clamped, not failed. */
public enum SensorStatus { OK, FAILED }
