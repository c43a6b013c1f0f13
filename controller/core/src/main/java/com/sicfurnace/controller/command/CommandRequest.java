package com.sicfurnace.controller.command;

import com.sicfurnace.controller.user.Actor;
import java.util.Objects;

/** A command, who asks for it and why; the reason is empty where the command needs none. */
public record CommandRequest(Command command, Actor actor, String reason) {
    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }
}
