package com.sicfurnace.controller.user;

import java.util.Objects;

/** Who asks for a command: a named user in a role, or one of the controller's own services. */
public record Actor(String user, Role role) {
    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        if (user.isBlank()) {
            throw new IllegalArgumentException("a command needs the name of the user who asks for it");
        }
    }

    public static Actor system(String service) {
        return new Actor(service, Role.SYSTEM);
    }

    @Override
    public String toString() {
        return user + " (" + role.label() + ")";
    }
}
