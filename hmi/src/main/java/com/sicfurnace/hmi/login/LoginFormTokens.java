package com.sicfurnace.hmi.login;

import com.sicfurnace.hmi.session.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login form's CSRF protection, before there is a session: the login page sets a short-lived cookie with a random
 * nonce and puts into the form a token that is the time of issue and an HMAC-SHA256, under the HMI's session secret,
 * of nonce and time. A login must bring both back, matching, within {@link #VALID}: a page of another site can
 * neither read the cookie nor make the token (double-submit, signed, with an expiry).
 */
public final class LoginFormTokens {
    public static final Duration VALID = Duration.ofMinutes(10);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final byte[] secret;
    private final Clock clock;
    private final Tokens tokens;

    public LoginFormTokens(byte[] secret, Clock clock, Tokens tokens) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the session secret is too short");
        }
        this.secret = secret.clone();
        this.clock = clock;
        this.tokens = tokens;
    }

    /** A nonce for the cookie and the token for the form. */
    public record Issued(String nonce, String token) {
    }

    public Issued issue() {
        String nonce = tokens.next();
        long issued = clock.instant().getEpochSecond();
        return new Issued(nonce, issued + "." + mac(nonce, issued));
    }

    /** Why the pair does not prove a login form of this HMI, or empty if it does. */
    public Optional<String> problem(String nonce, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of("missing CSRF token of the login form (field _csrf)");
        }
        if (nonce == null || nonce.isEmpty()) {
            return Optional.of("missing login form cookie; reload the login page");
        }
        int dot = token.indexOf('.');
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return Optional.of("wrong CSRF token of the login form");
        }
        if (!Tokens.same(mac(nonce, issued), token.substring(dot + 1))) {
            return Optional.of("wrong CSRF token of the login form");
        }
        long now = clock.instant().getEpochSecond();
        if (now - issued > VALID.getSeconds() || issued - now > CLOCK_SLACK.getSeconds()) {
            return Optional.of("the login form has expired; reload the login page");
        }
        return Optional.empty();
    }

    private String mac(String nonce, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] out = mac.doFinal(("hmi-login|" + nonce + "|" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
