package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandInbox;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.command.CommandRequest;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.iolist.IoList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The core driven through its real scan step, as a driver would: the test owns the furnace's inputs ({@link #in},
 * a healthy furnace to start with) and sees what the core wrote ({@link #out}), its snapshots and its events.
 * Scans are 100 ms of furnace time apart unless a test gives their times. Shared with the adapters' tests, which
 * read real snapshots through it.
 */
public final class CoreRig {
    public final FurnaceProfile profile;
    /** The furnace as the field devices report it; copied into the core's image at every scan. */
    public final ProcessImage in;
    /** The outputs as the core last wrote them. */
    public final OutputImage out = new OutputImage();
    private final ScanCycle cycle;
    private final ArrayDeque<CommandRequest> commands = new ArrayDeque<>();
    private final List<FurnaceEvent> events = new ArrayList<>();
    private ScanSnapshot last;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private boolean heaterFollows = true;

    public CoreRig(String furnace, Recipe recipe) {
        this(furnace, recipe, () -> null, (snapshot, scanEvents) -> { });
    }

    /**
     * @param moreCommands further commands for the core, taken after the rig's own
     * @param alsoTo       a publisher that sees every scan too
     */
    public CoreRig(String furnace, Recipe recipe, CommandInbox moreCommands, ScanPublisher alsoTo) {
        this(furnace, recipe, moreCommands, alsoTo, null, null);
    }

    /** A rig whose core takes a run up again from a checkpoint, as a restarted controller does. */
    public CoreRig(String furnace, Recipe recipe, RunCheckpoint saved, Recovery recovery) {
        this(furnace, recipe, () -> null, (snapshot, scanEvents) -> { }, saved, recovery);
        now = saved.time().plusNanos(Math.round(recovery.outageS() * 1e9));
    }

    private CoreRig(String furnace, Recipe recipe, CommandInbox moreCommands, ScanPublisher alsoTo,
                    RunCheckpoint saved, Recovery recovery) {
        this.profile = ProfileLoader.shipped(furnace, FurnaceProfile.class);
        IoList signals = IoList.fromClasspath().forFurnace(furnace);
        this.in = HealthyFurnace.image(furnace);
        CommandInbox inbox = () -> commands.isEmpty() ? moreCommands.poll() : commands.poll();
        ScanPublisher publisher = (snapshot, scanEvents) -> {
            last = snapshot;
            events.addAll(scanEvents);
            alsoTo.publish(snapshot, scanEvents);
        };
        this.cycle = saved == null ? new ScanCycle(profile, recipe, signals, new Wiring(), inbox, publisher)
                : ScanCycle.resume(profile, recipe, signals, new Wiring(), inbox, publisher, saved, recovery);
    }

    /** The core's checkpoint after the last scan. */
    public RunCheckpoint checkpoint() {
        return cycle.checkpoint();
    }

    /** The operator the rig's commands come from unless a test names another. */
    public static final Actor OPERATOR = new Actor("test", Role.OPERATOR);

    /** Queues a command for the next scan, as an operator would, giving "test" as the reason. */
    public void command(Command command) {
        command(command, OPERATOR, "test");
    }

    public void command(Command command, Actor actor, String reason) {
        commands.add(new CommandRequest(command, actor, reason));
    }

    /** Applies a command with the next scan and tells whether the core accepted it. */
    public boolean apply(Command command) {
        return apply(command, OPERATOR, "test");
    }

    public boolean apply(Command command, Actor actor, String reason) {
        command(command, actor, reason);
        scans(1);
        return events.stream().filter(e -> e instanceof CommandEvent c && c.command().equals(command))
                .map(e -> ((CommandEvent) e).accepted()).reduce((first, second) -> second).orElseThrow();
    }

    /**
     * Starts the run in a scan where the chamber is at its vacuum, as after a pump-down, so that the run may heat
     * above the permissive threshold; the gauges then read what they read before.
     */
    public void startRun() {
        double[] before = {in.value(Signal.CDG_PRESSURE_MBAR), in.value(Signal.PIRANI_PRESSURE_MBAR)};
        HealthyFurnace.set(in, Signal.CDG_PRESSURE_MBAR, in.minimum(Signal.CDG_PRESSURE_MBAR));
        HealthyFurnace.set(in, Signal.PIRANI_PRESSURE_MBAR, profile.permissives().vacuumReachedMbar() * 0.8);
        command(new Command.Start());
        scans(1);
        HealthyFurnace.set(in, Signal.CDG_PRESSURE_MBAR, before[0]);
        HealthyFurnace.set(in, Signal.PIRANI_PRESSURE_MBAR, before[1]);
    }

    /**
     * Whether the supplies deliver what the core commands and the contactor follows the heater permissive (true
     * unless a test makes the heater fail to follow).
     */
    public void heaterFollows(boolean follows) {
        heaterFollows = follows;
    }

    private void follow(OutputImage outputs) {
        HealthyFurnace.set(in, Signal.HEATER_CONTACTOR_CLOSED, outputs.isOn(Signal.HEATER_ENABLE) ? 1.0 : 0.0);
        for (int zone = 1; zone <= profile.zones(); zone++) {
            Signal enable = zone == 1 ? Signal.PS1_OUTPUT_ENABLE : Signal.PS2_OUTPUT_ENABLE;
            Signal setpoint = zone == 1 ? Signal.PS1_POWER_SP_KW : Signal.PS2_POWER_SP_KW;
            Signal power = zone == 1 ? Signal.PS1_POWER_KW : Signal.PS2_POWER_KW;
            if (in.usable(power)) {
                HealthyFurnace.set(in, power, outputs.isOn(enable) ? outputs.value(setpoint) : 0.0);
            }
        }
    }

    public void scans(int n) {
        scans(n, () -> { });
    }

    /** {@code n} scans, each after {@code beforeEach} has changed the furnace's inputs. */
    public void scans(int n, Runnable beforeEach) {
        for (int i = 0; i < n; i++) {
            beforeEach.run();
            scanAt(now.plus(Duration.ofMillis(100)));
        }
    }

    /** One scan at the given furnace time, later than the last. */
    public ScanSnapshot scanAt(Instant time) {
        now = time;
        return cycle.step(time);
    }

    public ScanSnapshot last() {
        return last;
    }

    /** The events since the last call, oldest first. */
    public List<FurnaceEvent> drainEvents() {
        List<FurnaceEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    public List<AlarmEvent> drainAlarmEvents() {
        return drainEvents().stream().filter(AlarmEvent.class::isInstance).map(AlarmEvent.class::cast).toList();
    }

    /** The field side: the test's inputs in, the core's outputs out. */
    private final class Wiring implements FurnaceIo {
        @Override
        public void readInputs(ProcessImage image) {
            for (Signal s : Signal.values()) {
                if (!s.isInput() || !in.present(s)) {
                    continue;
                }
                Quality quality = in.quality(s);
                if (quality == Quality.STALE) {
                    image.markStale(s);
                } else {
                    image.update(s, in.value(s), quality.usable() ? Quality.GOOD : quality);
                }
            }
        }

        @Override
        public void writeOutputs(OutputImage outputs) {
            for (Signal s : Signal.values()) {
                if (!s.isInput()) {
                    out.set(s, outputs.value(s));
                }
            }
            if (heaterFollows) {
                follow(outputs);
            }
        }

        @Override
        public void close() {
            // nothing to release: both sides live in the test
        }
    }
}
