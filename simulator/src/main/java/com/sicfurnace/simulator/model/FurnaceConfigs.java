package com.sicfurnace.simulator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads furnace configurations: the shipped ones by variant name, or a file of the plant's own. */
public final class FurnaceConfigs {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FurnaceConfigs() {
    }

    /** The shipped configuration of a furnace variant, e.g. {@code 6inch} or {@code 8inch}. */
    public static FurnaceConfig shipped(String variant) {
        String resource = "/furnaces/" + variant + ".yaml";
        try (InputStream in = FurnaceConfigs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown furnace '" + variant + "': no " + resource
                        + " (shipped: 6inch, 8inch)");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static FurnaceConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read furnace configuration " + file, e);
        }
    }

    private static FurnaceConfig read(InputStream in, String source) throws IOException {
        try {
            return YAML.readValue(in, FurnaceConfig.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": line " + line(e) + " (" + e.getPathReference() + "): "
                    + cause.getMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": line " + line(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
