package com.sicfurnace.hmi.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, per user name and per client address, before any password is checked:
 * <ul>
 * <li>after {@value #USER_LIMIT} failed logins in a row for a user name (known or not), further attempts for it are
 * refused for a backoff that starts at 30 s and doubles with every further failure, up to 15 min; a successful
 * login resets the name's count;</li>
 * <li>after {@value #ADDRESS_LIMIT} failed logins from one address within 15 minutes (for any names), that address
 * is refused likewise; a success does not reset an address (one good account must not launder guesses at others).</li>
 * </ul>
 * Attempts under way count as failures until they end, so that parallel requests cannot slip more guesses past the
 * limit than sequential ones. A name's count is forgotten a day after its last failure; an address's failures when
 * they leave the window. Time is the injected clock's.
 */
public final class LoginThrottle {
    public static final int USER_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final Duration FORGET_USER_AFTER = Duration.ofDays(1);
    /** Above this many names or addresses held, stale ones are swept: guessing at random names costs no memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Failures> users = new HashMap<>();
    private final Map<String, Deque<Instant>> addresses = new HashMap<>();
    private final Map<String, Integer> usersInFlight = new HashMap<>();
    private final Map<String, Integer> addressesInFlight = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** A login attempt that was let through; it must end with {@link #failed()} or {@link #succeeded()}. */
    public final class Attempt {
        private final String user;
        private final String address;
        private boolean ended;

        private Attempt(String user, String address) {
            this.user = user;
            this.address = address;
        }

        public void failed() {
            synchronized (LoginThrottle.this) {
                end();
                Instant now = clock.instant();
                Failures before = users.get(user);
                users.put(user, new Failures(before == null ? 1 : before.count() + 1, now));
                addresses.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(now);
                sweep(now);
            }
        }

        public void succeeded() {
            synchronized (LoginThrottle.this) {
                end();
                users.remove(user);
            }
        }

        /** Ends the attempt without a verdict (the password could not be checked): nothing is counted. */
        public void abandoned() {
            synchronized (LoginThrottle.this) {
                end();
            }
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("login attempt ended twice");
            }
            ended = true;
            usersInFlight.computeIfPresent(user, (k, n) -> n > 1 ? n - 1 : null);
            addressesInFlight.computeIfPresent(address, (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** Either an attempt to go on with, or how long the caller must wait. */
    public record Decision(Optional<Attempt> attempt, Duration retryAfter) {
        public boolean refused() {
            return attempt.isEmpty();
        }
    }

    /** Lets an attempt for {@code user} from {@code address} go on, or says how long to wait first. */
    public synchronized Decision begin(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(userWait(user, now), addressWait(address, now));
        if (!wait.isZero()) {
            return new Decision(Optional.empty(), wait);
        }
        usersInFlight.merge(user, 1, Integer::sum);
        addressesInFlight.merge(address, 1, Integer::sum);
        return new Decision(Optional.of(new Attempt(user, address)), Duration.ZERO);
    }

    /** The backoff after {@code beyond} failures past a limit: 30 s, 60 s, 120 s, ... at most 15 min. */
    public static Duration backoff(int beyond) {
        if (beyond >= 10) {
            return MAX_BACKOFF;
        }
        Duration d = FIRST_BACKOFF.multipliedBy(1L << beyond);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private Duration userWait(String user, Instant now) {
        Failures f = users.get(user);
        if (f != null && f.last().plus(FORGET_USER_AFTER).isBefore(now)) {
            users.remove(user);
            f = null;
        }
        int count = f == null ? 0 : f.count();
        int inFlight = usersInFlight.getOrDefault(user, 0);
        if (count >= USER_LIMIT) {
            Duration left = Duration.between(now, f.last().plus(backoff(count - USER_LIMIT)));
            if (left.compareTo(Duration.ZERO) > 0) {
                return left;
            }
            // the backoff has passed: one attempt at a time until it succeeds or fails
            return inFlight > 0 ? Duration.ofSeconds(1) : Duration.ZERO;
        }
        return count + inFlight >= USER_LIMIT ? Duration.ofSeconds(1) : Duration.ZERO;
    }

    private Duration addressWait(String address, Instant now) {
        Deque<Instant> failures = addresses.get(address);
        if (failures != null) {
            expire(failures, now);
        }
        int count = failures == null ? 0 : failures.size();
        int inFlight = addressesInFlight.getOrDefault(address, 0);
        if (count >= ADDRESS_LIMIT) {
            Duration left = Duration.between(now, failures.peekLast().plus(backoff(count - ADDRESS_LIMIT)));
            if (left.compareTo(Duration.ZERO) > 0) {
                return left;
            }
            return inFlight > 0 ? Duration.ofSeconds(1) : Duration.ZERO;
        }
        return count + inFlight >= ADDRESS_LIMIT ? Duration.ofSeconds(1) : Duration.ZERO;
    }

    private static void expire(Deque<Instant> failures, Instant now) {
        Instant cutoff = now.minus(ADDRESS_WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
            failures.removeFirst();
        }
    }

    private void sweep(Instant now) {
        if (users.size() > SWEEP_ABOVE) {
            users.values().removeIf(f -> f.last().plus(FORGET_USER_AFTER).isBefore(now));
        }
        if (addresses.size() > SWEEP_ABOVE) {
            for (Iterator<Deque<Instant>> it = addresses.values().iterator(); it.hasNext(); ) {
                Deque<Instant> failures = it.next();
                expire(failures, now);
                if (failures.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
