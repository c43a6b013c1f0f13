package com.sicfurnace.controller.api;

import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.EventStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a command to the core and waits for its outcome: the request goes into the command queue with an id of its
 * own, and the core's verdict is the {@link CommandEvent} carrying that id in the event stream. Nothing is queued for
 * later: a command the core has not decided within the timeout (the controller is not scanning) is reported so, and
 * the caller must not assume it will be applied.
 */
final class CommandDesk {
    private static final long POLL_MILLIS = 5;
    private final CommandQueue queue;
    private final EventStream events;
    private final Duration timeout;

    CommandDesk(CommandQueue queue, EventStream events, Duration timeout) {
        this.queue = queue;
        this.events = events;
        this.timeout = timeout;
    }

    /** The core's verdict; empty if it gave none within the timeout. */
    Optional<CommandEvent> submit(CommandBody body) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        long after = events.lastSeq();
        queue.submit(new CommandRequest(body.command(), body.actor(), body.reason(), id));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            EventStream.Batch batch = events.read(after, 1000);
            for (FurnaceEvent event : batch.events()) {
                if (event instanceof CommandEvent c && c.requestId().equals(id)) {
                    return Optional.of(c);
                }
            }
            after = batch.through();
            if (batch.events().isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        return Optional.empty();
    }
}
