package com.sicfurnace.hmi.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.refusal.Refused;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A JSON object from a request body, its fields checked: unknown ones and wrong types are refused (400). */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody of(Context ctx, Set<String> allowed) {
        JsonNode node;
        try {
            node = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new Refused(400, "invalid", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Refused(400, "invalid", "the body must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new Refused(400, "invalid", "unknown field '" + name + "'; known: " + new TreeSet<>(allowed));
            }
        });
        return new JsonBody(node);
    }

    Optional<String> text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Refused(400, "invalid", "field '" + name + "' must be text");
        }
        return Optional.of(value.asText());
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> new Refused(400, "invalid", "field '" + name + "' is required"));
    }

    Optional<Boolean> flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new Refused(400, "invalid", "field '" + name + "' must be true or false");
        }
        return Optional.of(value.asBoolean());
    }
}
