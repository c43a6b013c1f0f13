package com.sicfurnace.hmi.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.data.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HMI's users, held in memory and in {@code users.json} in the data directory (owner-only, replaced atomically on
 * every change, so that a change is on disk when the call returns). One process owns the file: the HMI's audit trail
 * lock keeps a second HMI off the same data directory.
 * <pre>
 * {"format": 1, "users": [{"name": "admin", "role": "admin", "enabled": true,
 *   "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$...", "created": "...", "password_changed": "..."}]}
 * </pre>
 */
public final class UserStore {
    public static final String FILE = "users.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, User> users = new TreeMap<>();

    private UserStore(Path file) {
        this.file = file;
    }

    /** The file's form: records, so that Jackson neither invents nor drops a field. */
    private record FileForm(@JsonProperty(value = "format", required = true) int format,
                            @JsonProperty(value = "users", required = true) List<Entry> users) {
    }

    private record Entry(@JsonProperty(value = "name", required = true) String name,
                         @JsonProperty(value = "role", required = true) String role,
                         @JsonProperty(value = "enabled", required = true) boolean enabled,
                         @JsonProperty(value = "password_hash", required = true) String passwordHash,
                         @JsonProperty(value = "created", required = true) String created,
                         @JsonProperty(value = "password_changed", required = true) String passwordChanged) {
        static Entry of(User user) {
            return new Entry(user.name(), user.role().text(), user.enabled(), user.passwordHash(),
                    user.created().toString(), user.passwordChanged().toString());
        }

        User user() {
            return new User(name, Role.of(role), enabled, passwordHash, Instant.parse(created),
                    Instant.parse(passwordChanged));
        }
    }

    /**
     * Reads the users file in {@code dataDir}, or starts empty where there is none (the first start). A users file that
     * others may read is made owner-only, with a warning.
     *
     * @throws IllegalStateException naming the file and what is wrong with it; nothing is guessed
     */
    public static UserStore open(Path dataDir) throws IOException {
        UserStore store = new UserStore(dataDir.resolve(FILE));
        if (!Files.exists(store.file)) {
            return store;
        }
        SecretFiles.ownerOnly(store.file);
        FileForm form;
        try {
            form = JSON.readValue(Files.readAllBytes(store.file), FileForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(store.file + " is not a users file: " + e.getOriginalMessage(), e);
        }
        if (form.format() != FORMAT) {
            throw new IllegalStateException(store.file + ": format " + form.format() + " is not known (this HMI reads "
                    + "format " + FORMAT + ")");
        }
        for (Entry entry : form.users()) {
            User user;
            try {
                user = entry.user();
            } catch (RuntimeException e) {
                throw new IllegalStateException(store.file + ": user '" + entry.name() + "': " + e.getMessage(), e);
            }
            if (Argon2id.paramsOf(user.passwordHash()).isEmpty()) {
                throw new IllegalStateException(store.file + ": user '" + user.name() + "': password_hash is not an "
                        + "Argon2id hash ($argon2id$v=19$m=..,t=..,p=..$salt$hash)");
            }
            if (store.users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalStateException(store.file + ": user '" + user.name() + "' appears twice");
            }
        }
        return store;
    }

    public Path file() {
        return file;
    }

    /** Whether the file exists: false before the first start has created the first administrator. */
    public boolean exists() {
        return Files.exists(file);
    }

    public synchronized Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** All users, by name. */
    public synchronized List<User> all() {
        return List.copyOf(users.values());
    }

    /** @throws IllegalArgumentException if a user of that name exists */
    public synchronized void add(User user) throws IOException {
        if (users.containsKey(user.name())) {
            throw new IllegalArgumentException("user '" + user.name() + "' exists already");
        }
        Map<String, User> next = new TreeMap<>(users);
        next.put(user.name(), user);
        persist(next);
    }

    /** Replaces the user of the same name. @throws IllegalArgumentException if there is none */
    public synchronized void replace(User user) throws IOException {
        if (!users.containsKey(user.name())) {
            throw new IllegalArgumentException("no user '" + user.name() + "'");
        }
        Map<String, User> next = new TreeMap<>(users);
        next.put(user.name(), user);
        persist(next);
    }

    /** Writes {@code next} to disk and only then takes it as the users: a failed write changes nothing. */
    private void persist(Map<String, User> next) throws IOException {
        List<Entry> entries = new ArrayList<>();
        next.values().forEach(user -> entries.add(Entry.of(user)));
        byte[] bytes = JSON.writeValueAsBytes(new FileForm(FORMAT, entries));
        DataFiles.writeAtomically(file, bytes);
        users.clear();
        users.putAll(next);
    }
}
