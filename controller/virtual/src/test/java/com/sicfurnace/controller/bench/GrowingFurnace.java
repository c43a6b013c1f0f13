package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.api.ApiServer;
import com.sicfurnace.controller.api.ApiSettings;
import com.sicfurnace.controller.api.ControllerFacts;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The 6-inch reference recipe driven to a given furnace time, for benchmarks: one iteration is what a
 * virtual-time run does per scan (the core's scan step: commands, inputs, scan, outputs, publication; then the model
 * step).
 */
final class GrowingFurnace {
    static final Path RECIPE = Path.of(System.getProperty("recipe", "../../docs/recipes/pvt-6inch.yaml"));

    private final FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
    final SimulatedFurnace furnace;
    final ScanFeed feed = new ScanFeed();
    final double periodS;
    private final ScanCycle cycle;
    private final Duration period;
    private Instant now = Instant.parse("2026-01-05T06:00:00Z");
    private ScanSnapshot last;

    GrowingFurnace() {
        Recipe recipe = RecipeLoader.load(RECIPE, profile.recipeLimits());
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1, profile.scanPeriodS());
        CommandQueue commands = new CommandQueue();
        cycle = new ScanCycle(profile, recipe, IoList.fromClasspath().forFurnace("6inch"),
                new InProcessFurnaceIo(furnace), commands, feed);
        periodS = profile.scanPeriodS();
        period = Duration.ofMillis(profile.scanPeriodMs());
        commands.submit(new Command.Start(), new Actor("benchmark", Role.OPERATOR), "benchmark");
    }

    /**
     * The controller's northbound API on this furnace's scan feed, on a free port, with its service token in
     * {@code dir/api/token} (commands go to a queue of their own, the run does not take them).
     */
    ApiServer startApi(Path dir) throws IOException {
        ControllerFacts facts = new ControllerFacts("f01", "6inch", IoList.fromClasspath().forFurnace("6inch"),
                RecipeLoader.load(RECIPE, profile.recipeLimits()), RECIPE, "0".repeat(64), "benchmark",
                Files.createDirectories(dir.resolve("audit")), profile.alarms().definitions());
        return ApiServer.start(ApiSettings.local(0, dir.resolve("api")), facts, feed, new CommandQueue(), 100);
    }

    /** One scan step, without moving the model on. */
    ScanSnapshot scan() {
        last = cycle.step(now);
        now = now.plus(period);
        return last;
    }

    /** The run's checkpoint after the last scan, as the run journal takes it. */
    RunCheckpoint checkpoint() {
        return cycle.checkpoint();
    }

    /** One scan step and one model step. */
    void iterate() {
        scan();
        furnace.advance(periodS);
    }

    void runFor(double furnaceHours) {
        long scans = Math.round(furnaceHours * 3600 / periodS);
        for (long i = 0; i < scans; i++) {
            iterate();
        }
    }

    boolean finished() {
        return last != null && last.run().finished();
    }
}
