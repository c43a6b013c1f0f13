package com.sicfurnace.controller.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.api.ApiSettings;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.iolist.WordOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The controller's configuration for running a furnace (real or simulated), from a YAML file:
 * <pre>
 * recipe: docs/recipes/smoke.yaml        # relative paths are relative to the file
 * report_dir: reports/smoke
 * audit_dir: var/audit                   # the audit trail (default var/audit); owner-only, append-only
 * journal_dir: var/journal               # the run journal a restarted controller goes on from (default var/journal)
 * recovery:
 *   max_outage_s: 300                    # furnace seconds: a longer outage resumes the run held for an operator
 * speed: 1                               # furnace seconds per wall second: 1 for a real furnace
 * opcua:
 *   endpoint: opc.tcp://127.0.0.1:4840/plc
 *   security: none                       # none | basic256sha256
 *   pki_dir: var/controller-pki
 *   username: operator                   # optional; its password from password_env or password_file
 *   password_env: PLC_PASSWORD
 *   key_store_password_file: secrets/pfx # optional (or key_store_password_env): protects pki_dir/client.pfx;
 *                                        # without, one is generated into pki_dir/client.pfx.password
 * modbus:
 *   host: 127.0.0.1
 *   port: 5020
 *   timeout_ms: 200
 *   retries: 1
 *   devices:                             # optional, per I/O-list device
 *     mfc_ar: {host: 10.0.0.7, port: 502, word_order: CDAB}
 * metrics:                               # optional: the Prometheus endpoint, GET http://bind:port/metrics
 *   bind: 127.0.0.1                      # default 127.0.0.1
 *   port: 9470                           # default 9470; 0 switches it off
 *   furnace: f07                         # the furnace tag of every meter and telemetry point; default the
 *                                        # furnace variant of the recipe
 * api:                                   # optional: the northbound API for the HMI (off without this section)
 *   bind: 127.0.0.1                      # default 127.0.0.1; any other address serves HTTPS only
 *   port: 9480                           # default 9480; 0 for any free port
 *   dir: var/api                         # the service token (token) and a generated TLS key store, owner-only
 *   key_store: secrets/api.p12           # optional PKCS#12 key store instead of a generated certificate, with
 *   key_store_password_file: secrets/api.p12.password
 *   recipes_dir: docs/recipes            # the recipes an operator may load before the start (default: the
 *                                        # directory of the recipe above)
 * telemetry:                             # optional; on by default (enabled: false switches it off)
 *   directory: var/telemetry             # queue/, quarantine/, files/ (line protocol while no database is set)
 *   disk_budget_mb: 2048
 *   when_full: drop_oldest               # or reject_new; either raises TELEMETRY_POINTS_LOST
 *   analog_period_s: 0                   # 0: every scan; states go out on change and every state_refresh_s
 *   state_refresh_s: 60
 *   field_period_s: {turbo_pump_speed_pct: 10}
 *   backlog_alarm_s: 300
 *   influx:                              # INFLUX_URL, INFLUX_TOKEN, INFLUX_ORG, INFLUX_BUCKET override these
 *     url: http://influx.plant:8086
 *     org: plant
 *     bucket: furnaces
 *     token_env: INFLUX_TOKEN
 * </pre>
 * Errors name the file and the key. A password file must be readable by its owner only (chmod 600).
 */
