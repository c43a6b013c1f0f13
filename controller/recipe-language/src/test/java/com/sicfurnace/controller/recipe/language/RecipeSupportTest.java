package com.sicfurnace.controller.recipe.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pieces under the loader: the located YAML tree, suggestions and message formatting. */
class RecipeSupportTest {

    @Test
    void locatedTreeKeepsTheLineOfEveryKeyAndValue() throws YamlSyntaxException {
        YamlNode root = YamlReader.read("""
                # a comment first
                recipe: r
                steps:
                  - name: a
                    until:
                      pressure_mbar: {below: 5e-5}
                """).orElseThrow();

        YamlNode.Mapping header = assertInstanceOf(YamlNode.Mapping.class, root);
        assertEquals(2, header.line());
        YamlNode.Entry steps = header.find("steps").orElseThrow();
        assertEquals(3, steps.line());
        YamlNode.Sequence list = assertInstanceOf(YamlNode.Sequence.class, steps.value());
        YamlNode.Mapping step = assertInstanceOf(YamlNode.Mapping.class, list.items().get(0));
        assertEquals(4, step.line());
        YamlNode.Entry until = step.find("until").orElseThrow();
        assertEquals(5, until.line());
        YamlNode.Mapping pressure = assertInstanceOf(YamlNode.Mapping.class,
                assertInstanceOf(YamlNode.Mapping.class, until.value()).find("pressure_mbar").orElseThrow().value());
        assertEquals(new YamlNode.Scalar("5e-5", 6), pressure.find("below").orElseThrow().value());
    }

    @Test
    void nullReadsAsEmptyTextAndWordsStayAsWritten() throws YamlSyntaxException {
        YamlNode.Mapping root = assertInstanceOf(YamlNode.Mapping.class,
                YamlReader.read("a:\nb: ~\nheater: off\n").orElseThrow());

        assertEquals(List.of(new YamlNode.Scalar("", 1), new YamlNode.Scalar("", 2), new YamlNode.Scalar("off", 3)),
                root.entries().stream().map(YamlNode.Entry::value).toList());
    }

    @Test
    void blankTextHasNoDocument() throws YamlSyntaxException {
        assertEquals(Optional.empty(), YamlReader.read("\n# nothing\n"));
    }

    @Test
    void suggestsOnlyWithinTwoEditsIgnoringCase() {
        List<String> fields = List.of("seed_c", "source_c", "duration");

        assertEquals(Optional.of("seed_c"), Suggestions.closest("SEED_C", fields));
        assertEquals(Optional.of("duration"), Suggestions.closest("durtaion", fields));
        assertEquals(Optional.empty(), Suggestions.closest("dur", fields));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void formatsNumbersAndDurationsAsWritten() {
        assertEquals("900", Units.format(900.0));
        assertEquals("0.00005", Units.format(5e-5));
        assertEquals("333.333", Units.format(1000.0 / 3));
        assertEquals("-10 K", Units.format(-10, "K"));
        assertEquals("90 min", Units.format(Duration.ofMinutes(90)));
        assertEquals("2 h", Units.format(Duration.ofHours(2)));
        assertEquals("45 s", Units.format(Duration.ofSeconds(45)));
    }
}
