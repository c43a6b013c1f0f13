package com.sicfurnace.hmi.recipe;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Saves versions of one recipe as fast as it can, printing each number once its save has returned, until it is
 * killed: the process a crash test kills in the middle of a save. Usage: RecipeSaver DIR
 */
public final class RecipeSaver {
    private RecipeSaver() {
    }

    public static void main(String[] args) throws Exception {
        RecipeStore store = RecipeStore.open(Path.of(args[0]), Clock.systemUTC());
        String padding = "# " + "x".repeat(200) + "\n";
        for (int i = 1; ; i++) {
            store.save("crash", "recipe: crash\n# save " + i + "\n" + padding.repeat(50), "erika", "save " + i);
            System.out.println(i);
            System.out.flush();
        }
    }
}
