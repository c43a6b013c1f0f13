package com.sicfurnace.controller.command;

import java.util.Objects;

/** A command and who asked for it (an operator's name, or the part of the controller that did). */
public record CommandRequest(Command command, String requestedBy) {
    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
