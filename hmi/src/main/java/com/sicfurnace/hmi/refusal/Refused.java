package com.sicfurnace.hmi.refusal;

import java.time.Duration;

/**
 * A request the HMI refused, with the HTTP status it answers with and a short code for scripts, e.g. 400
 * {@code invalid}, 403 {@code forbidden}, {@code wrong_password} or {@code four_eyes}, 404 {@code unknown_user} or
 * {@code unknown_version}, 409 {@code exists}, {@code last_admin}, {@code approved_already} or {@code busy}, 429
 * {@code throttled} (then {@link #retryAfter()}).
 */
public final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Duration retryAfter;

    public Refused(int status, String code, String message) {
        this(status, code, message, Duration.ZERO);
    }

    public Refused(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
