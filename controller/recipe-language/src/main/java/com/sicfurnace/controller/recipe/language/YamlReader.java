package com.sicfurnace.controller.recipe.language;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Builds a {@link YamlNode} tree from Jackson's streaming YAML parser, noting the line of every key and value. */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final YAMLParser parser;

    private YamlReader(YAMLParser parser) {
        this.parser = parser;
    }

    /** The document in {@code text}, or empty if there is none (a blank file or only comments). */
    static Optional<YamlNode> read(String text) throws YamlSyntaxException {
        try (YAMLParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = new YamlReader(parser).value();
            if (parser.nextToken() != null) {
                throw new YamlSyntaxException(line(parser),
                        "a recipe file holds one YAML document, but a second one starts here");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            // Parse errors are JsonProcessingExceptions; anything else would be a fault reading a String.
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode value() throws IOException, YamlSyntaxException {
        int line = line(parser);
        if (parser.isCurrentAlias()) {
            // Jackson hands an alias over as the plain text of its anchor name, which would silently be wrong.
            throw new YamlSyntaxException(line, "aliases like '*" + parser.getText()
                    + "' are not supported in recipes; write the value out");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_NULL -> new YamlNode.Scalar("", line);
            default -> new YamlNode.Scalar(parser.getText(), line);
        };
    }

    private YamlNode.Mapping mapping(int line) throws IOException, YamlSyntaxException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            parser.nextToken();
            entries.add(new YamlNode.Entry(key, keyLine, value()));
        }
        return new YamlNode.Mapping(entries, line);
    }

    private YamlNode.Sequence sequence(int line) throws IOException, YamlSyntaxException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value());
        }
        return new YamlNode.Sequence(items, line);
    }

    private static int line(YAMLParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /**
     * SnakeYAML's own exception (the cause) knows where the problem is; Jackson's location is that of the last
     * good token, which can be lines earlier (e.g. for a tab used as indentation).
     */
    private static YamlSyntaxException syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                && marked.getProblem() != null) {
            return new YamlSyntaxException(marked.getProblemMark().getLine() + 1, describe(marked), e);
        }
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        return new YamlSyntaxException(line, e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }

    private static String describe(MarkedYAMLException marked) {
        Mark contextMark = marked.getContextMark();
        if (marked.getContext() == null || contextMark == null) {
            return marked.getProblem();
        }
        return marked.getProblem() + " (" + marked.getContext() + " that starts on line "
                + (contextMark.getLine() + 1) + ")";
    }
}
