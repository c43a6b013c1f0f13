package com.sicfurnace.controller.alarm;

/**
 * How an operator shelves an alarm: for a time, or until its condition next clears (one-shot). Both end at the
 * latest after the maximum shelve time.
 */
public enum ShelveMode { TIMED, ONE_SHOT }
