package com.sicfurnace.controller.alarm;

/** Alarm priorities, most urgent last (ISA-18.2 style). */
public enum AlarmPriority { LOW, MEDIUM, HIGH, URGENT }
