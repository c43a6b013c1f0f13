package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.user.Role;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a route needs: nothing ({@link #PUBLIC}: the login page, static files, health) or a session whose user holds
 * at least a role. Every route declares exactly one; {@link Guard} refuses a route that declares none.
 */
public enum Access implements RouteRole {
    PUBLIC(null),
    OPERATOR(Role.OPERATOR),
    ENGINEER(Role.ENGINEER),
    ADMIN(Role.ADMIN);

    private final Role least;

    Access(Role least) {
        this.least = least;
    }

    /** The least role needed; empty for a public route. */
    public Optional<Role> least() {
        return Optional.ofNullable(least);
    }

    public boolean permits(Role role) {
        return least == null || role.includes(least);
    }

    public static Access of(Role role) {
        return switch (role) {
            case OPERATOR -> OPERATOR;
            case ENGINEER -> ENGINEER;
            case ADMIN -> ADMIN;
        };
    }

    /** The one access among a route's roles; empty if it declares none or more than one (both refused). */
    public static Optional<Access> declared(Set<? extends RouteRole> roles) {
        List<Access> found = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
        return found.size() == 1 && roles.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
