package com.sicfurnace.hmi.user;

import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.audit.HmiAction;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.data.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first start: with no users file there is no way in, and a fixed default password is how plants get broken into.
 * So the HMI creates the user {@value #NAME} with a random password, which the caller prints once, and keeps it in an
 * owner-only file {@value #PASSWORD_FILE} in the data directory until that password is changed.
 */
public final class InitialAdmin {
    public static final String NAME = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";

    private InitialAdmin() {
    }

    /** The generated password if this call created the first administrator; empty if there were users already. */
    public static Optional<String> ensure(UserStore users, Passwords passwords, HmiAudit audit, Path dataDir,
                                          Clock clock, SecureRandom random) throws IOException {
        if (users.exists()) {
            return Optional.empty();
        }
        String password = PasswordPolicy.generate(random);
        // the file first: a crash before the users file exists means a new first start, which writes it again
        DataFiles.writeAtomically(dataDir.resolve(PASSWORD_FILE), (password + "\n").getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        users.add(new User(NAME, Role.ADMIN, true, passwords.hash(password), now, now));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("user", NAME);
        after.put("role", Role.ADMIN.text());
        after.put("enabled", true);
        audit.record(HmiAudit.SYSTEM_USER, "", HmiAction.USER_CREATE, "first start", null, after, Outcome.DONE,
                "first start: created administrator " + NAME + " with a generated password (in " + PASSWORD_FILE
                        + " until it is changed)");
        return Optional.of(password);
    }
}
