package com.sicfurnace.simulator.opcua;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User name and password check against the configured users, logging every login and every refusal (Milo
 * answers a refusal with Bad_UserAccessDenied and logs nothing about it).
 */
final class PasswordValidator extends AbstractUsernameIdentityValidator {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordValidator.class);

    private final Map<String, String> users;

    PasswordValidator(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    protected Identity.UsernameIdentity authenticateUsernamePassword(Session session, String username,
                                                                     String password) {
        String expected = users.get(username);
        if (expected == null || !sameSecret(expected, password)) {
            LOG.warn("login refused: user '{}' ({}) from {} application {}", username,
                    expected == null ? "unknown user" : "wrong password", session.getClientAddress(),
                    session.getClientDescription().getApplicationUri());
            return null;
        }
        LOG.info("login: user '{}' from {} application {}", username, session.getClientAddress(),
                session.getClientDescription().getApplicationUri());
        return new DefaultUsernameIdentity(username);
    }

    // Constant-time comparison, so the answer time does not tell how much of a password was right.
    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
