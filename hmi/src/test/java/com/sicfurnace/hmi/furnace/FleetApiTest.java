package com.sicfurnace.hmi.furnace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.TestHmi;
import com.sicfurnace.hmi.plant.LivePlant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HMI in front of a real controller (its jar, driving the simulator's jar), over HTTP as a browser's scripts use
 * it: the fleet shows the furnace live; a command carries the logged-in user whatever the page claims, and reaches
 * the controller's audit trail as hers; engineers' data is refused to operators; with the controller gone, commands
 * are refused on the spot.
 */
class FleetApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void commandsGoAsTheLoggedInUserAndAreRefusedWhileTheControllerIsGone() throws Exception {
        try (LivePlant plant = new LivePlant("f01", dir.resolve("f01"), 10).startController();
             TestHmi hmi = TestHmi.start(Files.createDirectories(dir.resolve("hmi")), "controllers:\n  - {name: f01, url: '"
                     + plant.apiUrl() + "', token_file: '" + plant.tokenFile() + "'}\n")) {
            Browser olga = hmi.userWithRole("olga", "operator");
            await(() -> fleet(olga).get(0).path("connected").asBoolean(), "the fleet shows f01 connected", plant);
            JsonNode f01 = fleet(olga).get(0);
            assertEquals("f01", f01.path("name").asText());
            assertEquals("ready", f01.path("snapshot").path("values").path("state").asText());

            // a version of the HMI's recipe store reaches the controller only once approved, as the store has it
            Browser erika = hmi.userWithRole("erika", "engineer");
            String smoke = Files.readString(Path.of("..", "docs", "recipes", "smoke.yaml"))
                    .replace("recipe: smoke\n", "recipe: smoke-store\n");
            String save = JSON.writeValueAsString(Map.of("yaml", smoke, "comment", "as shipped"));
            JsonNode v1 = JSON.readTree(erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke-store/versions", save).body());
            assertEquals(201, erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke-store/versions", save).status());
            assertEquals(201, hmi.userWithRole("jonas", "engineer").jsonWithCsrf("POST",
                    "/api/v1/recipes/smoke-store/versions/1/approval", "{\"comment\":\"checked\"}").status());
            Browser.Response draft = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":"
                    + "\"load_recipe\",\"store_recipe\":\"smoke-store\",\"version\":2,\"reason\":\"next boule\"}");
            assertEquals(409, draft.status(), draft.body());
            assertTrue(draft.body().contains("\"error\":\"not_approved\""), draft.body());
            Browser.Response ownText = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":"
                    + "\"load_recipe\",\"store_recipe\":\"smoke-store\",\"version\":1,\"yaml\":\"recipe: x\","
                    + "\"reason\":\"next boule\"}");
            assertEquals(400, ownText.status(), "a text from the page is never loaded: " + ownText.body());
            Browser.Response library = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":"
                    + "\"load_recipe\",\"recipe\":\"smoke.yaml\",\"reason\":\"next boule\"}");
            assertEquals(403, library.status(), "an operator loads approved versions only: " + library.body());
            Browser.Response load = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands", "{\"command\":"
                    + "\"load_recipe\",\"store_recipe\":\"smoke-store\",\"version\":1,\"reason\":\"next boule\"}");
            assertEquals(200, load.status(), load.body());
            JsonNode loaded = JSON.readTree(olga.get("/api/v1/furnaces/f01/recipes").body()).path("loaded");
            assertEquals(v1.path("sha256").asText(), loaded.path("sha256").asText(), "the approved version's bytes");
            assertTrue(loaded.path("file").asText().startsWith("smoke-store-v1-"), loaded.toString());

            Browser.Response start = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                    "{\"command\":\"start\",\"user\":\"mallory\",\"role\":\"admin\",\"reason\":\"shift start\"}");
            assertEquals(200, start.status(), start.body());
            JsonNode applied = JSON.readTree(start.body());
            assertEquals("olga", applied.path("user").asText(), "the session's user, not the page's claim");
            assertEquals("operator", applied.path("role").asText());

            assertEquals(403, olga.get("/api/v1/furnaces/f01/audit").status(), "the trail is an engineer's view");
            assertEquals(200, olga.get("/api/v1/furnaces/f01/events?after=0").status());
            assertEquals(404, olga.get("/api/v1/furnaces/f99/events").status());

            plant.stopController();
            await(() -> !fleet(olga).get(0).path("connected").asBoolean(), "the fleet shows f01 gone", plant);
            Browser.Response hold = olga.jsonWithCsrf("POST", "/api/v1/furnaces/f01/commands",
                    "{\"command\":\"hold\",\"reason\":\"check\"}");
            assertEquals(503, hold.status(), hold.body());
            assertTrue(hold.body().contains("nothing is kept to send later"), hold.body());

            List<AuditRecord> trail = TrailRecords.read(plant.dir.resolve("audit"));
            AuditRecord started = trail.stream().filter(r -> r.entry().action().equals("start")).findFirst()
                    .orElseThrow(() -> new AssertionError("no start in " + TrailRecords.actions(trail)));
            assertEquals("olga", started.entry().user());
            assertEquals("shift start", started.entry().reason());
            assertTrue(trail.stream().noneMatch(r -> r.entry().action().equals("hold")), "the refused hold never "
                    + "reached the controller");
        }
    }

    @Test
    void theLiveRelayNeedsASessionAndGivesTheLinkThenTheWholeSnapshotThenDeltas() throws Exception {
        try (LivePlant plant = new LivePlant("f01", dir.resolve("f01"), 10).startController();
             TestHmi hmi = TestHmi.start(Files.createDirectories(dir.resolve("hmi")), "controllers:\n  - {name: f01, "
                     + "url: '" + plant.apiUrl() + "', token_file: '" + plant.tokenFile() + "'}\n")) {
            URI live = URI.create("ws://127.0.0.1:" + hmi.server.port() + "/live/f01");
            HttpClient http = HttpClient.newHttpClient();
            ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                    .buildAsync(live, new Messages()).get(10, TimeUnit.SECONDS));
            assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse()
                    .statusCode(), "no session, no socket");

            Browser olga = hmi.userWithRole("olga", "operator");
            await(() -> fleet(olga).get(0).path("connected").asBoolean(), "connected", plant);
            Messages messages = new Messages();
            WebSocket socket = http.newWebSocketBuilder().header("Cookie", "hmi_session="
                    + olga.cookie("hmi_session").orElseThrow().value()).buildAsync(live, messages)
                    .get(10, TimeUnit.SECONDS);
            assertEquals("link", messages.next().path("type").asText());
            JsonNode snapshot = messages.next();
            assertEquals("snapshot", snapshot.path("type").asText());
            assertTrue(snapshot.path("values").has("pyro_top_c"), snapshot.toString());
            JsonNode delta = messages.next();
            assertEquals("delta", delta.path("type").asText());
            assertTrue(delta.path("scan").asLong() > snapshot.path("scan").asLong());
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /** A WebSocket client's messages, parsed, in order. */
    private static final class Messages implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    queue.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = queue.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s");
            }
            return message;
        }
    }

    private static JsonNode fleet(Browser browser) throws Exception {
        return JSON.readTree(browser.get("/api/v1/furnaces").body());
    }

    private static void await(Check condition, String what, LivePlant plant) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.test()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 40 s: " + what + "\n" + plant.logs());
            }
            Thread.sleep(50);
        }
    }

    /** Lets the lambda above throw: the fleet is read over HTTP. */
    private interface Check {
        boolean test() throws Exception;
    }
}
