package com.sicfurnace.hmi.user;

/**
 * The cost of an Argon2id hash: memory in KiB, passes over it, lanes, and the lengths of salt and hash in bytes.
 *
 * @param memoryKib   m, the memory each hash fills
 * @param iterations  t, the passes over it
 * @param parallelism p, the lanes
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {
    /**
     * OWASP's Password Storage Cheat Sheet's first Argon2id configuration: m = 19 MiB, t = 2, p = 1; a 16-byte salt
     * and a 32-byte hash. On this project's 2-core test machine one hash takes the time HmiPasswordHashTest prints.
     */
    public static final Argon2Params OWASP = new Argon2Params(19 * 1024, 2, 1, 16, 32);

    /** Bounds for parameters read back from a file: beyond them a tampered file could make each login a DoS. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1.." + MAX_PARALLELISM + ", not "
                    + parallelism);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                    + " KiB, not " + memoryKib);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be 1.." + MAX_ITERATIONS + ", not "
                    + iterations);
        }
        if (saltBytes < 8 || hashBytes < 16 || saltBytes > 64 || hashBytes > 64) {
            throw new IllegalArgumentException("Argon2 salt must be 8..64 bytes and hash 16..64 bytes");
        }
    }

    /** Whether a hash made with these parameters is weaker than one made with {@code target} in any respect. */
    public boolean weakerThan(Argon2Params target) {
        return memoryKib < target.memoryKib || iterations < target.iterations || hashBytes < target.hashBytes
                || saltBytes < target.saltBytes;
    }
}