public record RunConfig(Path recipe, Path reportDir, double speed, OpcUaSettings opcua, ModbusSettings modbus,
                        MetricsSettings metrics, Optional<TelemetrySettings> telemetry, Path auditDir,
                        Path journalDir, double maxOutageS, ApiSettings api) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("recipe", "report_dir", "audit_dir", "journal_dir", "recovery",
            "speed", "opcua", "modbus", "metrics", "telemetry", "api");
    private static final Set<String> API = Set.of("enabled", "bind", "port", "dir", "key_store",
            "key_store_password_file", "recipes_dir");
    private static final String DEFAULT_JOURNAL_DIR = "var/journal";
    /**
     * The longest outage, in furnace seconds, after which a restarted controller lets the run go on by itself: the
     * PLC holds the heater 60 s and then ramps it down (1800 s to zero), so after 300 s it has lost 13 % of its power
     * and the crystal has cooled measurably; longer than that, a person should look before the run goes on. The same
     * as the communication policy's {@code auto_resume_within_s}.
     */
    public static final double DEFAULT_MAX_OUTAGE_S = 300;
    /** Where the audit trail goes unless the file says: relative to the file, like its other paths. */
    private static final String DEFAULT_AUDIT_DIR = "var/audit";
    private static final Set<String> TELEMETRY = Set.of("enabled", "directory", "disk_budget_mb", "when_full",
            "analog_period_s", "state_refresh_s", "field_period_s", "backlog_alarm_s", "influx");
    private static final Set<String> INFLUX = Set.of("url", "org", "bucket", "token_env", "gzip", "connect_timeout_ms",
            "write_timeout_ms", "read_timeout_ms");
    private static final Set<String> OPCUA = Set.of("endpoint", "security", "pki_dir", "application_uri", "username",
            "password_env", "password_file", "key_store_password_env", "key_store_password_file", "connect_timeout_ms", "request_timeout_ms", "keep_alive_interval_ms", "reconnect_min_ms",
            "reconnect_max_ms");
    private static final Set<String> MODBUS_DEVICES = IoList.fromClasspath().signals().stream()
            .filter(s -> s.protocol() == Protocol.MODBUS).map(SignalSpec::device)
            .collect(Collectors.toCollection(TreeSet::new));
    private static final Set<String> MODBUS = Set.of("host", "port", "timeout_ms", "retries", "reconnect_min_ms",
            "reconnect_max_ms", "devices");
    private static final Set<String> METRICS = Set.of("bind", "port", "furnace");

    /** A configuration without telemetry. */
    public RunConfig(Path recipe, Path reportDir, double speed, OpcUaSettings opcua, ModbusSettings modbus,
                     MetricsSettings metrics, Path auditDir) {
        this(recipe, reportDir, speed, opcua, modbus, metrics, Optional.empty(), auditDir);
    }

    /** A configuration whose run journal lives next to its audit trail, with the default outage limit. */
    public RunConfig(Path recipe, Path reportDir, double speed, OpcUaSettings opcua, ModbusSettings modbus,
                     MetricsSettings metrics, Optional<TelemetrySettings> telemetry, Path auditDir) {
        this(recipe, reportDir, speed, opcua, modbus, metrics, telemetry, auditDir,
                auditDir.toAbsolutePath().normalize().resolveSibling("journal"), DEFAULT_MAX_OUTAGE_S, ApiSettings.OFF);
    }

    /** The same configuration with the run journal in {@code dir} and another outage limit. */
    public RunConfig withJournal(Path dir, double newMaxOutageS) {
        return new RunConfig(recipe, reportDir, speed, opcua, modbus, metrics, telemetry, auditDir, dir,
                newMaxOutageS, api);
    }

    /** The same configuration with another northbound API. */
    public RunConfig withApi(ApiSettings newApi) {
        return new RunConfig(recipe, reportDir, speed, opcua, modbus, metrics, telemetry, auditDir, journalDir,
                maxOutageS, newApi);
    }

    /**
     * Reads a configuration file. {@code scanPeriodS} is the furnace's scan period: OPC UA publishes at the scan
     * rate in wall time.
     */
    public static RunConfig load(Path file, double scanPeriodS, Map<String, String> environment) throws IOException {
        return load(file, scanPeriodS, environment, Overrides.NONE);
    }

    /** Command-line values that take precedence over the file's. */
    public record Overrides(Optional<Path> recipe, Optional<Path> reportDir, Optional<Double> speed,
                            Optional<Path> auditDir) {
        public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static RunConfig load(Path file, double scanPeriodS, Map<String, String> environment, Overrides overrides)
            throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": a run configuration is a YAML mapping");
        }
        Reader r = new Reader(file, root, "");
        r.only(TOP);
        Path base = file.toAbsolutePath().normalize().getParent();
        double speed = overrides.speed().orElse(r.number("speed", 1.0));
        if (!(speed > 0)) {
            throw r.error("speed", "must be positive, not " + speed);
        }
        Path recipe = overrides.recipe().orElseGet(() -> under(base, r.requiredText("recipe")));
        Path reportDir = overrides.reportDir().orElseGet(() -> under(base, r.text("report_dir", "reports/run")));
        Path auditDir = overrides.auditDir().orElseGet(() -> under(base, r.text("audit_dir", DEFAULT_AUDIT_DIR)));
        Path journalDir = under(base, r.text("journal_dir", DEFAULT_JOURNAL_DIR));
        Reader recovery = r.childOrEmpty("recovery");
        recovery.only(Set.of("max_outage_s"));
        double maxOutageS = recovery.number("max_outage_s", DEFAULT_MAX_OUTAGE_S);
        if (!(maxOutageS >= 0)) {
            throw recovery.error("max_outage_s", "must be 0 or more furnace seconds, not " + maxOutageS);
        }
        return new RunConfig(recipe, reportDir, speed, opcua(r.child("opcua"), base, scanPeriodS / speed, environment),
                modbus(r.child("modbus")), metrics(r.childOrEmpty("metrics")),
                telemetry(r.childOrEmpty("telemetry"), base, environment), auditDir, journalDir, maxOutageS,
                api(r, base));
    }

    /** The API is on where the file has an {@code api:} section (unless it says {@code enabled: false}). */
    private static ApiSettings api(Reader top, Path base) {
        if (!top.node.has("api")) {
            return ApiSettings.OFF;
        }
        Reader r = top.child("api");
        r.only(API);
        String bind = r.text("bind", ApiSettings.DEFAULT_BIND);
        if (new InetSocketAddress(bind, 0).isUnresolved()) {
            throw r.error("bind", "cannot resolve '" + bind + "'");
        }
        double port = r.number("port", ApiSettings.DEFAULT_PORT);
        if (port != Math.rint(port) || port < 0 || port > 65535) {
            throw r.error("port", "must be a whole number 0..65535 (0: any free port), not "
                    + r.node.get("port").asText());
        }
        Optional<Path> keyStore = r.optionalText("key_store").map(k -> under(base, k));
        Optional<Path> passwordFile = r.optionalText("key_store_password_file").map(k -> under(base, k));
        if (keyStore.isPresent() != passwordFile.isPresent()) {
            throw r.error(keyStore.isPresent() ? "key_store_password_file" : "key_store",
                    "key_store and key_store_password_file go together");
        }
        Optional<Path> recipesDir = r.optionalText("recipes_dir").map(d -> under(base, d));
        if (recipesDir.isPresent() && !Files.isDirectory(recipesDir.get())) {
            throw r.error("recipes_dir", "there is no directory " + recipesDir.get());
        }
        return new ApiSettings(r.flag("enabled", true), bind, (int) port, under(base, r.text("dir", "var/api")),
                keyStore, passwordFile, recipesDir);
    }

    /**
     * Telemetry is on unless {@code enabled: false}: the disk queue, and local line-protocol files where no database
     * is configured; INFLUX_URL, INFLUX_TOKEN, INFLUX_ORG and INFLUX_BUCKET override the file's database.
     */
    private static Optional<TelemetrySettings> telemetry(Reader r, Path base, Map<String, String> environment) {
        Optional<InfluxSettings> fromFile = Optional.empty();
        r.only(TELEMETRY);
        if (!r.flag("enabled", true)) {
            return Optional.empty();
        }
        if (r.node.has("influx")) {
            fromFile = Optional.of(influx(r.child("influx"), environment));
        }
        String policy = r.text("when_full", "drop_oldest");
        FullPolicy whenFull = switch (policy) {
            case "drop_oldest" -> FullPolicy.DROP_OLDEST;
            case "reject_new" -> FullPolicy.REJECT_NEW;
            default -> throw r.error("when_full", "must be drop_oldest or reject_new, not '" + policy + "'");
        };
        Map<String, Double> fieldPeriods = new LinkedHashMap<>();
        if (r.node.has("field_period_s")) {
            Reader fields = r.child("field_period_s");
            fields.node.fieldNames().forEachRemaining(f -> fieldPeriods.put(f, fields.number(f, 0)));
        }
        Optional<InfluxSettings> database = resolveInflux(r, fromFile, environment);
        try {
            Decimation decimation = new Decimation(r.number("analog_period_s", 0), r.number("state_refresh_s", 60),
                    fieldPeriods);
            double budgetMb = r.number("disk_budget_mb", TelemetrySettings.DEFAULT_BUDGET_BYTES >> 20);
            double backlogAlarmS = r.number("backlog_alarm_s", TelemetrySettings.DEFAULT_BACKLOG_ALARM.toSeconds());
            return Optional.of(new TelemetrySettings(under(base, r.text("directory", "telemetry")),
                    Math.round(budgetMb * (1 << 20)), whenFull, decimation, database,
                    Duration.ofMillis(Math.round(backlogAlarmS * 1000))));
        } catch (IllegalArgumentException e) {
            throw r.sectionError(e.getMessage());
        }
    }

    private static Optional<InfluxSettings> resolveInflux(Reader r, Optional<InfluxSettings> fromFile,
                                                          Map<String, String> environment) {
        try {
            return InfluxSettings.resolve(fromFile, environment);
        } catch (IllegalArgumentException e) {
            throw r.sectionError(e.getMessage());
        }
    }

    private static InfluxSettings influx(Reader r, Map<String, String> environment) {
        r.only(INFLUX);
        String token = "";
        if (r.node.has("token_env")) {
            String variable = r.requiredText("token_env");
            token = Optional.ofNullable(environment.get(variable)).orElseThrow(
                    () -> r.error("token_env", "environment variable " + variable + " is not set"));
        }
        try {
            return new InfluxSettings(r.requiredText("url"), token, r.requiredText("org"), r.requiredText("bucket"),
                    millis(r, "connect_timeout_ms", InfluxSettings.DEFAULT_CONNECT_TIMEOUT),
                    millis(r, "write_timeout_ms", InfluxSettings.DEFAULT_WRITE_TIMEOUT),
                    millis(r, "read_timeout_ms", InfluxSettings.DEFAULT_READ_TIMEOUT), r.flag("gzip", true));
        } catch (IllegalArgumentException e) {
            throw r.sectionError(e.getMessage());
        }
    }

    private static Duration millis(Reader r, String key, Duration fallback) {
        return Duration.ofMillis((long) r.number(key, fallback.toMillis()));
    }

    private static MetricsSettings metrics(Reader r) {
        r.only(METRICS);
        String bind = r.text("bind", MetricsSettings.DEFAULT_BIND);
        if (new InetSocketAddress(bind, 0).isUnresolved()) {
            throw r.error("bind", "cannot resolve '" + bind + "'");
        }
        double port = r.number("port", MetricsSettings.DEFAULT_PORT);
        if (port != Math.rint(port) || port < 0 || port > 65535) {
            throw r.error("port", "must be a whole number 0..65535 (0 switches the endpoint off), not "
                    + r.node.get("port").asText());
        }
        Optional<String> furnace = r.optionalText("furnace");
        if (r.node.has("furnace") && furnace.isEmpty()) {
            throw r.error("furnace", "must not be empty");
        }
        return new MetricsSettings(bind, (int) port, furnace);
    }

    private static OpcUaSettings opcua(Reader r, Path base, double periodS, Map<String, String> environment) {
        r.only(OPCUA);
        OpcUaSettings.Security security;
        String text = r.text("security", "none");
        try {
            security = OpcUaSettings.Security.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.error("security", "must be none or basic256sha256, not '" + text + "'");
        }
        Optional<String> user = r.optionalText("username");
        Optional<String> password = secret(r, "password", base, environment);
        if (user.isPresent() && password.isEmpty()) {
            throw r.error("password_env", "a username needs its password: give password_env or password_file");
        }
        if (user.isEmpty() && password.isPresent()) {
            throw r.error("username", "a password without a username: give the username too");
        }
        Optional<String> keyStorePassword = secret(r, "key_store_password", base, environment);
        String endpoint = r.requiredText("endpoint");
        Path pkiDir = under(base, r.text("pki_dir", "controller-pki"));
        String applicationUri = r.text("application_uri", "urn:sicfurnace:controller");
        // sampled and published twice per scan: a change waits at most half a scan in the subscription, not a whole
        double publishingMs = Math.max(1.0, periodS * 1000.0 / 2);
        try {
            return new OpcUaSettings(endpoint, security, pkiDir, applicationUri, user, password, keyStorePassword,
                    (int) r.number("connect_timeout_ms", 2000), (int) r.number("request_timeout_ms", 2000),
                    (int) r.number("keep_alive_interval_ms", 1000), (int) r.number("reconnect_min_ms", 200),
                    (int) r.number("reconnect_max_ms", 5000), publishingMs);
        } catch (IllegalArgumentException e) {
            throw r.sectionError(e.getMessage());
        }
    }

    /**
     * A secret given as {@code <name>_env} (the environment variable that holds it) or {@code <name>_file} (a file
     * readable by its owner only, relative to the configuration); empty if neither is given.
     */
    private static Optional<String> secret(Reader r, String name, Path base, Map<String, String> environment) {
        Optional<String> variable = r.optionalText(name + "_env");
        Optional<String> file = r.optionalText(name + "_file");
        if (variable.isPresent() && file.isPresent()) {
            throw r.error(name + "_file", "give " + name + "_env or " + name + "_file, not both");
        }
        if (variable.isPresent()) {
            return Optional.of(Optional.ofNullable(environment.get(variable.get())).filter(v -> !v.isEmpty())
                    .orElseThrow(() -> r.error(name + "_env", "environment variable " + variable.get()
                            + " is not set")));
        }
        try {
            return file.map(f -> SecretFiles.read(under(base, f)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw r.error(name + "_file", e.getMessage());
        }
    }

    /** A path of the configuration, relative to its folder, as the user reads it best (no ../ left). */
    private static Path under(Path base, String path) {
        return base.resolve(path).normalize();
    }

    private static ModbusSettings modbus(Reader r) {
        r.only(MODBUS);
        Map<String, ModbusSettings.DeviceEndpoint> devices = new LinkedHashMap<>();
        JsonNode node = r.node.path("devices");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String device = it.next();
            if (!MODBUS_DEVICES.contains(device)) {
                throw r.child("devices").error(device, "unknown device; the I/O list's Modbus devices are "
                        + MODBUS_DEVICES);
            }
            Reader d = r.child("devices").child(device);
            d.only(Set.of("host", "port", "word_order"));
            Optional<WordOrder> order = d.optionalText("word_order")
                    .map(s -> {
                        try {
                            return WordOrder.valueOf(s);
                        } catch (IllegalArgumentException e) {
                            throw d.error("word_order", "must be ABCD or CDAB, not '" + s + "'");
                        }
                    });
            Optional<Integer> port = d.node.has("port") ? Optional.of((int) d.number("port", 0)) : Optional.empty();
            devices.put(device, new ModbusSettings.DeviceEndpoint(d.optionalText("host"), port, order));
        }
        try {
            return new ModbusSettings(r.text("host", "127.0.0.1"), (int) r.number("port", 502),
                    (int) r.number("timeout_ms", 200), (int) r.number("retries", 1),
                    (int) r.number("reconnect_min_ms", 100), (int) r.number("reconnect_max_ms", 5000), devices);
        } catch (IllegalArgumentException e) {
            throw r.sectionError(e.getMessage());
        }
    }

    /** Typed access to one mapping of the file, with errors that say where. */
    private record Reader(Path file, JsonNode node, String path) {
        Reader child(String key) {
            JsonNode child = node.path(key);
            if (!child.isObject()) {
                throw error(key, "must be a mapping");
            }
            return new Reader(file, child, path + key + ".");
        }

        /** A section that may be left out: a missing one reads as empty, so that every default applies. */
        Reader childOrEmpty(String key) {
            return node.has(key) ? child(key)
                    : new Reader(file, JsonNodeFactory.instance.objectNode(), path + key + ".");
        }

        void only(Set<String> allowed) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    throw error(key, "unknown key; known: " + new TreeSet<>(allowed));
                }
            });
        }

        String requiredText(String key) {
            if (node.get(key) == null) {
                throw error(key, "is required");
            }
            return text(key, "");
        }

        /** Empty when the key is missing or its text is blank. */
        Optional<String> optionalText(String key) {
            return Optional.of(text(key, "")).filter(value -> !value.isBlank());
        }

        String text(String key, String fallback) {
            JsonNode value = node.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isTextual()) {
                throw error(key, "must be text");
            }
            return value.asText();
        }

        boolean flag(String key, boolean fallback) {
            JsonNode value = node.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw error(key, "must be true or false");
            }
            return value.asBoolean();
        }

        double number(String key, double fallback) {
            JsonNode value = node.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw error(key, "must be a number");
            }
            return value.asDouble();
        }

        IllegalArgumentException error(String key, String message) {
            return new IllegalArgumentException(file + ": " + path + key + ": " + message);
        }

        /** An error about this mapping as a whole (values that do not fit together). */
        IllegalArgumentException sectionError(String message) {
            String section = path.substring(0, path.length() - 1);
            String said = message.startsWith(section + ": ") ? message.substring(section.length() + 2) : message;
            return new IllegalArgumentException(file + ": " + section + ": " + said);
        }
    }
}
