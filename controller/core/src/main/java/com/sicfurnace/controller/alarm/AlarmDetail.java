package com.sicfurnace.controller.alarm;

/** Says why an alarm changes state; asked only when it does, so that a scan without a change formats nothing. */
@FunctionalInterface
public interface AlarmDetail {
    String describe();
}
