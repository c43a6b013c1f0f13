package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.iolist.WordOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunConfigTest {
    private static final Path EXAMPLE = Path.of("..", "..", "docs", "examples", "run-local.yaml");
    private static final String OPCUA = "opcua: {endpoint: 'opc.tcp://127.0.0.1:4840/plc'}\n";
    private static final String MODBUS = "modbus: {port: 5020}\n";

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedExampleDrivesTheLocalSimulator() throws Exception {
        RunConfig config = RunConfig.load(EXAMPLE, 0.1, Map.of());
        assertEquals("opc.tcp://127.0.0.1:4840/plc", config.opcua().endpointUrl());
        assertEquals(OpcUaSettings.Security.NONE, config.opcua().security());
        assertEquals(5020, config.modbus().port());
        assertEquals(60.0, config.speed());
        assertTrue(Files.isRegularFile(config.recipe()), "recipe resolved next to the file: " + config.recipe());
        assertEquals(1.0, config.opcua().publishingIntervalMs(), 1e-9,
                "twice per scan period (0.83 ms at speed 60), and no faster than 1 ms");
    }

    @Test
    void commandLineValuesTakePrecedence() throws Exception {
        RunConfig config = RunConfig.load(EXAMPLE, 0.1, Map.of(), new RunConfig.Overrides(
                Optional.of(Path.of("other.yaml")), Optional.of(dir), Optional.of(1.0), Optional.of(dir.resolve("a"))));
        assertEquals(Path.of("other.yaml"), config.recipe());
        assertEquals(dir, config.reportDir());
        assertEquals(1.0, config.speed());
        assertEquals(dir.resolve("a"), config.auditDir());
        assertEquals(50.0, config.opcua().publishingIntervalMs(), 1e-9, "twice per 100 ms scan at speed 1");
    }

    @Test
    void theSecureEndpointTakesItsPasswordFromTheEnvironmentAndADeviceItsOwnWordOrder() throws Exception {
        RunConfig config = RunConfig.load(file("recipe: r.yaml\n"
                + "opcua: {endpoint: 'opc.tcp://plc:4840', security: basic256sha256, username: operator, "
                + "password_env: PLC_PASSWORD}\n"
                + "modbus: {host: 10.0.0.5, devices: {mfc_ar: {host: 10.0.0.7, port: 1502, word_order: ABCD}}}\n"),
                0.1, Map.of("PLC_PASSWORD", "s3cret"));
        assertEquals(OpcUaSettings.Security.BASIC256SHA256, config.opcua().security());
        assertEquals(Optional.of("operator"), config.opcua().username());
        assertEquals(Optional.of("s3cret"), config.opcua().password());
        assertEquals(502, config.modbus().port());
        assertEquals(Optional.of(WordOrder.ABCD), config.modbus().devices().get("mfc_ar").wordOrder());
        assertEquals(Optional.of(1502), config.modbus().devices().get("mfc_ar").port());
    }

    @Test
    void passwordsComeFromOwnerOnlyFilesAndNoneIsAConstant() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("plc"), "pl(-pass\n");
        Files.writeString(secrets.resolve("pfx"), "key-store-pass\n");
        for (String name : new String[] {"plc", "pfx"}) {
            Files.setPosixFilePermissions(secrets.resolve(name), PosixFilePermissions.fromString("rw-------"));
        }
        String yaml = "recipe: r.yaml\nopcua: {endpoint: 'opc.tcp://plc:4840', username: operator, "
                + "password_file: secrets/plc, key_store_password_file: secrets/pfx}\n" + MODBUS;
        OpcUaSettings opcua = RunConfig.load(file(yaml), 0.1, Map.of()).opcua();
        assertEquals(Optional.of("pl(-pass"), opcua.password());
        assertEquals(Optional.of("key-store-pass"), opcua.keyStorePassword());
        assertFalse(opcua.toString().contains("pass"), "secrets are never printed: " + opcua);

        OpcUaSettings fromEnvironment = RunConfig.load(file("recipe: r.yaml\nopcua: {endpoint: x, "
                + "key_store_password_env: PFX}\n" + MODBUS), 0.1, Map.of("PFX", "from-env")).opcua();
        assertEquals(Optional.of("from-env"), fromEnvironment.keyStorePassword());
        assertEquals(Optional.empty(), RunConfig.load(file("recipe: r.yaml\n" + OPCUA + MODBUS), 0.1, Map.of())
                .opcua().keyStorePassword(), "none configured: generated at first start");

        Files.setPosixFilePermissions(secrets.resolve("plc"), PosixFilePermissions.fromString("rw-r--r--"));
        Path loose = file(yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.load(loose, 0.1, Map.of()));
        assertTrue(e.getMessage().contains("opcua.password_file: secret file " + secrets.resolve("plc")
                + " may be read by others (rw-r--r--); make it owner-only: chmod 600"), e.getMessage());
    }

    @Test
    void pathsAreShownWithoutDotDot() throws Exception {
        RunConfig config = RunConfig.load(EXAMPLE, 0.1, Map.of());
        for (Path path : new Path[] {config.recipe(), config.reportDir(), config.opcua().pkiDir(),
            config.telemetry().orElseThrow().directory(), config.auditDir()}) {
            assertEquals(path.normalize(), path);
            assertFalse(path.toString().contains(".."), path.toString());
        }
        assertTrue(config.reportDir().endsWith(Path.of("reports", "smoke")), config.reportDir().toString());
        assertTrue(config.auditDir().endsWith(Path.of("var", "audit")), config.auditDir().toString());
    }

    /** Like the file's other paths, the trail's is relative to the file; var/audit unless it says otherwise. */
    @Test
    void theAuditTrailGoesToVarAuditNextToTheFileUnlessConfigured() throws Exception {
        String base = "recipe: r.yaml\n" + OPCUA + "modbus: {}\n";
        assertEquals(dir.resolve("var").resolve("audit"), RunConfig.load(file(base), 0.1, Map.of()).auditDir());
        assertEquals(dir.resolve("trail"), RunConfig.load(file(base + "audit_dir: sub/../trail\n"), 0.1, Map.of())
                .auditDir());
    }

    @Test
    void theMetricsEndpointListensOnLoopbackByDefaultAndAsConfigured() throws Exception {
        String base = "recipe: r.yaml\n" + OPCUA + "modbus: {}\n";
        assertEquals(new MetricsSettings("127.0.0.1", 9470, Optional.empty()), RunConfig.load(file(base), 0.1,
                Map.of()).metrics());
        MetricsSettings configured = RunConfig.load(file(base + "metrics: {bind: 0.0.0.0, port: 9555, furnace: f07}\n"),
                0.1, Map.of()).metrics();
        assertEquals(new MetricsSettings("0.0.0.0", 9555, Optional.of("f07")), configured);
        MetricsSettings off = RunConfig.load(file(base + "metrics: {port: 0}\n"), 0.1, Map.of()).metrics();
        assertTrue(!off.enabled(), "port 0 switches it off");
    }

    @Test
    void telemetryIsOnByDefaultAndTheEnvironmentPointsItAtADatabase() throws Exception {
        RunConfig local = RunConfig.load(EXAMPLE, 0.1, Map.of());
        assertTrue(local.telemetry().isPresent());
        assertTrue(local.telemetry().get().influx().isEmpty(), "no database: local files");
        assertTrue(local.telemetry().get().directory().endsWith(Path.of("var", "telemetry")),
                local.telemetry().get().directory().toString());
        RunConfig database = RunConfig.load(EXAMPLE, 0.1, Map.of("INFLUX_URL", "http://db.plant:8086",
                "INFLUX_TOKEN", "t0k3n", "INFLUX_ORG", "plant", "INFLUX_BUCKET", "furnaces"));
        assertEquals("http://db.plant:8086", database.telemetry().orElseThrow().influx().orElseThrow().url());
        assertEquals("t0k3n", database.telemetry().orElseThrow().influx().orElseThrow().token());
        RunConfig off = RunConfig.load(file("recipe: r.yaml\n" + OPCUA + MODBUS + "telemetry: {enabled: false}"), 0.1,
                Map.of());
        assertTrue(off.telemetry().isEmpty());
    }

    @Test
    void theTelemetrySectionSetsBudgetPolicyDecimationAndDatabase() throws Exception {
        RunConfig config = RunConfig.load(file("recipe: r.yaml\n" + OPCUA + MODBUS + "telemetry:\n"
                + "  directory: tele\n  disk_budget_mb: 64\n  when_full: reject_new\n  analog_period_s: 1\n"
                + "  field_period_s: {turbo_pump_speed_pct: 10}\n  backlog_alarm_s: 60\n"
                + "  influx: {url: 'http://db:8086', org: plant, bucket: furnaces, token_env: TOKEN, gzip: false}\n"),
                0.1, Map.of("TOKEN", "secret", "INFLUX_BUCKET", "override"));
        TelemetrySettings telemetry = config.telemetry().orElseThrow();
        assertEquals(dir.resolve("tele"), telemetry.directory());
        assertEquals(64L << 20, telemetry.budgetBytes());
        assertEquals(FullPolicy.REJECT_NEW, telemetry.whenFull());
        assertEquals(1.0, telemetry.decimation().analogPeriodS());
        assertEquals(Map.of("turbo_pump_speed_pct", 10.0), telemetry.decimation().fieldPeriodS());
        assertEquals(Duration.ofSeconds(60), telemetry.backlogAlarm());
        InfluxSettings influx = telemetry.influx().orElseThrow();
        assertEquals("secret", influx.token());
        assertEquals("override", influx.bucket(), "the environment overrides the file");
        assertFalse(influx.gzip());
    }

    @Test
    void withoutATelemetrySectionEveryDefaultApplies() throws Exception {
        Path file = file("recipe: r.yaml\n" + OPCUA + MODBUS);
        assertEquals(TelemetrySettings.local(dir.resolve("telemetry")),
                RunConfig.load(file, 0.1, Map.of()).telemetry().orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.load(file, 0.1, Map.of("INFLUX_URL", "http://db:8086")));
        assertTrue(e.getMessage().startsWith(file + ": telemetry: INFLUX_URL is set but no"), e.getMessage());
    }

    static Stream<Arguments> malformed() {
        String recipe = "recipe: r.yaml\n";
        return Stream.of(
                arguments("- a list", "a run configuration is a YAML mapping"),
                arguments(recipe + "recipes: x\n" + OPCUA, "recipes: unknown key"),
                arguments(recipe + "speed: 0\n" + OPCUA, "speed: must be positive"),
                arguments(recipe + "speed: fast\n" + OPCUA, "speed: must be a number"),
                arguments(OPCUA, "recipe: is required"),
                arguments(recipe + "opcua: {}", "opcua.endpoint: is required"),
                arguments(recipe + "opcua: {endpoint: x, security: aes}",
                        "opcua.security: must be none or basic256sha256"),
                arguments(recipe + "opcua: {endpoint: x, username: op, password_env: NOPE}",
                        "opcua.password_env: environment variable NOPE is not set"),
                arguments(recipe + "opcua: {endpoint: x, username: op}",
                        "opcua.password_env: a username needs its password: give password_env or password_file"),
                arguments(recipe + "opcua: {endpoint: x, username: op, password_env: A, password_file: b}",
                        "opcua.password_file: give password_env or password_file, not both"),
                arguments(recipe + "opcua: {endpoint: x, key_store_password_file: missing}",
                        "opcua.key_store_password_file: secret file "),
                arguments(recipe + "opcua: {endpoint: x, request_timeout_ms: 5}",
                        "opcua: timeouts and keep-alive >= 100 ms"),
                arguments(recipe + OPCUA + "modbus: {port: 70000}", "modbus: modbus port must be 1..65535, not 70000"),
                arguments(recipe + OPCUA + "modbus: {devices: {mfc_xx: {port: 1}}}",
                        "modbus.devices.mfc_xx: unknown device"),
                arguments(recipe + OPCUA + "modbus: {devices: {mfc_ar: {word_order: BADC}}}",
                        "modbus.devices.mfc_ar.word_order: must be ABCD or CDAB, not 'BADC'"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {when_full: block}",
                        "telemetry.when_full: must be drop_oldest or reject_new, not 'block'"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {field_period_s: {pyro_top_c: -1}}",
                        "telemetry: the period of field 'pyro_top_c' must be >= 0, not -1.0"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {disk_budget_mb: 0.5}",
                        "telemetry: telemetry disk budget must be at least 1 MB"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {influx: {url: 'http://db:8086', org: o}}",
                        "telemetry.influx.bucket: is required"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {influx: {url: 'http://db:8086', org: o, bucket: b, "
                        + "token_env: NO_SUCH_TOKEN}}", "telemetry.influx.token_env: environment variable "
                        + "NO_SUCH_TOKEN is not set"),
                arguments(recipe + OPCUA + MODBUS + "telemetry: {enabled: maybe}", "telemetry.enabled: must be true or false"),
                arguments(recipe + OPCUA + "modbus: {devices: {mfc_ar: {parity: even}}}",
                        "modbus.devices.mfc_ar.parity: unknown key"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: on\n", "metrics: must be a mapping"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {path: /m}\n", "metrics.path: unknown key"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {port: 70000}\n",
                        "metrics.port: must be a whole number 0..65535 (0 switches the endpoint off), not 70000"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {port: 9470.5}\n",
                        "metrics.port: must be a whole number 0..65535"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {port: '9470'}\n", "metrics.port: must be a number"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {bind: nohost.invalid}\n",
                        "metrics.bind: cannot resolve 'nohost.invalid'"),
                arguments(recipe + OPCUA + "modbus: {}\nmetrics: {furnace: ''}\n",
                        "metrics.furnace: must not be empty"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedConfigurationIsRefusedNamingTheFileAndTheKey(String yaml, String expected) throws Exception {
        Path file = file(yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.load(file, 0.1, Map.of()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
