package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import org.junit.jupiter.api.Test;

/** Another recipe may replace the loaded one before the start only, for this furnace only, with a reason. */
class RecipeLoadTest {
    private final CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));

    private CommandEvent lastCommand() {
        return rig.drainEvents().stream().filter(CommandEvent.class::isInstance).map(CommandEvent.class::cast)
                .reduce((a, b) -> b).orElseThrow();
    }

    private static Command.LoadRecipe load(Recipe recipe) {
        return new Command.LoadRecipe(recipe, "ramp.yaml", "ab12");
    }

    @Test
    void aRecipeLoadedBeforeTheStartIsTheOneThatRuns() {
        rig.scans(5);
        assertTrue(rig.apply(load(TestRecipes.rampFromCold("6inch")), CoreRig.OPERATOR, "next boule"));
        CommandEvent loaded = lastCommand();
        assertEquals("loaded 't' from ramp.yaml (sha256 ab12)", loaded.detail());
        assertEquals("hot", loaded.before().get("first_step"));
        assertEquals("heat", loaded.after().get("first_step"));
        rig.startRun();
        rig.scans(10);
        assertEquals("heat", rig.last().run().stepName());
        assertEquals("ramp", rig.last().run().stepType());
    }

    @Test
    void afterTheStartTheRecipeStaysAndTheRefusalSaysWhy() {
        rig.startRun();
        rig.scans(10);
        assertFalse(rig.apply(load(TestRecipes.rampFromCold("6inch")), CoreRig.OPERATOR, "swap"));
        assertEquals("a recipe is loaded only before the start; the run is running", lastCommand().detail());
        assertEquals("hot", rig.last().run().stepName());
        assertEquals(RunState.RUNNING, rig.last().run().state());
    }

    @Test
    void aRecipeForAnotherFurnaceOrWithoutAReasonIsRefused() {
        assertFalse(rig.apply(load(TestRecipes.rampFromCold("8inch")), CoreRig.OPERATOR, "wrong one"));
        assertEquals("recipe 't' is for a 8inch furnace, this one is 6inch", lastCommand().detail());
        assertFalse(rig.apply(load(TestRecipes.rampFromCold("6inch")), CoreRig.OPERATOR, ""));
        assertEquals("load recipe needs a reason", lastCommand().detail());
        rig.startRun();
        rig.scans(5);
        assertEquals("hot", rig.last().run().stepName(), "neither refusal changed the recipe");
    }
}
