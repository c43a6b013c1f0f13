package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Step;
import java.util.Map;

/** A parsed step with the line of each of its keys, so that cross-step problems point at the right line. */
record LocatedStep(int number, Step step, Map<String, Integer> keyLines) {
    LocatedStep {
        keyLines = Map.copyOf(keyLines);
    }

    /** True if the step itself gives this key (rather than carrying it over from an earlier step). */
    boolean gives(String key) {
        return keyLines.containsKey(key);
    }

    /** The line of the key, or of the step when it does not give the key. */
    int line(String key) {
        return keyLines.getOrDefault(key, step.line());
    }
}
