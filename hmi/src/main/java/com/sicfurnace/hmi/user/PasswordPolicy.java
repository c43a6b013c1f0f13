package com.sicfurnace.hmi.user;

import java.security.SecureRandom;

/**
 * What a new password must be, and the passwords the HMI makes itself (the first administrator's). Length is the rule
 * (NIST SP 800-63B): at least 12 characters, no composition rules; at most 256, so that nobody hashes a megabyte.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /** Generated passwords: 24 characters from 57 that cannot be mistaken for each other (no 0/O, 1/l/I): 140 bits. */
    public static final int GENERATED_LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException saying why the password is not acceptable as a new password */
    public static void requireAcceptable(String userName, String password) {
        if (password == null) {
            throw new IllegalArgumentException("a new password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("a new password needs at least " + MIN_LENGTH + " characters, not "
                    + length);
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password has at most " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(userName)) {
            throw new IllegalArgumentException("a password must not be the user name");
        }
    }

    public static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
