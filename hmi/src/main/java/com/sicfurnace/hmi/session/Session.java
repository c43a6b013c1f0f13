package com.sicfurnace.hmi.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in user's session as the server holds it: its id (the cookie's value), the user, the CSRF token that every
 * state-changing request of the session must carry, when it began and when it was last used. The role is not held
 * here: it is read from the users at each request, so that a role change or a disabled user takes effect at once.
 */
public record Session(String id, String user, String csrfToken, Instant created, Instant lastSeen) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    Session seenAt(Instant now) {
        return new Session(id, user, csrfToken, created, now);
    }

    /** When it ends if not used before: {@code idle} after its last use, but never after {@link #endsAt}. */
    public Instant idleEndsAt(Duration idle, Duration maxAge) {
        Instant idleEnd = lastSeen.plus(idle);
        Instant end = endsAt(maxAge);
        return idleEnd.isBefore(end) ? idleEnd : end;
    }

    /** When it ends however much it is used. */
    public Instant endsAt(Duration maxAge) {
        return created.plus(maxAge);
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", created=" + created + ", lastSeen=" + lastSeen + "]";
    }
}
