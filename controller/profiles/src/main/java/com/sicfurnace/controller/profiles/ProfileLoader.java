package com.sicfurnace.controller.profiles;

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

/**
 * Reads the furnace profiles that ship ({@code profiles/<variant>.yaml}) into the record type the caller gives
 * (the core's {@code FurnaceProfile}); errors name the file, line and field. Generic in the type so that this module
 * does not depend on the core, whose own tests read the shipped profiles through it.
 */
public final class ProfileLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(new UnitSnakeCase())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProfileLoader() {
    }

    /** Whether a profile for this furnace variant ships. */
    public static boolean ships(String furnace) {
        return ProfileLoader.class.getResource(resource(furnace)) != null;
    }

    public static <T> T shipped(String furnace, Class<T> type) {
        String resource = resource(furnace);
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no controller profile for furnace '" + furnace
                        + "' (shipped: 6inch, 8inch)");
            }
            return YAML.readValue(in, type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(resource + ": line " + line(e) + " (" + e.getPathReference() + "): "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(resource + ": line " + line(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String resource(String furnace) {
        return "/profiles/" + furnace + ".yaml";
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * snake_case where every capital starts a word, so unit suffixes survive: {@code maxRampRateCPerH} becomes
     * {@code max_ramp_rate_c_per_h} (Jackson's own strategy would give {@code max_ramp_rate_cper_h}).
     */
    private static final class UnitSnakeCase extends PropertyNamingStrategies.NamingBase {
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
