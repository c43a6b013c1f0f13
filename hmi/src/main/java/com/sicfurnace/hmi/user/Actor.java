package com.sicfurnace.hmi.user;

import java.util.Objects;

/** Who acts: an authenticated user with the role they hold now. */
public record Actor(String name, Role role) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
