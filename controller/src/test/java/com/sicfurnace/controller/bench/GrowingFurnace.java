package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.app.ProfileLoader;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLoader;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The 6-inch reference recipe driven to a given furnace time, for benchmarks: one iteration is what a
 * virtual-time run does per scan (read inputs, scan, write outputs, step the model).
 */
final class GrowingFurnace {
    static final Path RECIPE = Path.of(System.getProperty("recipe", "../docs/recipes/pvt-6inch.yaml"));

    final SimulatedFurnace furnace;
    final InProcessFurnaceIo io;
    final FurnaceController controller;
    final ProcessImage in;
    final OutputImage out = new OutputImage();
    final double periodS;
    private final Duration period;
    private Instant now = Instant.parse("2026-01-05T06:00:00Z");

    GrowingFurnace() {
        FurnaceProfile profile = ProfileLoader.shipped("6inch");
        Recipe recipe = RecipeLoader.load(RECIPE, profile.recipeLimits());
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1, profile.scanPeriodS());
        io = new InProcessFurnaceIo(furnace);
        controller = new FurnaceController(profile, recipe);
        in = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));
        periodS = profile.scanPeriodS();
        period = Duration.ofMillis(profile.scanPeriodMs());
        controller.start();
    }

    /** One scan and one model step. */
    void iterate() {
        io.readInputs(in);
        controller.scan(in, out, now);
        io.writeOutputs(out);
        furnace.advance(periodS);
        now = now.plus(period);
    }

    void runFor(double furnaceHours) {
        long scans = Math.round(furnaceHours * 3600 / periodS);
        for (long i = 0; i < scans; i++) {
            iterate();
        }
    }

    boolean finished() {
        return controller.programmer().finished();
    }
}
