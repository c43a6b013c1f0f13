package com.sicfurnace.hmi.login;

import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.user.PasswordPolicy;
import com.sicfurnace.hmi.user.Passwords;
import com.sicfurnace.hmi.user.User;
import com.sicfurnace.hmi.user.UserNames;
import com.sicfurnace.hmi.user.UserStore;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password: throttled first (a throttled attempt's password is not even looked at), then the
 * password against the stored Argon2id hash, then whether the user is enabled. An unknown name costs the same hash as
 * a known one, so that the time taken does not tell which names exist. Every outcome is audited with the client's
 * address.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** The name recorded for a login attempt whose name is no possible user name (it might be a password typed in the
     *  wrong field: it must not go into the trail). */
    public static final String INVALID_NAME = "(invalid name)";

    private final UserStore users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final HmiAudit audit;
    private final String unknownUserHash;

    public Authenticator(UserStore users, Passwords passwords, LoginThrottle throttle, HmiAudit audit,
                         SecureRandom random) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        // compared against for unknown names: the same work as a real check, matching no password anyone types
        this.unknownUserHash = passwords.hash(PasswordPolicy.generate(random));
    }

    /** The outcome of a login. */
    public sealed interface Result permits Success, Refused {
    }

    public record Success(User user) implements Result {
    }

    /** @param retryAfter how long to wait before the next attempt; zero unless throttled */
    public record Refused(LoginFailure cause, Duration retryAfter) implements Result {
    }

    /** The name as the throttle and the store key it: user names are lower-case. */
    public static String normalize(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    public Result login(String rawName, String password, String client) {
        String name = normalize(rawName);
        String shownName = UserNames.valid(name) ? name : INVALID_NAME;
        LoginThrottle.Decision decision = throttle.begin(UserNames.valid(name) ? name : INVALID_NAME, client);
        if (decision.refused()) {
            long seconds = retrySeconds(decision.retryAfter());
            refused(shownName, client, LoginFailure.THROTTLED, "; retry after " + seconds + " s");
            return new Refused(LoginFailure.THROTTLED, Duration.ofSeconds(seconds));
        }
        LoginThrottle.Attempt attempt = decision.attempt().orElseThrow();
        boolean ended = false;
        try {
            Optional<User> found = UserNames.valid(name) ? users.find(name) : Optional.empty();
            boolean tooLong = password == null || password.length() > 4 * PasswordPolicy.MAX_LENGTH;
            if (found.isEmpty()) {
                passwords.verify(tooLong ? "" : password, unknownUserHash);
                attempt.failed();
                ended = true;
                refused(shownName, client, LoginFailure.UNKNOWN_USER, "");
                return new Refused(LoginFailure.UNKNOWN_USER, Duration.ZERO);
            }
            User user = found.get();
            if (tooLong || !passwords.verify(password, user.passwordHash())) {
                attempt.failed();
                ended = true;
                refused(shownName, client, LoginFailure.WRONG_PASSWORD, "");
                return new Refused(LoginFailure.WRONG_PASSWORD, Duration.ZERO);
            }
            if (!user.enabled()) {
                attempt.failed();
                ended = true;
                refused(shownName, client, LoginFailure.DISABLED, "");
                return new Refused(LoginFailure.DISABLED, Duration.ZERO);
            }
            attempt.succeeded();
            ended = true;
            user = rehashIfWeak(user, password);
            audit.record(user.name(), user.role().text(), HmiAction.LOGIN, "", null, Map.of("client", client),
                    Outcome.DONE, "logged in from " + client);
            return new Success(user);
        } finally {
            if (!ended) {
                // the check itself failed (no turn to hash): no verdict on the password, so no failure counted
                attempt.abandoned();
            }
        }
    }

    /** A hash made with weaker parameters than today's is replaced now that the password is known to be right. */
    private User rehashIfWeak(User user, String password) {
        if (!passwords.needsRehash(user.passwordHash())) {
            return user;
        }
        User rehashed = user.withPassword(passwords.hash(password), user.passwordChanged());
        try {
            users.replace(rehashed);
            LOG.info("password hash of user {} raised to the current Argon2id parameters", user.name());
            return rehashed;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("password hash of user {} could not be raised (kept as it was): {}", user.name(), e.toString(), e);
            return user;
        }
    }

    private void refused(String shownName, String client, LoginFailure cause, String more) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("client", client);
        before.put("cause", cause.code());
        audit.record(shownName, "", HmiAction.LOGIN_FAILED, "", before, null, Outcome.REFUSED,
                cause.words() + " from " + client + more);
        LOG.info("login refused: user {} from {}: {}{}", shownName, client, cause.words(), more);
    }

    private static long retrySeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
