package com.sicfurnace.controller.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the northbound API listens and how it is secured. Bound to loopback it serves plain HTTP; bound to any other
 * address it serves HTTPS only, with the configured key store or a self-signed certificate made at first start in
 * {@code dir}. Every call needs the service token kept in {@code dir/token} (generated at first start, readable by
 * its owner only): the HMI reads it from there.
 *
 * @param port                 0 for any free port (the server says which)
 * @param keyStore             a PKCS#12 key store with the server's key and certificate, instead of a generated one
 * @param keyStorePasswordFile the key store's password, in a file readable by its owner only
 * @param recipesDir           the recipes an operator may load before the start; without, the directory of the
 *                             recipe the controller started with
 */
public record ApiSettings(boolean enabled, String bind, int port, Path dir, Optional<Path> keyStore,
                          Optional<Path> keyStorePasswordFile, Optional<Path> recipesDir) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9480;
    public static final ApiSettings OFF = new ApiSettings(false, DEFAULT_BIND, DEFAULT_PORT, Path.of("var", "api"),
            Optional.empty(), Optional.empty(), Optional.empty());

    public ApiSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePasswordFile, "keyStorePasswordFile");
        Objects.requireNonNull(recipesDir, "recipesDir");
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("api: bind must be a host name or address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("api: port must be 0..65535, not " + port);
        }
        if (keyStore.isPresent() != keyStorePasswordFile.isPresent()) {
            throw new IllegalArgumentException("api: key_store and key_store_password_file go together");
        }
    }

    /** On the API's defaults, listening on loopback, with its files in {@code dir}. */
    public static ApiSettings local(int port, Path dir) {
        return new ApiSettings(true, DEFAULT_BIND, port, dir, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Anything but loopback is reached from other machines: HTTPS only. */
    public boolean tls() {
        try {
            return !InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("api: cannot resolve bind address '" + bind + "'", e);
        }
    }

    public Path tokenFile() {
        return dir.resolve("token");
    }
}
