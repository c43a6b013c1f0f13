package com.sicfurnace.controller.command;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Instant;

/** A command the core applied or refused, with who asked and what came of it ({@code detail}). */
public record CommandEvent(long seq, Instant time, String requestedBy, Command command, boolean accepted,
                           String detail) implements FurnaceEvent {
}
