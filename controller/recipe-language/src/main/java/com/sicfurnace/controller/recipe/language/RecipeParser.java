package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.RecipeLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the YAML tree of a recipe file to the model, reporting every problem; see {@link StepParser}. */
final class RecipeParser {
    private static final List<String> HEADER_FIELDS = List.of("recipe", "furnace", "description", "holdback", "steps");

    private final RecipeLimits limits;
    private final Problems problems;

    RecipeParser(RecipeLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** The recipe, present only if no problem was found. */
    Optional<ParsedRecipe> parse(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.header().add(root.line(), "", "a recipe file must be a mapping of recipe, furnace, steps and "
                    + "other fields, not " + root.describe());
            return Optional.empty();
        }
        MappingReader header = new MappingReader(mapping, "", problems.header());
        header.checkKeys(HEADER_FIELDS);
        Optional<String> name = header.required("recipe").nonEmptyText();
        Optional<String> furnace = header.required("furnace").nonEmptyText();
        furnace.filter(given -> !given.equals(limits.furnace())).ifPresent(given -> header.report("furnace",
                "this recipe is for furnace '" + given + "', but this furnace is '" + limits.furnace() + "'"));
        String description = header.optional("description").text().orElse("");
        Optional<Holdback> defaultHoldback = HoldbackReader.read(header);
        List<LocatedStep> steps = steps(header);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedRecipe(name.orElseThrow(), furnace.orElseThrow(), description, defaultHoldback,
                steps));
    }

    private List<LocatedStep> steps(MappingReader header) {
        Optional<YamlNode.Sequence> list = header.required("steps").list();
        if (list.filter(items -> items.items().isEmpty()).isPresent()) {
            header.report("steps", "must list at least one step");
        }
        StepParser stepParser = new StepParser(limits, problems);
        List<YamlNode> items = list.map(YamlNode.Sequence::items).orElse(List.of());
        List<LocatedStep> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            stepParser.parse(items.get(i), i + 1).ifPresent(steps::add);
        }
        return steps;
    }
}
