package com.sicfurnace.controller.telemetry.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the database settings come from (file, environment) and how bad values are refused. */
class InfluxSettingsTest {
    private static final InfluxSettings FILE = new InfluxSettings("http://influx.lab:8086", "file-token", "lab",
            "furnace", Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), false);

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void noUrlInFileOrEnvironmentMeansNoDatabase() {
        assertEquals(Optional.empty(), InfluxSettings.resolve(Optional.empty(),
                Map.of("INFLUX_TOKEN", "t", "INFLUX_ORG", "o", "INFLUX_BUCKET", "b")));
    }

    @Test
    void theFileAloneIsTakenAsItIs() {
        assertEquals(Optional.of(FILE), InfluxSettings.resolve(Optional.of(FILE), Map.of()));
    }

    @Test
    void eachVariableOverridesItsKeyAndKeepsTheFilesTimeoutsAndGzip() {
        InfluxSettings resolved = InfluxSettings.resolve(Optional.of(FILE), Map.of(
                "INFLUX_URL", "https://eu-central-1-1.aws.cloud2.influxdata.com",
                "INFLUX_TOKEN", "env-token",
                "INFLUX_ORG", "sic-fab",
                "INFLUX_BUCKET", "telemetry")).orElseThrow();

        assertEquals(new InfluxSettings("https://eu-central-1-1.aws.cloud2.influxdata.com", "env-token", "sic-fab",
                "telemetry", Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), false), resolved);
    }

    @Test
    void onlyTheTokenFromTheEnvironment() {
        InfluxSettings resolved = InfluxSettings.resolve(Optional.of(FILE), Map.of("INFLUX_TOKEN", "env-token"))
                .orElseThrow();

        assertEquals("env-token", resolved.token());
        assertEquals(FILE.url(), resolved.url());
        assertEquals(FILE.bucket(), resolved.bucket());
    }

    @Test
    void blankVariablesAreTreatedAsUnset() {
        assertEquals(Optional.of(FILE), InfluxSettings.resolve(Optional.of(FILE),
                Map.of("INFLUX_URL", " ", "INFLUX_TOKEN", "", "INFLUX_ORG", "", "INFLUX_BUCKET", "  ")));
    }

    @Test
    void theEnvironmentAloneWithDefaultTimeoutsAndGzipOn() {
        InfluxSettings resolved = InfluxSettings.resolve(Optional.empty(), Map.of("INFLUX_URL",
                "http://127.0.0.1:8086", "INFLUX_ORG", "-", "INFLUX_BUCKET", "telemetry/autogen")).orElseThrow();

        assertEquals(InfluxSettings.of("http://127.0.0.1:8086", "", "-", "telemetry/autogen"), resolved);
        assertTrue(resolved.gzip());
        assertEquals(InfluxSettings.DEFAULT_READ_TIMEOUT, resolved.readTimeout());
    }

    @Test
    void aUrlFromTheEnvironmentWithoutABucketNamesBothPlacesToGiveIt() {
        String message = refusal(() -> InfluxSettings.resolve(Optional.empty(),
                Map.of("INFLUX_URL", "http://127.0.0.1:8086", "INFLUX_ORG", "lab")));

        assertEquals("INFLUX_URL is set but no bucket is given: set INFLUX_BUCKET or influx.bucket in the settings "
                + "file", message);
    }

    @Test
    void aUrlFromTheEnvironmentWithoutAnOrgNamesBothPlacesToGiveIt() {
        String message = refusal(() -> InfluxSettings.resolve(Optional.empty(),
                Map.of("INFLUX_URL", "http://127.0.0.1:8086", "INFLUX_BUCKET", "b")));

        assertEquals("INFLUX_URL is set but no organisation is given: set INFLUX_ORG or influx.org in the settings "
                + "file", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"influx.lab:8086", "ftp://influx.lab", "http://", "http://exa mple:8086",
            "http://influx.lab:8086?token=abc", "http://admin:pw@influx.lab:8086", "http://influx.lab/#frag"})
    void aMalformedUrlFromTheEnvironmentIsRefusedNamingTheVariable(String url) {
        String message = refusal(() -> InfluxSettings.resolve(Optional.of(FILE), Map.of("INFLUX_URL", url)));

        assertTrue(message.startsWith("INFLUX_URL: "), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"influx.lab:8086", "ftp://influx.lab", "http://", "http://exa mple:8086",
            "http://influx.lab:8086?token=abc", "http://admin:pw@influx.lab:8086", "http://influx.lab/#frag"})
    void aMalformedUrlFromTheFileIsRefusedNamingTheKey(String url) {
        String message = refusal(() -> InfluxSettings.of(url, "", "lab", "furnace"));

        assertTrue(message.startsWith("influx.url: "), message);
    }

    @Test
    void credentialsInARefusedUrlAreNotRepeatedInTheMessage() {
        for (String url : new String[]{"http://admin:pw@influx.lab:8086", "http://influx.lab:8086?token=abc",
                "http://admin:pw@exa mple"}) {
            String message = refusal(() -> InfluxSettings.of(url, "", "o", "b"));

            assertFalse(message.contains("pw") || message.contains("abc"), message);
        }
    }

    @Test
    void aMissingBucketOrOrgInTheFileIsRefusedNamingTheKey() {
        assertTrue(refusal(() -> InfluxSettings.of("http://influx.lab", "", "lab", " "))
                .startsWith("influx.bucket is required"));
        assertTrue(refusal(() -> InfluxSettings.of("http://influx.lab", "", "", "b"))
                .startsWith("influx.org is required"));
    }

    @Test
    void timeoutsMustBePositive() {
        assertEquals("influx.read_timeout_ms must be a positive duration, not PT0S",
                refusal(() -> FILE.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO)));
    }

    @Test
    void aPathIsKeptForAServerBehindAReverseProxy() {
        assertEquals("https://gateway.lab/influx", InfluxSettings.of("https://gateway.lab/influx ", "", "o", "b")
                .url());
    }

    @Test
    void theTokenNeverAppearsInToString() {
        assertFalse(FILE.toString().contains("file-token"), FILE.toString());
        assertTrue(FILE.toString().contains("token=(set)"), FILE.toString());
    }
}
