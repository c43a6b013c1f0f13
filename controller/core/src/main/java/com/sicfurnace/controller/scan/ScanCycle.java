package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.command.CommandInbox;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.IoList;
import java.time.Instant;

/**
 * The one scan step of a furnace, the same in production and in virtual time: apply the commands that wait, read
 * the inputs, scan, write the outputs, publish the snapshot and the events. Drivers differ only in how they pace
 * it: the real-time runner at a fixed period on the monotonic clock, the virtual run as fast as the model allows.
 * Single-threaded: one driver calls {@link #step}.
 */
public final class ScanCycle {
    private final FurnaceController controller;
    private final FurnaceIo io;
    private final ProcessImage in;
    private final OutputImage out = new OutputImage();
    private final CommandInbox inbox;
    private final ScanPublisher publisher;

    /** @param furnaceSignals the I/O list filtered for the profile's furnace variant */
    public ScanCycle(FurnaceProfile profile, Recipe recipe, IoList furnaceSignals, FurnaceIo io, CommandInbox inbox,
                     ScanPublisher publisher) {
        this.in = new ProcessImage(furnaceSignals);
        this.controller = new FurnaceController(profile, recipe, in);
        this.io = io;
        this.inbox = inbox;
        this.publisher = publisher;
    }

    /**
     * A run taken up again after a restart, where {@code saved} left it (see {@link RunCheckpoint}): until the first
     * scan with every input the outputs are the journaled ones (heartbeat running); that scan starts the heater from
     * the measured power. Within
     * {@code recovery}'s outage limit the run goes on by itself (the recovery resets the PLC's watchdog, audited as
     * {@link Recovery#ACTOR}'s); beyond it, the run is held (reason RECOVERY) until an operator resumes it.
     *
     * @throws IllegalArgumentException if the checkpoint does not fit the recipe
     */
    public static ScanCycle resume(FurnaceProfile profile, Recipe recipe, IoList furnaceSignals, FurnaceIo io,
                                   CommandInbox inbox, ScanPublisher publisher, RunCheckpoint saved,
                                   Recovery recovery) {
        ScanCycle cycle = new ScanCycle(profile, recipe, furnaceSignals, io, inbox, publisher);
        cycle.controller.restore(saved, recovery);
        return cycle;
    }

    /** One scan at furnace time {@code scanTime}; returns its snapshot (also published). */
    public ScanSnapshot step(Instant scanTime) {
        for (CommandRequest request = inbox.poll(); request != null; request = inbox.poll()) {
            controller.apply(request, scanTime);
        }
        io.readInputs(in);
        controller.scan(in, out, scanTime);
        io.writeOutputs(out);
        ScanSnapshot snapshot = controller.snapshot();
        publisher.publish(snapshot, controller.drainEvents());
        return snapshot;
    }

    /**
     * Everything the run needs to go on after a restart, as it stands after the last scan. Call it from the thread
     * that calls {@link #step} (a scan listener does): it allocates a few small objects, so take it about once a
     * second, not every scan.
     */
    public RunCheckpoint checkpoint() {
        return controller.checkpoint(out);
    }
}
