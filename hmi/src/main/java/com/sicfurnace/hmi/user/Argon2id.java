package com.sicfurnace.hmi.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes with Argon2id (RFC 9106) by BouncyCastle's {@link Argon2BytesGenerator}, written in the PHC string
 * form that the reference implementation and most libraries read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in Base64 without padding). Each hash carries
 * its own parameters, so that they can be raised later: a hash weaker than the current parameters is
 * {@linkplain #needsRehash rehashed} at the user's next successful login.
 */
public final class Argon2id {
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})"
            + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final Argon2Params params;
    private final SecureRandom random;

    public Argon2id(Argon2Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    public Argon2Params params() {
        return params;
    }

    /** A new hash of the password with a fresh random salt, in PHC form. */
    public String hash(String password) {
        byte[] salt = new byte[params.saltBytes()];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password is the one hashed, by recomputing the hash with the stored salt and parameters and comparing
     * in constant time. A hash that is not a well-formed Argon2id PHC string never matches.
     */
    public boolean verify(String password, String phc) {
        Optional<Parsed> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        byte[] computed = derive(password, parsed.get().salt(), parsed.get().params());
        return MessageDigest.isEqual(computed, parsed.get().hash());
    }

    /** Whether the stored hash was made with weaker parameters than this hasher's (or cannot be read). */
    public boolean needsRehash(String phc) {
        return parse(phc).map(p -> p.params().weakerThan(params)).orElse(true);
    }

    /** The parameters a PHC string states, if it is a well-formed Argon2id hash within the accepted bounds. */
    public static Optional<Argon2Params> paramsOf(String phc) {
        return parse(phc).map(Parsed::params);
    }

    private record Parsed(Argon2Params params, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String phc) {
        if (phc == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            byte[] salt = B64_DECODE.decode(m.group(4));
            byte[] hash = B64_DECODE.decode(m.group(5));
            Argon2Params params = new Argon2Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), salt.length, hash.length);
            return Optional.of(new Parsed(params, salt, hash));
        } catch (IllegalArgumentException e) {
            // out of the accepted bounds or not Base64: not a hash this server made, so it matches no password
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, byte[] salt, Argon2Params params) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[params.hashBytes()];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
