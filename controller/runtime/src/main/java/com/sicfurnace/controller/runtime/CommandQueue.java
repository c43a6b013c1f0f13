package com.sicfurnace.controller.runtime;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandInbox;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.user.Actor;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commands on their way to the core from any thread; the scan cycle takes them before its next scan, so the core
 * stays single-threaded. Their outcome appears in the event stream.
 */
public final class CommandQueue implements CommandInbox {
    private final ConcurrentLinkedQueue<CommandRequest> queue = new ConcurrentLinkedQueue<>();

    public void submit(Command command, Actor actor, String reason) {
        queue.add(new CommandRequest(command, actor, reason));
    }

    /** A request whose outcome its sender will look for by {@link CommandRequest#requestId()}. */
    public void submit(CommandRequest request) {
        queue.add(request);
    }

    @Override
    public CommandRequest poll() {
        return queue.poll();
    }
}
