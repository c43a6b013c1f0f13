package com.sicfurnace.controller.api;

import com.sicfurnace.controller.secret.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The HMI's service credential: a random token generated at the API's first start into a file readable by its owner
 * only, presented as {@code Authorization: Bearer <token>} on every call. Compared in constant time.
 */
final class ServiceToken {
    private static final String BEARER = "Bearer ";
    private final byte[] token;

    private ServiceToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The token in {@code file}, generated there first if there is none. */
    static ServiceToken of(Path file) {
        return new ServiceToken(SecretFiles.readOrGenerate(file).strip());
    }

    /** Whether an {@code Authorization} header (null if absent) carries this token. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, presented);
    }
}
