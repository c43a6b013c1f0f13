package com.sicfurnace.hmi.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The server's sessions, in memory: a restart of the HMI logs everybody out (by design: nothing to steal from disk,
 * and a restart is rare). A session ends after {@code idle} without a request, or {@code maxAge} after its login
 * however busy it is, or at logout; both limits are checked here, on the server, at every use, against the injected
 * clock. Session ids and CSRF tokens are 256-bit random tokens.
 */
public final class SessionStore {
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final Tokens tokens;
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    public SessionStore(Clock clock, Duration idle, Duration maxAge, Tokens tokens) {
        if (idle.isNegative() || idle.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("session limits must be positive");
        }
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        this.tokens = tokens;
    }

    public Duration idle() {
        return idle;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** A new session for {@code user}, with a new id and CSRF token (never one a client chose: no fixation). */
    public Session create(String user) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        Session session = new Session(tokens.next(), user, tokens.next(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * The live session with this id, its last use set to now; empty (and the session removed) if it has expired,
     * idle or by age, or never existed.
     */
    public Optional<Session> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // atomic per session: concurrent requests of one page (a screen makes several at once) all find it, and a
        // concurrent logout's removal is never undone
        Session used = sessions.computeIfPresent(id, (key, found) -> expired(found, now) ? null
                : found.lastSeen().isAfter(now) ? found : found.seenAt(now));
        return Optional.ofNullable(used);
    }

    /** The live session with this id, without counting the look as a use (for connections already open). */
    public Optional<Session> peek(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session found = sessions.get(id);
        return found == null || expired(found, clock.instant()) ? Optional.empty() : Optional.of(found);
    }

    public void invalidate(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of {@code user} but {@code keepId} (null: all of them); how many ended. */
    public int invalidateUser(String user, String keepId) {
        int[] ended = {0};
        sessions.values().removeIf(s -> {
            boolean end = s.user().equals(user) && !s.id().equals(keepId);
            if (end) {
                ended[0]++;
            }
            return end;
        });
        return ended[0];
    }

    /** Sessions held now, expired ones not yet swept included. */
    public int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.idleEndsAt(idle, maxAge));
    }
}
