package com.sicfurnace.controller.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.core.FurnaceProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads furnace profiles ({@code profiles/<variant>.yaml}); errors name the file, line and field. */
public final class ProfileLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(new UnitSnakeCase())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProfileLoader() {
    }

    public static FurnaceProfile shipped(String furnace) {
        String resource = "/profiles/" + furnace + ".yaml";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no controller profile for furnace '" + furnace
                        + "' (shipped: 6inch, 8inch)");
            }
            return YAML.readValue(in, FurnaceProfile.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(resource + ": line " + line(e) + " (" + e.getPathReference() + "): "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(resource + ": line " + line(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * snake_case where every capital starts a word, so unit suffixes survive: {@code maxRampRateCPerH} becomes
     * {@code max_ramp_rate_c_per_h} (Jackson's own strategy would give {@code max_ramp_rate_cper_h}).
     */
    static final class UnitSnakeCase extends PropertyNamingStrategies.NamingBase {
        private static final long serialVersionUID = 1L;

        @Override
        public String translate(String name) {
            StringBuilder out = new StringBuilder(name.length() + 8);
            for (char c : name.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    out.append('_').append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
