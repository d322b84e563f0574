package io.github.b2bpack.password.hashing.nativelib;

/**
 * The cost of one Argon2id hash: memory in KiB, passes over it, and lanes.
 *
 * @param memoryKiB   memory in KiB (Argon2's {@code m})
 * @param iterations  passes over the memory (Argon2's {@code t})
 * @param parallelism lanes, and threads used for one hash (Argon2's {@code p})
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {

    /** OWASP's second recommended argon2id setting (m=19 MiB, t=2, p=1). */
    public static final Argon2Cost DEFAULT = new Argon2Cost(19456, 2, 1);

    public static final int MIN_MEMORY_KIB = 1024;
    /** 1 GiB: above it one login would hold more native memory than a typical node should spare. */
    public static final int MAX_MEMORY_KIB = 1 << 20;

    public static final int MIN_ITERATIONS = 1;
    /** Keycloak's built-in argon2 treats a policy iteration count above 100 as a PBKDF2 leftover. */
    public static final int MAX_ITERATIONS = 100;

    public static final int MIN_PARALLELISM = 1;
    public static final int MAX_PARALLELISM = 16;

    /** The problem with these values as one sentence for an operator, or {@code null} when they are in range. */
    public String problem() {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
            return "memory must be between " + MIN_MEMORY_KIB + " and " + MAX_MEMORY_KIB + " KiB, got " + memoryKiB;
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            return "iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS + ", got " + iterations;
        }
        if (parallelism < MIN_PARALLELISM || parallelism > MAX_PARALLELISM) {
            return "parallelism must be between " + MIN_PARALLELISM + " and " + MAX_PARALLELISM + ", got "
                    + parallelism;
        }
        if (memoryKiB < 8 * parallelism) {
            return "memory must be at least 8 KiB per lane (" + 8 * parallelism + " KiB for parallelism " + parallelism
                    + ")";
        }
        return null;
    }

    public Argon2Cost withIterations(int newIterations) {
        return new Argon2Cost(memoryKiB, newIterations, parallelism);
    }
}
