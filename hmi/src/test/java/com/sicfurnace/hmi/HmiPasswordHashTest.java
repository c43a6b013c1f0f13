package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.user.Argon2Params;
import com.sicfurnace.hmi.user.Argon2id;
import com.sicfurnace.hmi.user.PasswordPolicy;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HmiPasswordHashTest {
    private final Argon2id hasher = new Argon2id(Argon2Params.OWASP, new SecureRandom());

    @Test
    void knownAnswerOfTheReferenceImplementation() {
        // the Argon2 reference implementation's test vector for Argon2id v1.3, t=2, m=2^16 KiB, p=1, "password",
        // salt "somesalt": it proves BouncyCastle's Argon2id and this PHC reading are the real thing
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(hasher.verify("password", reference));
        assertFalse(hasher.verify("Password", reference));
        assertFalse(hasher.verify("password", reference.replace("t=2", "t=3")), "parameters are part of the hash");
    }

    @Test
    void hashesWithOwaspParametersAndARandomSaltStoredWithTheHash() {
        long start = System.nanoTime();
        String hash = hasher.hash("correct horse battery");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("one Argon2id hash (m=19456 KiB, t=2, p=1) took " + millis + " ms");
        assertTrue(Pattern.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}",
                hash), hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a fresh salt each time");
        assertFalse(hasher.verify("correct horse battery", hash.substring(0, hash.length() - 2) + "AA"));
        assertFalse(hasher.verify("x", "not a hash"));
        assertFalse(hasher.needsRehash(hash));
    }

    @Test
    void aWeakerHashIsMarkedForRehashing() {
        Argon2id weak = new Argon2id(new Argon2Params(1024, 1, 1, 16, 32), new SecureRandom());
        String old = weak.hash("a password of old");
        assertTrue(hasher.verify("a password of old", old), "old hashes keep verifying with their own parameters");
        assertTrue(hasher.needsRehash(old));
        assertEquals(1024, Argon2id.paramsOf(old).orElseThrow().memoryKib());
    }

    @Test
    void parametersBeyondBoundsAreNotAHash() {
        // a tampered users file must not turn a login into a denial of service
        String huge = "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(Argon2id.paramsOf(huge).isEmpty());
        assertFalse(hasher.verify("password", huge));
    }

    @Test
    void policyAndGeneratedPasswords() {
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable("anna", "elevenchars"));
        PasswordPolicy.requireAcceptable("anna", "twelve chars");
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable("annabelle.ops",
                "ANNABELLE.OPS"));
        String generated = PasswordPolicy.generate(new SecureRandom());
        assertTrue(generated.length() >= 20, generated);
        assertTrue(generated.matches("[A-Za-z2-9]+"), generated);
        assertNotEquals(generated, PasswordPolicy.generate(new SecureRandom()));
    }
}
