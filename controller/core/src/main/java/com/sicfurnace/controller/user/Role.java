package com.sicfurnace.controller.user;

import java.util.Locale;

/**
 * What a user may do. Operators run furnaces; engineers also bypass interlocks, override and tune; admins may do
 * everything people may do. SYSTEM is the controller's own services (telemetry health), never a person.
 */
public enum Role {
    OPERATOR, ENGINEER, ADMIN, SYSTEM;

    /** The name as journals, the audit trail and the API write it: {@code operator}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label with its article, for messages: "an operator", "a system". */
    public String withArticle() {
        return ("aeiou".indexOf(label().charAt(0)) >= 0 ? "an " : "a ") + label();
    }

    /** Reads a label as written by {@link #label()}; a clear error names the value that is not a role. */
    public static Role of(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a role (operator, engineer, admin, system)");
    }
}
