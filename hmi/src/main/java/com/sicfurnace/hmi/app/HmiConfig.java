package com.sicfurnace.hmi.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.tls.TlsPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HMI's configuration, from a YAML file (every key optional; relative paths relative to the file):
 * <pre>
 * bind: 127.0.0.1                 # loopback: plain HTTP; any other address: HTTPS only
 * port: 8080                      # default 8443 when serving HTTPS, 8080 otherwise; 0: any free port
 * data_dir: var/hmi               # users, session secret, TLS key store, audit trail
 * session:
 *   idle_timeout_min: 15          # a session ends after this long without a request
 *   max_age_h: 12                 # and this long after its login, however busy
 * tls:
 *   enabled: true                 # optional: true serves HTTPS on loopback too; false is refused beyond loopback
 *   keystore: /etc/hmi/hmi.p12    # optional: the plant's certificate; without, a self-signed one is generated
 *   keystore_password_file: /etc/hmi/hmi.p12.password   # owner-only (chmod 600)
 * controllers:                    # parsed and checked now; the HMI connects to them in a later version
 *   - {name: f07, url: http://127.0.0.1:9480, token_file: secrets/f07.token}
 * </pre>
 * Unknown keys are refused; every error names the file, the key and what is wrong.
 */
public record HmiConfig(Path file, String bind, Optional<Integer> port, Path dataDir, Duration idleTimeout,
                        Duration maxAge, Tls tls, List<ControllerLink> controllers) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final String DEFAULT_DATA_DIR = "var/hmi";
    public static final long DEFAULT_IDLE_MIN = 15;
    public static final double DEFAULT_MAX_AGE_H = 12;
    private static final Set<String> TOP = Set.of("bind", "port", "data_dir", "session", "tls", "controllers");
    private static final Set<String> SESSION = Set.of("idle_timeout_min", "max_age_h");
    private static final Set<String> TLS = Set.of("enabled", "keystore", "keystore_password_file");
    private static final Set<String> CONTROLLER = Set.of("name", "url", "token_file");
    private static final Pattern CONTROLLER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public HmiConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tls, "tls");
        controllers = List.copyOf(controllers);
    }

    /**
     * TLS settings: {@code enabled} empty means "as the bind address requires"; a key store comes with the file
     * holding its password.
     */
    public record Tls(Optional<Boolean> enabled, Optional<Path> keystore, Optional<Path> keystorePasswordFile) {
    }

    /** A controller the HMI will talk to: its name in the fleet, its API's URL, the file with the HMI's token. */
    public record ControllerLink(String name, URI url, Path tokenFile) {
    }

    /** Whether this configuration serves HTTPS: beyond loopback always; on loopback when asked to. */
    public boolean servesTls() {
        return TlsPolicy.requiresTls(bind) || tls.enabled().orElse(false) || tls.keystore().isPresent();
    }

    /** The port to listen on: the configured one, or 8443 for HTTPS and 8080 for HTTP. */
    public int effectivePort() {
        return port.orElse(servesTls() ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT);
    }

    /**
     * Reads and checks a configuration file.
     *
     * @throws IllegalArgumentException naming the file, the key and what is wrong
     * @throws NoSuchFileException      if there is no such file
     */
    public static HmiConfig load(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a valid YAML file: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode(); // an empty file: every default
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": an HMI configuration is a YAML mapping of keys to values");
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        ConfigReader r = new ConfigReader(file, root, "");
        r.only(TOP);
        String bind = r.text("bind", DEFAULT_BIND);
        requireResolvable(r, bind);
        Optional<Integer> port = r.whole("port", 0, 65535, "").map(Long::intValue);
        Path dataDir = base.resolve(r.text("data_dir", DEFAULT_DATA_DIR)).normalize();

        ConfigReader session = r.child("session");
        session.only(SESSION);
        Duration idle = Duration.ofMinutes(session.whole("idle_timeout_min", 1, 1440, " of minutes")
                .orElse(DEFAULT_IDLE_MIN));
        Duration maxAge = Duration.ofSeconds(Math.round(3600 * session.number("max_age_h", 0.1, 720, " of hours")
                .orElse(DEFAULT_MAX_AGE_H)));
        if (maxAge.compareTo(idle) < 0) {
            throw session.error("max_age_h", "must not be shorter than session.idle_timeout_min (" + idle.toMinutes()
                    + " min)");
        }

        Tls tls = tls(r.child("tls"), base, bind);
        List<ControllerLink> controllers = controllers(r, base);
        return new HmiConfig(file, bind, port, dataDir, idle, maxAge, tls, controllers);
    }

    private static void requireResolvable(ConfigReader r, String bind) {
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw r.error("bind", "'" + bind + "' is no address of this machine (it does not resolve)");
        }
    }

    private static Tls tls(ConfigReader r, Path base, String bind) {
        r.only(TLS);
        Optional<Boolean> enabled = r.flag("enabled");
        if (enabled.isPresent() && !enabled.get() && TlsPolicy.requiresTls(bind)) {
            throw r.error("enabled", "false is refused with bind " + bind + ": beyond loopback the HMI serves HTTPS "
                    + "only (bind 127.0.0.1 for plain HTTP on this machine)");
        }
        Optional<Path> keystore = Optional.ofNullable(r.text("keystore", null)).map(p -> base.resolve(p).normalize());
        Optional<Path> passwordFile = Optional.ofNullable(r.text("keystore_password_file", null))
                .map(p -> base.resolve(p).normalize());
        if (keystore.isPresent() && passwordFile.isEmpty()) {
            throw r.error("keystore_password_file", "is required with tls.keystore (the file holding its password)");
        }
        if (keystore.isEmpty() && passwordFile.isPresent()) {
            throw r.error("keystore", "is required with tls.keystore_password_file");
        }
        if (keystore.isPresent() && enabled.isPresent() && !enabled.get()) {
            throw r.error("enabled", "false contradicts tls.keystore");
        }
        if (keystore.isPresent() && !Files.isRegularFile(keystore.get())) {
            throw r.error("keystore", "no such file: " + keystore.get());
        }
        if (passwordFile.isPresent()) {
            try {
                SecretFiles.read(passwordFile.get());
            } catch (IllegalArgumentException e) {
                throw r.error("keystore_password_file", e.getMessage());
            }
        }
        return new Tls(enabled, keystore, passwordFile);
    }

    private static List<ControllerLink> controllers(ConfigReader r, Path base) {
        JsonNode list = r.node().get("controllers");
        List<ControllerLink> links = new ArrayList<>();
        if (list == null || list.isNull()) {
            return links;
        }
        if (!list.isArray()) {
            throw r.error("controllers", "must be a list of {name, url, token_file}");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "controllers[" + i + "]";
            if (!item.isObject()) {
                throw r.error(at, "must be a mapping {name, url, token_file}");
            }
            ConfigReader c = new ConfigReader(r.file(), item, at + ".");
            c.only(CONTROLLER);
            String name = c.requiredText("name");
            if (!CONTROLLER_NAME.matcher(name).matches()) {
                throw c.error("name", "'" + name + "' is not a name: letters, digits, '.', '_', '-', up to 64");
            }
            if (!names.add(name)) {
                throw c.error("name", "'" + name + "' is named twice");
            }
            URI url = url(c);
            Path tokenFile = base.resolve(c.requiredText("token_file")).normalize();
            try {
                SecretFiles.read(tokenFile);
            } catch (IllegalArgumentException e) {
                throw c.error("token_file", e.getMessage());
            }
            links.add(new ControllerLink(name, url, tokenFile));
        }
        return links;
    }

    /** A controller's API URL: http only to this machine's loopback, https otherwise (the token crosses it). */
    private static URI url(ConfigReader c) {
        String text = c.requiredText("url");
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw c.error("url", "'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw c.error("url", "'" + text + "' must be http://HOST:PORT or https://HOST:PORT");
        }
        if (scheme.equals("http") && !loopbackLiteral(url.getHost())) {
            throw c.error("url", "'" + text + "' must be https: beyond loopback a controller's API requires TLS");
        }
        return url;
    }

    /** Loopback by its very text (no DNS look-up): localhost, 127.x.x.x, ::1. */
    private static boolean loopbackLiteral(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
