package com.sicfurnace.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live stream over a real WebSocket: the whole snapshot first, then per newer scan only what changed; the upgrade
 * without the service token is refused.
 */
class LiveStreamTest {
    @TempDir
    Path dir;

    @Test
    void theFirstMessageIsTheWholeSnapshotAndTheNextOnlyWhatChanged() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.core.startRun();
            rig.scanning(10);
            try (StreamClient client = rig.stream(rig.token())) {
                JsonNode first = client.next();
                assertEquals("snapshot", first.path("type").asText());
                int all = first.path("values").size();
                assertTrue(all > 80, "every catalogue value: " + all);
                assertTrue(first.has("alarms") && first.has("safety"), first.toString());
                JsonNode delta = client.next();
                assertEquals("delta", delta.path("type").asText());
                assertTrue(delta.path("scan").asLong() > first.path("scan").asLong(), "a newer scan");
                assertTrue(delta.path("values").size() < all, "only what changed: " + delta.path("values"));
                assertTrue(delta.path("values").has("step_time_s"), "the step timer runs: " + delta);
                assertTrue(!delta.has("alarms") || !delta.path("alarms").equals(first.path("alarms")),
                        "alarms only when they changed");
            }
        }
    }

    @Test
    void anUpgradeWithoutTheServiceTokenIsRefused() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.scans(2);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> rig.stream("wrong"));
            WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                    refused.getCause());
            assertEquals(401, handshake.getResponse().statusCode());
        }
    }
}
