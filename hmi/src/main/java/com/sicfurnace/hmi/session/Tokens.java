package com.sicfurnace.hmi.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens: 256 bits from a {@link SecureRandom}, in Base64url without padding (43 characters). */
public final class Tokens {
    public static final int BYTES = 32;

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares two tokens in time independent of where they differ; false if either is missing. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
