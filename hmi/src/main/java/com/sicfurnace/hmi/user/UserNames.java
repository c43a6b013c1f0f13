package com.sicfurnace.hmi.user;

import java.util.regex.Pattern;

/**
 * The form of a user name: lower-case letters, digits, '.', '_' and '-', starting with a letter, 2 to 32 characters.
 * Narrow on purpose: names go into the audit trail, file names of later exports and log lines, and a name that cannot
 * hold spaces or markup needs no escaping anywhere.
 */
public final class UserNames {
    /** What a name must look like, in words. */
    public static final String RULE = "a user name is 2 to 32 characters: lower-case letters, digits, '.', '_' or "
            + "'-', starting with a letter";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private UserNames() {
    }

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @throws IllegalArgumentException saying what a name must look like */
    public static String require(String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException(RULE);
        }
        return name;
    }
}
