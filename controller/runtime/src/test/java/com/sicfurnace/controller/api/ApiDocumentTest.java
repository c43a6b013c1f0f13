package com.sicfurnace.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the API serves and the routes it answers are the same, route for route: every documented
 * path and method is served (not 404), and the server's route table lists exactly what the document does.
 */
class ApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentAndTheRoutesAreEqual() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.scans(2);
            JsonNode doc = ApiRig.json(rig.get("/api/v1/openapi.json"));
            assertEquals("3.1.0", doc.path("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getValue().path("x-websocket").asBoolean() ? "WS"
                            : op.getKey().toUpperCase(Locale.ROOT);
                    documented.add(method + " " + path.getKey());
                }
            }
            assertEquals(new TreeSet<>(ApiServer.ROUTES), documented);
            Path run = Files.createDirectories(dir.resolve("report").resolve("doc-run"));
            Files.writeString(run.resolve("summary.json"), "{\"recipe\": \"smoke\", \"run\": {\"id\": \"f07-run\"}}");
            Files.writeString(run.resolve("trend.csv"), "time_h,step,state,seed_c\n0.0,heat-up,running,1600\n");
            for (String route : ApiServer.ROUTES) {
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "doc-run");
                if (route.startsWith("WS")) {
                    rig.scanning(20); // the stream sends as a scan ends
                    try (StreamClient client = rig.stream(rig.token())) {
                        assertEquals("snapshot", client.next().path("type").asText(), route + " is served");
                    }
                    continue;
                }
                int status = route.startsWith("POST") ? rig.post(path, "{}").statusCode()
                        : rig.get(path).statusCode();
                assertNotEquals(404, status, route + " is documented but not served");
            }
            assertEquals(404, rig.get("/api/v1/nothing").statusCode(), "and what is not documented is not served");
        }
    }

    @Test
    void everyFieldOfTheCatalogueIsDocumented() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            JsonNode signal = ApiRig.json(rig.get("/api/v1/openapi.json")).path("components").path("schemas")
                    .path("Signal").path("properties");
            JsonNode limit = signal.path("alarm_limits").path("items").path("properties");
            TreeSet<String> given = new TreeSet<>();
            TreeSet<String> givenInLimits = new TreeSet<>();
            for (JsonNode item : ApiRig.json(rig.get("/api/v1/signals"))) {
                item.fieldNames().forEachRemaining(given::add);
                item.path("alarm_limits").forEach(l -> l.fieldNames().forEachRemaining(givenInLimits::add));
            }
            assertEquals(names(signal), given, "the catalogue's fields, as Signal documents them");
            assertEquals(names(limit), givenInLimits, "alarm_limits' fields, as documented");
        }
    }

    private static TreeSet<String> names(JsonNode properties) {
        TreeSet<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
