package com.sicfurnace.hmi.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the HMI as the users file holds it. {@code passwordHash} is an Argon2id hash in the PHC string form
 * ({@link Argon2id}); it never leaves the server and {@link #toString()} leaves it out, so that no log line carries it.
 */
public record User(String name, Role role, boolean enabled, String passwordHash, Instant created,
                   Instant passwordChanged) {
    public User {
        UserNames.require(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(passwordChanged, "passwordChanged");
    }

    public User withRole(Role newRole) {
        return new User(name, newRole, enabled, passwordHash, created, passwordChanged);
    }

    public User withEnabled(boolean nowEnabled) {
        return new User(name, role, nowEnabled, passwordHash, created, passwordChanged);
    }

    public User withPassword(String newHash, Instant when) {
        return new User(name, role, enabled, newHash, created, when);
    }

    @Override
    public String toString() {
        return "User[name=" + name + ", role=" + role.text() + ", enabled=" + enabled + ", created=" + created
                + ", passwordChanged=" + passwordChanged + "]";
    }
}
