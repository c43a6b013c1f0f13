package com.sicfurnace.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.alarm.AlarmDefinition;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The northbound API over a real core, on a real loopback port: the service token is required everywhere and made
 * owner-only at first start; the snapshot, the events and the history answer from the core; commands reach the core
 * with their user, role and reason, and its verdict (applied, or refused with its own message) comes back; malformed
 * requests are refused naming what is wrong.
 */
class ApiServerTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteNeedsTheServiceTokenWhichIsGeneratedOwnerOnly() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.scans(2);
            Path token = dir.resolve("api").resolve("token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertTrue(rig.token().length() >= 40, "a long random token");
            for (String route : ApiServer.ROUTES) {
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "any-run");
                HttpRequest.Builder request = HttpRequest.newBuilder(rig.uri(path)).timeout(Duration.ofSeconds(5));
                HttpResponse<String> none = rig.http.send(route.startsWith("POST")
                        ? request.POST(HttpRequest.BodyPublishers.ofString("{}")).build() : request.GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, none.statusCode(), route + " without a token: " + none.body());
                HttpResponse<String> wrong = rig.http.send(HttpRequest.newBuilder(rig.uri(path))
                        .header("Authorization", "Bearer " + rig.token() + "x").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, wrong.statusCode(), route + " with a wrong token");
            }
            assertEquals(200, rig.get("/api/v1/snapshot").statusCode(), "and with it");
        }
    }

    @Test
    void theSnapshotShowsEveryValueWithItsQualityTheRunAndTheAlarms() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            assertEquals(503, rig.get("/api/v1/snapshot").statusCode(), "no scan yet");
            rig.core.startRun();
            rig.scans(20);
            JsonNode s = ApiRig.json(rig.get("/api/v1/snapshot"));
            assertEquals(rig.core.last().scan(), s.path("scan").asLong());
            assertEquals(rig.core.last().time().toString(), s.path("time").asText());
            assertEquals("running", s.path("values").path("state").asText());
            assertEquals(rig.core.last().value(com.sicfurnace.controller.signal.Signal.PYRO_TOP_C),
                    s.path("values").path("pyro_top_c").asDouble(), 1e-9);
            assertEquals("good", s.path("quality").path("pyro_top_c").asText());
            assertTrue(s.path("values").has("seed_sp_c"), "the controller's own values too: " + s);
            assertTrue(s.path("alarms").has("not_normal") && s.path("safety").has("active"), s.toString());
            JsonNode signals = ApiRig.json(rig.get("/api/v1/signals"));
            JsonNode pyro = find(signals, "pyro_top_c");
            assertEquals("°C", pyro.path("unit").asText());
            assertEquals(1000.0, pyro.path("min").asDouble());
            assertEquals(3000.0, pyro.path("max").asDouble());
            assertEquals("in", pyro.path("direction").asText());
            JsonNode controller = ApiRig.json(rig.get("/api/v1/controller"));
            assertEquals("f07", controller.path("furnace").asText());
            JsonNode loaded = ApiRig.json(rig.get("/api/v1/recipes")).path("loaded");
            assertEquals(rig.recipe.name(), loaded.path("name").asText());
            assertEquals(rig.recipe.steps().size(), loaded.path("steps").size());
            assertEquals(rig.recipe.steps().get(0).typeName(), loaded.path("steps").get(0).path("type").asText());
        }
    }

    @Test
    void commandsReachTheCoreWithTheirUserAndComeBackWithItsVerdict() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.core.startRun();
            rig.scanning(5);
            HttpResponse<String> hold = rig.post("/api/v1/commands",
                    "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"operator\",\"reason\":\"window check\"}");
            assertEquals(200, hold.statusCode(), hold.body());
            JsonNode held = ApiRig.json(hold);
            assertTrue(held.path("accepted").asBoolean());
            assertEquals("olga", held.path("user").asText());
            assertEquals("operator", held.path("role").asText());
            assertEquals("window check", held.path("reason").asText());
            assertEquals("hold", held.path("action").asText());

            HttpResponse<String> again = rig.post("/api/v1/commands",
                    "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"operator\"}");
            assertEquals(409, again.statusCode(), "a held run cannot be held: " + again.body());
            assertFalse(ApiRig.json(again).path("detail").asText().isBlank(), "the core's own message");

            HttpResponse<String> bypass = rig.post("/api/v1/commands", "{\"command\":\"bypass\",\"user\":\"olga\","
                    + "\"role\":\"operator\",\"reason\":\"x\",\"interlock\":\"chiller_stopped\",\"duration_min\":5}");
            assertEquals(409, bypass.statusCode());
            assertTrue(ApiRig.json(bypass).path("detail").asText().contains("an operator may not"),
                    bypass.body());

            HttpResponse<String> resume = rig.post("/api/v1/commands",
                    "{\"command\":\"resume\",\"user\":\"olga\",\"role\":\"operator\"}");
            assertEquals(200, resume.statusCode(), resume.body());
            long seq = ApiRig.json(resume).path("seq").asLong();
            JsonNode events = ApiRig.json(rig.get("/api/v1/events?after=0&max=1000"));
            assertTrue(events.path("through").asLong() >= seq);
            boolean found = false;
            for (JsonNode e : events.path("events")) {
                found |= e.path("seq").asLong() == seq && e.path("kind").asText().equals("command")
                        && e.path("request_id").asText().equals(ApiRig.json(resume).path("request_id").asText());
            }
            assertTrue(found, "the verdict is the event in the stream: " + events);
        }
    }

    /**
     * /loops shows each loop's gains against the profile's, the allowed range and the seed loop's schedule; a tune
     * moves the gains (before and after in its verdict); the relay test is the engineer's, and is refused with the
     * core's reason where the run does not hold the seed steady at its setpoint.
     */
    @Test
    void theLoopsShowGainsScheduleAndAutoTuneAndChangeOnlyByCommand() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.core.startRun();
            rig.scanning(5);
            JsonNode loops = ApiRig.json(rig.get("/api/v1/loops"));
            JsonNode seed = loops.path("loops").path("seed");
            assertEquals(0.3, seed.path("kp").asDouble(), 1e-12, loops.toString());
            assertEquals(0.3, seed.path("profile").path("kp").asDouble(), 1e-12);
            assertEquals(3.0, seed.path("allowed").path("kp_max").asDouble(), 1e-12);
            assertEquals(40.0, seed.path("allowed").path("ti_s_min").asDouble(), 1e-12);
            assertEquals(2350.0, loops.path("schedule").path("reference_c").asDouble());
            assertEquals(1600.0, loops.path("seed_sp_c").asDouble());
            double scale = Math.pow((1600 + 273.15) / (2350 + 273.15), 2.4);
            assertEquals(scale, seed.path("gain_scale").asDouble(), 1e-9);
            assertEquals(0.3 * scale, seed.path("effective").path("kp").asDouble(), 1e-9);
            assertEquals(1.0, loops.path("loops").path("pressure").path("gain_scale").asDouble());
            assertEquals("idle", loops.path("auto_tune").path("state").asText());

            HttpResponse<String> tune = rig.post("/api/v1/commands", "{\"command\":\"tune\",\"user\":\"erin\","
                    + "\"role\":\"engineer\",\"reason\":\"faster\",\"loop\":\"seed\",\"kp\":0.36,\"ti_s\":450,"
                    + "\"td_s\":0}");
            assertEquals(200, tune.statusCode(), tune.body());
            assertEquals("0.300000", ApiRig.json(tune).path("before").path("kp").asText());
            assertEquals("0.360000", ApiRig.json(tune).path("after").path("kp").asText());
            assertEquals(0.36, ApiRig.json(rig.get("/api/v1/loops")).path("loops").path("seed").path("kp")
                    .asDouble(), 1e-12);
            JsonNode inSnapshot = ApiRig.json(rig.get("/api/v1/snapshot")).path("tuning");
            assertEquals(450.0, inSnapshot.path("loops").path("seed").path("ti_s").asDouble(), 1e-12);
            assertTrue(inSnapshot.path("loops").path("seed").path("gain_scale").isMissingNode(),
                    "the factors follow the setpoint: not in every snapshot");

            String start = "{\"command\":\"start_auto_tune\",\"user\":\"%s\",\"role\":\"%s\",\"reason\":\"r\","
                    + "\"loop\":\"seed\",\"amplitude_kw\":1,\"band_k\":10}";
            HttpResponse<String> byOperator = rig.post("/api/v1/commands", String.format(start, "olga", "operator"));
            assertEquals(409, byOperator.statusCode());
            assertTrue(ApiRig.json(byOperator).path("detail").asText().contains("an operator may not start auto tune"),
                    byOperator.body());
            HttpResponse<String> tooLarge = rig.post("/api/v1/commands", String.format(start, "erin", "engineer"));
            assertEquals(409, tooLarge.statusCode(), tooLarge.body());
            assertTrue(ApiRig.json(tooLarge).path("detail").asText().contains("amplitude_kw: the relay's output"),
                    "the rig's loop stands at almost no power: " + tooLarge.body());
            HttpResponse<String> accept = rig.post("/api/v1/commands", "{\"command\":\"accept_tuning\","
                    + "\"user\":\"erin\",\"role\":\"engineer\",\"reason\":\"r\",\"loop\":\"seed\"}");
            assertEquals(409, accept.statusCode());
            assertTrue(ApiRig.json(accept).path("detail").asText().contains("no proposal"), accept.body());
        }
    }

    @Test
    void malformedCommandsAreRefusedNamingTheField() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            rig.scanning(5);
            assertBad(rig, "not json", "not JSON");
            assertBad(rig, "{\"command\":\"hold\",\"role\":\"operator\"}", "field user");
            assertBad(rig, "{\"command\":\"fly\",\"user\":\"olga\",\"role\":\"operator\"}", "field command");
            assertBad(rig, "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"system\"}", "field role");
            assertBad(rig, "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"king\"}", "field role");
            assertBad(rig, "{\"command\":\"bypass\",\"user\":\"e\",\"role\":\"engineer\",\"reason\":\"r\","
                    + "\"interlock\":\"no_such_row\",\"duration_min\":5}", "field interlock");
            assertBad(rig, "{\"command\":\"tune\",\"user\":\"e\",\"role\":\"engineer\",\"reason\":\"r\","
                    + "\"loop\":\"seed\",\"kp\":\"a lot\",\"ti_s\":1,\"td_s\":0}", "field kp");
            assertBad(rig, "{\"command\":\"start_auto_tune\",\"user\":\"e\",\"role\":\"engineer\",\"reason\":\"r\","
                    + "\"loop\":\"seed\",\"band_k\":10}", "field amplitude_kw");
            assertBad(rig, "{\"command\":\"start_auto_tune\",\"user\":\"e\",\"role\":\"engineer\",\"reason\":\"r\","
                    + "\"loop\":\"seed\",\"amplitude_kw\":1,\"band_k\":10,\"cycles\":2.5}", "field cycles");
            assertBad(rig, "{\"command\":\"accept_tuning\",\"user\":\"e\",\"role\":\"engineer\",\"reason\":\"r\","
                    + "\"loop\":\"heater\"}", "field loop");
            assertEquals(400, rig.get("/api/v1/events?max=0").statusCode());
            assertEquals(400, rig.get("/api/v1/history?values=no_such_value").statusCode());
            assertEquals(400, rig.get("/api/v1/history?values=pyro_top_c&from=yesterday").statusCode());
        }
    }

    private static void assertBad(ApiRig rig, String body, String naming) throws Exception {
        HttpResponse<String> response = rig.post("/api/v1/commands", body);
        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        assertTrue(ApiRig.json(response).path("error").asText().contains(naming), response.body());
    }

    @Test
    void historyIsDecimatedToTheWidthAskedForWithMinimumMaximumAndLast() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            rig.core.startRun();
            rig.scans(6000); // ten furnace minutes
            rig.server.drainHistory();
            Instant end = rig.core.last().time();
            HttpResponse<String> response = rig.get("/api/v1/history?values=power_sp_kw,pyro_top_c&from=" + start
                    + "&to=" + end + "&width=10");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode h = ApiRig.json(response);
            assertEquals(1, h.path("resolution_s").asInt(), "ten minutes are in the seconds kept");
            assertEquals(60, h.path("bucket_s").asInt(), "600 s in 10 buckets");
            assertEquals(10, h.path("t").size());
            JsonNode power = h.path("series").path("power_sp_kw");
            assertEquals(10, power.path("last").size());
            int filled = 0;
            for (int b = 0; b < 10; b++) {
                if (!power.path("last").get(b).isNull()) {
                    filled++;
                    double min = power.path("min").get(b).asDouble();
                    double max = power.path("max").get(b).asDouble();
                    double last = power.path("last").get(b).asDouble();
                    assertTrue(min <= last && last <= max, "bucket " + b + ": " + min + " " + last + " " + max);
                }
            }
            assertEquals(10, filled, "a sample every furnace second: " + power);
        }
    }

    @Test
    void theCatalogueGivesEachValueTheLimitsOfTheProfilesAlarmsOnIt() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            JsonNode signals = ApiRig.json(rig.get("/api/v1/signals"));
            AlarmDefinition seedHigh = definition(rig.core.profile.alarms().definitions(), "SEED_TEMPERATURE_HIGH");
            JsonNode seed = limits(signals, "pyro_top_c");
            assertEquals(2, seed.size(), "deviation and high; the rate alarm defines no range: " + seed);
            assertEquals("{\"alarm\":\"SEED_TEMPERATURE_DEVIATION\",\"type\":\"deviation\",\"priority\":\"medium\","
                    + "\"limit\":5.0,\"unit\":\"K\",\"setpoint\":\"seed_sp_c\",\"relative\":false}",
                    seed.get(0).toString());
            assertEquals("high", seed.get(1).path("type").asText());
            assertEquals(seedHigh.limit(), seed.get(1).path("limit").asDouble());
            assertEquals("°C", seed.get(1).path("unit").asText());
            JsonNode pressure = limits(signals, "pressure_mbar");
            assertEquals("%", pressure.get(0).path("unit").asText(), "a relative deviation: " + pressure);
            assertTrue(pressure.get(0).path("relative").asBoolean());
            assertEquals("pressure_sp_mbar", pressure.get(0).path("setpoint").asText());
            assertEquals("L/min", limits(signals, "water_coil_flow_lpm").get(0).path("unit").asText());
            assertFalse(find(signals, "ps1_power_kw").has("alarm_limits"), "no alarm watches the supply's power");
        }
        try (ApiRig edited = new ApiRig(dir.resolve("edited"), ApiSettings.local(0, dir.resolve("edited/api")),
                alarms -> alarms.stream().map(a -> a.id().equals("COIL_WATER_FLOW_LOW") ? withLimit(a, 23.5) : a)
                        .toList())) {
            JsonNode coil = limits(ApiRig.json(edited.get("/api/v1/signals")), "water_coil_flow_lpm").get(0);
            assertEquals("COIL_WATER_FLOW_LOW", coil.path("alarm").asText());
            assertEquals("low", coil.path("type").asText());
            assertEquals(23.5, coil.path("limit").asDouble(), "the profile's number, whatever it is");
        }
    }

    private static JsonNode limits(JsonNode signals, String name) {
        JsonNode limits = find(signals, name).path("alarm_limits");
        assertTrue(limits.isArray() && !limits.isEmpty(), name + " has alarm limits: " + find(signals, name));
        return limits;
    }

    private static AlarmDefinition definition(List<AlarmDefinition> alarms, String id) {
        return alarms.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static AlarmDefinition withLimit(AlarmDefinition a, double limit) {
        return new AlarmDefinition(a.id(), a.type(), a.priority(), a.text(), a.signal(), a.setpoint(), limit,
                a.relative(), a.deadband(), a.onDelayS(), a.offDelayS(), a.windowS(), a.when(), a.devices(),
                a.suppressWhen(), a.shelvable(), a.maxShelveS());
    }

    private static JsonNode find(JsonNode signals, String name) {
        for (JsonNode s : signals) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name + " in " + signals);
    }
}
