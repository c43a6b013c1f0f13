package com.sicfurnace.controller.app;

import com.sicfurnace.controller.api.LoadedRecipe;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows an operator's recipe load before the start: whatever of the run names its recipe (report, telemetry,
 * journal, API, the stop record) takes the new one in the scan the core accepted it, before the run can start.
 */
final class RecipeSwitch implements ScanFeed.ScanListener {
    private final EventStream.Reader events;
    private final Consumer<LoadedRecipe> onLoad;

    RecipeSwitch(EventStream.Reader events, Consumer<LoadedRecipe> onLoad) {
        this.events = events;
        this.onLoad = onLoad;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        for (FurnaceEvent event : events.poll()) {
            if (event instanceof CommandEvent c && c.accepted() && c.command() instanceof Command.LoadRecipe load) {
                onLoad.accept(new LoadedRecipe(load.recipe(), Path.of(load.source()), load.sha256()));
            }
        }
    }
}
