package com.sicfurnace.controller.command;

/**
 * The core's port for requests made between scans: the scan cycle takes them, oldest first, before each scan. The
 * adapter behind it may be filled from any thread.
 */
@FunctionalInterface
public interface CommandInbox {
    /** The oldest waiting request, or null when none waits. */
    CommandRequest poll();
}
