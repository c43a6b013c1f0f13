package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The furnace API's answers that are the HMI's own, not the controller's. */
class HmiFurnaceApiTest {
    @TempDir
    Path dir;

    @Test
    void aControllerRefusingTheHmisTokenIsABadGatewayNotAnEndedSession() throws Exception {
        // a controller that takes the HMI for a stranger: 401 to everything
        Javalin controller = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/*", ctx -> ctx.status(401).json(Map.of("status", 401, "error", "token")));
        }).start("127.0.0.1", 0);
        Path token = dir.resolve("token");
        Files.writeString(token, "not-the-controllers-token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        try (TestHmi hmi = TestHmi.start(dir, "controllers:\n  - {name: f01, url: 'http://127.0.0.1:"
                + controller.port() + "', token_file: '" + token + "'}\n")) {
            Browser operator = hmi.userWithRole("olga", "operator");
            Browser.Response signals = operator.get("/api/v1/furnaces/f01/signals");
            assertEquals(502, signals.status(), "the browser's session is fine: " + signals);
            assertTrue(signals.body().startsWith("{\"error\":\"controller_refused_hmi\""), signals.body());
            assertEquals(200, operator.get("/api/v1/session").status(), "and still there");
            assertEquals(404, operator.get("/api/v1/furnaces/f09/signals").status(), "a furnace it does not know");
        } finally {
            controller.stop();
        }
    }
}
