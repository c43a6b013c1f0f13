package com.sicfurnace.hmi.user;

import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.data.DataFiles;
import com.sicfurnace.hmi.login.LoginThrottle;
import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.session.SessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User administration: create a user, change a role, disable or enable, reset a password (administrators), and change
 * one's own password (everybody, with the current one). Each action, done or refused, is audited with the acting user,
 * role, reason, and the values before and after (name, role, enabled; of a password only that it changed). Rules that
 * keep the HMI usable: there is always an enabled administrator; new passwords follow {@link PasswordPolicy}.
 */
public final class UserAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);

    private final UserStore users;
    private final Passwords passwords;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final HmiAudit audit;
    private final Clock clock;
    private final Path initialPasswordFile;

    public UserAdmin(UserStore users, Passwords passwords, SessionStore sessions, LoginThrottle throttle,
                     HmiAudit audit, Clock clock, Path initialPasswordFile) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.initialPasswordFile = initialPasswordFile;
    }

    public User create(Actor actor, String name, String roleText, String password, String reason) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("user", name == null ? "" : name);
        after.put("role", roleText == null ? "" : roleText);
        after.put("enabled", true);
        try {
            requireAdmin(actor);
            if (!UserNames.valid(name)) {
                throw new Refused(400, "invalid", UserNames.RULE);
            }
            Role role = role(roleText);
            policy(name, password);
            if (users.find(name).isPresent()) {
                throw new Refused(409, "exists", "user '" + name + "' exists already");
            }
            Instant now = clock.instant();
            User user = new User(name, role, true, passwords.hash(password), now, now);
            users.add(user);
            audit.record(actor, HmiAction.USER_CREATE, reason, null, after, Outcome.DONE,
                    "created user " + name + " with role " + role.text());
            return user;
        } catch (Refused e) {
            audit.record(actor, HmiAction.USER_CREATE, reason, null, null, Outcome.REFUSED, e.getMessage());
            throw e;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Changes role and/or enabled state; one audit record per change. */
    public User update(Actor actor, String name, Optional<String> roleText, Optional<Boolean> enabled, String reason) {
        User user = known(actor, name, roleText.isPresent() ? HmiAction.USER_ROLE_CHANGE
                : enabled.orElse(true) ? HmiAction.USER_ENABLE : HmiAction.USER_DISABLE, reason);
        if (roleText.isPresent()) {
            user = changeRole(actor, user, roleText.get(), reason);
        }
        if (enabled.isPresent()) {
            user = changeEnabled(actor, user, enabled.get(), reason);
        }
        return user;
    }

    private User changeRole(Actor actor, User user, String roleText, String reason) {
        try {
            requireAdmin(actor);
            Role role = role(roleText);
            if (role == user.role()) {
                return user;
            }
            User changed = user.withRole(role);
            requireAnAdminLeft(changed);
            users.replace(changed);
            audit.record(actor, HmiAction.USER_ROLE_CHANGE, reason, state(user), state(changed), Outcome.DONE,
                    "role of " + user.name() + ": " + user.role().text() + " -> " + role.text());
            return changed;
        } catch (Refused e) {
            audit.record(actor, HmiAction.USER_ROLE_CHANGE, reason, state(user), null, Outcome.REFUSED,
                    e.getMessage());
            throw e;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private User changeEnabled(Actor actor, User user, boolean enabled, String reason) {
        HmiAction action = enabled ? HmiAction.USER_ENABLE : HmiAction.USER_DISABLE;
        try {
            requireAdmin(actor);
            if (enabled == user.enabled()) {
                return user;
            }
            User changed = user.withEnabled(enabled);
            requireAnAdminLeft(changed);
            users.replace(changed);
            int ended = enabled ? 0 : sessions.invalidateUser(user.name(), null);
            audit.record(actor, action, reason, state(user), state(changed), Outcome.DONE,
                    (enabled ? "enabled " : "disabled ") + user.name()
                            + (enabled ? "" : "; " + ended + " session(s) ended"));
            return changed;
        } catch (Refused e) {
            audit.record(actor, action, reason, state(user), null, Outcome.REFUSED, e.getMessage());
            throw e;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** An administrator sets another user's password; every session of that user ends. */
    public void resetPassword(Actor actor, String name, String newPassword, String reason) {
        User user = known(actor, name, HmiAction.USER_PASSWORD_RESET, reason);
        try {
            requireAdmin(actor);
            policy(user.name(), newPassword);
            users.replace(user.withPassword(passwords.hash(newPassword), clock.instant()));
            int ended = sessions.invalidateUser(user.name(), null);
            passwordChanged(user.name());
            audit.record(actor, HmiAction.USER_PASSWORD_RESET, reason, Map.of("user", user.name()),
                    Map.of("user", user.name(), "password", "reset"), Outcome.DONE,
                    "password of " + user.name() + " reset; " + ended + " session(s) ended");
        } catch (Refused e) {
            audit.record(actor, HmiAction.USER_PASSWORD_RESET, reason, Map.of("user", user.name()), null,
                    Outcome.REFUSED, e.getMessage());
            throw e;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * A user changes their own password, proving the current one (so that a session left open is not enough to take
     * the account over). Wrong current passwords count towards the login throttle. The user's other sessions end.
     */
    public void changeOwnPassword(Actor actor, String sessionId, String current, String newPassword, String client) {
        LoginThrottle.Decision decision = throttle.begin(actor.name(), client);
        if (decision.refused()) {
            long seconds = Math.max(1, decision.retryAfter().toSeconds() + 1);
            Refused refused = new Refused(429, "throttled", "too many wrong passwords; retry after " + seconds + " s",
                    java.time.Duration.ofSeconds(seconds));
            audit.record(actor, HmiAction.PASSWORD_CHANGE, "", null, null, Outcome.REFUSED, refused.getMessage());
            throw refused;
        }
        LoginThrottle.Attempt attempt = decision.attempt().orElseThrow();
        boolean ended = false;
        try {
            User user = users.find(actor.name())
                    .orElseThrow(() -> new Refused(404, "unknown_user", "no user '" + actor.name() + "'"));
            if (current == null || current.length() > 4 * PasswordPolicy.MAX_LENGTH
                    || !passwords.verify(current, user.passwordHash())) {
                attempt.failed();
                ended = true;
                throw new Refused(403, "wrong_password", "the current password is wrong");
            }
            attempt.succeeded();
            ended = true;
            policy(user.name(), newPassword);
            users.replace(user.withPassword(passwords.hash(newPassword), clock.instant()));
            int others = sessions.invalidateUser(user.name(), sessionId);
            passwordChanged(user.name());
            audit.record(actor, HmiAction.PASSWORD_CHANGE, "", Map.of("user", user.name()),
                    Map.of("user", user.name(), "password", "changed"), Outcome.DONE,
                    "own password changed; " + others + " other session(s) ended");
        } catch (Refused e) {
            audit.record(actor, HmiAction.PASSWORD_CHANGE, "", Map.of("user", actor.name()), null, Outcome.REFUSED,
                    e.getMessage());
            throw e;
        } catch (IOException e) {
            throw failed(e);
        } finally {
            if (!ended) {
                attempt.abandoned();
            }
        }
    }

    private User known(Actor actor, String name, HmiAction action, String reason) {
        Optional<User> user = UserNames.valid(name) ? users.find(name) : Optional.empty();
        if (user.isEmpty()) {
            Refused refused = new Refused(404, "unknown_user", "no user '" + name + "'");
            audit.record(actor, action, reason, null, null, Outcome.REFUSED, refused.getMessage());
            throw refused;
        }
        return user.get();
    }

    /** The first administrator's generated password is no longer valid once the password changed: its file goes. */
    private void passwordChanged(String name) throws IOException {
        if (InitialAdmin.NAME.equals(name) && DataFiles.deleteDurably(initialPasswordFile)) {
            LOG.info("{} deleted: the password of {} was changed", initialPasswordFile, name);
        }
    }

    private void requireAnAdminLeft(User changed) {
        boolean adminLeft = users.all().stream()
                .map(u -> u.name().equals(changed.name()) ? changed : u)
                .anyMatch(u -> u.enabled() && u.role() == Role.ADMIN);
        if (!adminLeft) {
            throw new Refused(409, "last_admin", "refused: it would leave no enabled administrator");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.role().includes(Role.ADMIN)) {
            throw new Refused(403, "forbidden", "needs role admin; " + actor.name() + " is " + actor.role().text());
        }
    }

    private static Role role(String text) {
        try {
            return Role.of(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "invalid", e.getMessage());
        }
    }

    private static void policy(String name, String password) {
        try {
            PasswordPolicy.requireAcceptable(name, password);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "invalid", e.getMessage());
        }
    }

    private static Map<String, Object> state(User user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("user", user.name());
        state.put("role", user.role().text());
        state.put("enabled", user.enabled());
        return state;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("the users file could not be written; nothing was changed", e);
    }
}
