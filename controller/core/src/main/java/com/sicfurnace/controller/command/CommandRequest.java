package com.sicfurnace.controller.command;

import com.sicfurnace.controller.user.Actor;
import java.util.Objects;

/**
 * A command, who asks for it and why; the reason is empty where the command needs none. {@code requestId} is the
 * requester's own name for the request, carried into its {@link CommandEvent} so that the requester finds its outcome
 * among everybody's (a start is decided a scan later, after commands sent behind it); empty where nobody waits.
 */
public record CommandRequest(Command command, Actor actor, String reason, String requestId) {
    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestId, "requestId");
    }

    public CommandRequest(Command command, Actor actor, String reason) {
        this(command, actor, reason, "");
    }
}
