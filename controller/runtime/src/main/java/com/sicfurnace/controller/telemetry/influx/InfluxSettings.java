package com.sicfurnace.controller.telemetry.influx;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where telemetry is written: an InfluxDB v2 write endpoint ({@code POST /api/v2/write}) and its credentials.
 *
 * <p>In the settings file these are the keys of the {@code influx} section ({@link #FILE_URL} and the other
 * {@code FILE_} constants); the environment variables {@link #ENV_URL}, {@link #ENV_TOKEN}, {@link #ENV_ORG} and
 * {@link #ENV_BUCKET} override them (see {@link #resolve}), so that the token need not be written in a file.
 * Errors in the constructor name the file's key; errors in {@link #resolve} name the variable.
 *
 * <p>What to set for each database:
 * <ul>
 *   <li>InfluxDB 2.x and Cloud (TSM): {@code url} the server or region URL (e.g. {@code http://influx:8086}),
 *       {@code token} an API token with write access to the bucket, {@code org} the organisation name (or ID),
 *       {@code bucket} the bucket.</li>
 *   <li>InfluxDB 1.8 and later 1.x (the 1.8 v2-compatibility API): {@code url} the 1.x server,
 *       {@code token} {@code user:password} (empty where authentication is off), {@code org} any value such as
 *       {@code -} (ignored), {@code bucket} {@code database/retention_policy}, or just {@code database} for its
 *       default retention policy. 1.7 and older have no {@code /api/v2/write} and answer 404.</li>
 *   <li>InfluxDB 3.x (Core and Enterprise, default port 8181; Cloud Serverless, Dedicated, Clustered) through its
 *       v2-compatible {@code /api/v2/write}, which takes the {@code Authorization: Token} scheme this client
 *       sends: {@code url} the server or cluster URL, {@code token} a database (or admin) token with write
 *       permission, {@code bucket} the database name (the bucket on Cloud Serverless), {@code org} any value
 *       (ignored).</li>
 * </ul>
 *
 * @param url            http or https base URL of the server, without credentials, query or fragment; a path is
 *                       kept (for a server behind a reverse proxy)
 * @param token          the API token, {@code user:password} for 1.x, or empty for a server without
 *                       authentication; never logged or printed
 * @param org            organisation; required by the v2 API even where the server ignores it
 * @param bucket         bucket ({@code database/retention_policy} for 1.x, database for 3.x)
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param writeTimeout   longest pause while sending the request body
 * @param readTimeout    longest pause while waiting for or reading the response
 * @param gzip           whether request bodies are gzip-compressed ({@code Content-Encoding: gzip})
 */
public record InfluxSettings(String url, String token, String org, String bucket, Duration connectTimeout,
                             Duration writeTimeout, Duration readTimeout, boolean gzip) {

    public static final String ENV_URL = "INFLUX_URL";
    public static final String ENV_TOKEN = "INFLUX_TOKEN";
    public static final String ENV_ORG = "INFLUX_ORG";
    public static final String ENV_BUCKET = "INFLUX_BUCKET";

    public static final String FILE_URL = "influx.url";
    public static final String FILE_TOKEN = "influx.token";
    public static final String FILE_ORG = "influx.org";
    public static final String FILE_BUCKET = "influx.bucket";
    public static final String FILE_CONNECT_TIMEOUT = "influx.connect_timeout_ms";
    public static final String FILE_WRITE_TIMEOUT = "influx.write_timeout_ms";
    public static final String FILE_READ_TIMEOUT = "influx.read_timeout_ms";
    public static final String FILE_GZIP = "influx.gzip";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public InfluxSettings {
        requireHttpUrl(url, FILE_URL);
        url = url.strip();
        Objects.requireNonNull(token, FILE_TOKEN);
        requireText(org, FILE_ORG + " is required (for InfluxDB 1.x and 3.x any value, e.g. '-')");
        requireText(bucket, FILE_BUCKET + " is required");
        requirePositive(connectTimeout, FILE_CONNECT_TIMEOUT);
        requirePositive(writeTimeout, FILE_WRITE_TIMEOUT);
        requirePositive(readTimeout, FILE_READ_TIMEOUT);
    }

    /** Settings with the default timeouts and gzip on. */
    public static InfluxSettings of(String url, String token, String org, String bucket) {
        return new InfluxSettings(url, token, org, bucket, DEFAULT_CONNECT_TIMEOUT, DEFAULT_WRITE_TIMEOUT,
                DEFAULT_READ_TIMEOUT, true);
    }

    public InfluxSettings withTimeouts(Duration connect, Duration write, Duration read) {
        return new InfluxSettings(url, token, org, bucket, connect, write, read, gzip);
    }

    public InfluxSettings withGzip(boolean on) {
        return new InfluxSettings(url, token, org, bucket, connectTimeout, writeTimeout, readTimeout, on);
    }

    /**
     * The settings in force: each of {@code INFLUX_URL}, {@code INFLUX_TOKEN}, {@code INFLUX_ORG} and
     * {@code INFLUX_BUCKET} that is set and not blank overrides the file's value; timeouts and gzip come from the
     * file, or the defaults. Empty when neither the file nor {@code INFLUX_URL} gives a URL: no database.
     *
     * @throws IllegalArgumentException for a malformed {@code INFLUX_URL}, or a URL without an org or a bucket;
     *                                  the message names the variable and the file key
     */
    public static Optional<InfluxSettings> resolve(Optional<InfluxSettings> fromFile, Map<String, String> env) {
        Optional<String> envUrl = variable(env, ENV_URL);
        if (envUrl.isEmpty() && fromFile.isEmpty()) {
            return Optional.empty();
        }
        envUrl.ifPresent(u -> requireHttpUrl(u, ENV_URL));
        String url = envUrl.orElseGet(() -> fromFile.orElseThrow().url());
        String token = variable(env, ENV_TOKEN).or(() -> fromFile.map(InfluxSettings::token)).orElse("");
        String org = variable(env, ENV_ORG).or(() -> fromFile.map(InfluxSettings::org))
                .orElseThrow(() -> missing("organisation", ENV_ORG, FILE_ORG));
        String bucket = variable(env, ENV_BUCKET).or(() -> fromFile.map(InfluxSettings::bucket))
                .orElseThrow(() -> missing("bucket", ENV_BUCKET, FILE_BUCKET));
        InfluxSettings base = fromFile.orElseGet(() -> of(url, token, org, bucket));
        return Optional.of(new InfluxSettings(url, token, org, bucket, base.connectTimeout, base.writeTimeout,
                base.readTimeout, base.gzip));
    }

    /** Everything but the token, which must never reach a log. */
    @Override
    public String toString() {
        return "InfluxSettings[url=" + url + ", token=" + (token.isEmpty() ? "(none)" : "(set)") + ", org=" + org
                + ", bucket=" + bucket + ", connectTimeout=" + connectTimeout + ", writeTimeout=" + writeTimeout
                + ", readTimeout=" + readTimeout + ", gzip=" + gzip + "]";
    }

    private static Optional<String> variable(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static IllegalArgumentException missing(String what, String variable, String key) {
        return new IllegalArgumentException(ENV_URL + " is set but no " + what + " is given: set " + variable
                + " or " + key + " in the settings file");
    }

    /** An http(s) URL with a host and nothing that belongs elsewhere; {@code where} names its source. */
    private static void requireHttpUrl(String url, String where) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(where + " is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": " + shown(url) + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + ": " + shown(url) + " is not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(where + ": " + shown(url) + " has no host");
        }
        // The client would read a token, org or bucket from the query; credentials belong in the token alone.
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(where + ": " + shown(url) + " must not carry credentials, a query "
                    + "or a fragment; give the token, org and bucket separately");
        }
    }

    /** The URL for an error message, unless it may carry a password or token. */
    private static String shown(String url) {
        return url.contains("@") || url.contains("?") ? "the URL (not shown: it may carry credentials)"
                : "'" + url + "'";
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requirePositive(Duration timeout, String key) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + timeout);
        }
    }
}
