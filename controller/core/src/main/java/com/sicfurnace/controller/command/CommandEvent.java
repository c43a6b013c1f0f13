package com.sicfurnace.controller.command;

import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.user.Actor;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A command the core applied or refused: who asked, why, what came of it ({@code detail}), and the state it acted
 * on before and after (equal when refused), and the request's id ({@link CommandRequest#requestId()}). The audit
 * trail is written from these.
 */
public record CommandEvent(long seq, Instant time, Actor actor, String reason, Command command, boolean accepted,
                           String detail, Map<String, String> before, Map<String, String> after, String requestId)
        implements FurnaceEvent {
    public CommandEvent {
        Objects.requireNonNull(requestId, "requestId");
        // sorted, so that every reader (journal, audit trail) sees the same order in every run
        before = Collections.unmodifiableMap(new TreeMap<>(before));
        after = Collections.unmodifiableMap(new TreeMap<>(after));
    }
}
