package com.sicfurnace.hmi;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * A browser as far as the HMI's security sees one: it keeps cookies by name and path (as Set-Cookie says, dropping
 * those with Max-Age=0), follows no redirect by itself, and sends what the test asks. Real HTTP over loopback with
 * {@link HttpClient}, with timeouts.
 */
public final class Browser {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_JSON = Pattern.compile("\"csrf_token\":\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public record Cookie(String name, String value, String path, String attributes) {
    }

    public record Response(int status, HttpHeaders headers, String body, Optional<SSLSession> ssl) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Browser(URI base) {
        this(base, null);
    }

    public Browser(URI base, SSLContext ssl) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
    }

    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Sets a cookie as if the server (or an attacker on a sibling host) had. */
    public void plantCookie(String name, String value) {
        cookies.put(name, new Cookie(name, value, "/", ""));
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    public Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    public Response head(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public Response form(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response json(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A JSON request with the session's CSRF token, as the HMI's own pages send them. */
    public Response jsonWithCsrf(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "X-CSRF-Token";
        all[1] = csrf();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return json(method, path, body, all);
    }

    /** Opens the login page and sends its form, as a person would. */
    public Response login(String user, String password) throws IOException, InterruptedException {
        Response page = get("/login");
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no _csrf field in the login page: " + page.body());
        }
        return form("/login", Map.of("username", user, "password", password, "_csrf", m.group(1)));
    }

    /** The session's CSRF token, from the session API. */
    public String csrf() throws IOException, InterruptedException {
        Response session = get("/api/v1/session");
        Matcher m = CSRF_JSON.matcher(session.body());
        if (session.status() != 200 || !m.find()) {
            throw new AssertionError("no session: " + session);
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        String cookieHeader = cookies.values().stream().filter(c -> path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            remember(header);
        }
        return new Response(response.statusCode(), response.headers(), response.body(), response.sslSession());
    }

    private void remember(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        String path = "/";
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                path = attribute.substring(5);
            }
            if (attribute.equalsIgnoreCase("Max-Age=0")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, new Cookie(name, value, path, header));
        }
    }
}
