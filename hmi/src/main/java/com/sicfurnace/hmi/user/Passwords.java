package com.sicfurnace.hmi.user;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hashing and checking passwords, a few at a time: each Argon2id hash fills 19 MiB and keeps a core busy for tens of
 * milliseconds, so a burst of logins on Jetty's 200 threads would otherwise take gigabytes and starve every other
 * request. A caller that cannot get a turn within {@link #WAIT} is told so ({@link Busy}) rather than queued forever.
 */
public final class Passwords {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Argon2id hasher;
    private final Semaphore turns;

    public Passwords(Argon2id hasher, int concurrent) {
        this.hasher = hasher;
        this.turns = new Semaphore(concurrent, true);
    }

    /** No turn to hash within {@link #WAIT}: the server is overloaded with logins. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("too many password checks at once; try again in a few seconds");
        }
    }

    public String hash(String password) {
        return inTurn(() -> hasher.hash(password));
    }

    public boolean verify(String password, String phc) {
        return inTurn(() -> hasher.verify(password, phc));
    }

    public boolean needsRehash(String phc) {
        return hasher.needsRehash(phc);
    }

    private <T> T inTurn(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!acquired) {
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
