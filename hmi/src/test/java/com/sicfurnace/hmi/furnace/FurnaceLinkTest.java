package com.sicfurnace.hmi.furnace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.hmi.plant.LivePlant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HMI's link to a real controller (its jar, driving the simulator's jar): the live stream merges into the
 * controller's snapshot; a stopped controller makes the link say so at once, and commands are refused then, not
 * kept; the link comes back by itself when the controller does.
 */
class FurnaceLinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theLinkFollowsTheControllerAndSaysWhenItIsGone() throws Exception {
        try (LivePlant plant = new LivePlant("f01", dir.resolve("f01"), 10).startController();
             FurnaceLink link = new FurnaceLink("f01", URI.create(plant.apiUrl()), plant.tokenFile(),
                     HttpClient.newHttpClient(), Clock.systemUTC()).start()) {
            List<String> messages = new CopyOnWriteArrayList<>();
            link.subscribe(messages::add);
            await(() -> link.state().connected() && link.state().snapshot().isPresent(), "connected", plant);
            assertEquals("ready", link.state().snapshot().get().path("values").path("state").asText());

            HttpResponse<String> start = link.post("/api/v1/commands",
                    "{\"command\":\"start\",\"user\":\"olga\",\"role\":\"operator\"}");
            assertEquals(200, start.statusCode(), start.body());
            await(() -> link.state().snapshot().get().path("values").path("state").asText().equals("running"),
                    "the merged snapshot follows the run", plant);
            long scan = link.state().snapshot().get().path("scan").asLong();
            await(() -> link.state().snapshot().get().path("scan").asLong() > scan + 5, "scans go on", plant);
            assertTrue(messages.stream().anyMatch(m -> m.contains("\"type\":\"delta\"")), "deltas relayed");

            plant.stopController();
            await(() -> !link.state().connected(), "the link says the controller is gone", plant);
            JsonNode last = JSON.readTree(messages.get(messages.size() - 1));
            assertEquals("link", last.path("type").asText());
            assertFalse(last.path("connected").asBoolean());
            assertThrows(FurnaceLink.NotConnected.class, () -> link.post("/api/v1/commands",
                    "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"operator\"}"), "refused, not queued");

            plant.startController();
            await(() -> link.state().connected(), "back by itself", plant);
        }
    }

    private static void await(BooleanSupplier condition, String what, LivePlant plant) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 40 s: " + what + "\n" + plant.logs());
            }
            Thread.sleep(50);
        }
    }
}
