package com.sicfurnace.hmi.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do, in rising order: an engineer may do everything an operator may, an administrator everything an
 * engineer may. The order of the constants is that hierarchy.
 */
public enum Role {
    OPERATOR, ENGINEER, ADMIN;

    /** Whether this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** The role as the API and the audit trail write it: {@code operator}, {@code engineer}, {@code admin}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role of(String text) {
        for (Role role : values()) {
            if (role.text().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of " + names() + ", not '" + text + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::text).collect(Collectors.joining(", "));
    }
}
