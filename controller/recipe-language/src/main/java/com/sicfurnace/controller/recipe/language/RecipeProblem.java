package com.sicfurnace.controller.recipe.language;

/**
 * One thing wrong with a recipe, located in its file. {@code step} is the 1-based step number or 0 for the
 * recipe header; {@code field} is the YAML key (or dotted path) concerned, empty where none applies.
 */
public record RecipeProblem(String file, int line, int step, String stepName, String field, String message) {

    /**
     * E.g. {@code pvt-6inch.yaml:42: step 4 'ramp-to-growth': rate_c_per_h: 900 °C/h exceeds the furnace limit
     * of 300 °C/h}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(file).append(':').append(line).append(": ");
        if (step > 0) {
            text.append("step ").append(step).append(" '").append(stepName).append("': ");
        }
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
