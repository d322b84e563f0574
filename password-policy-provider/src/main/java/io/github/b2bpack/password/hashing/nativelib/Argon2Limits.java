package io.github.b2bpack.password.hashing.nativelib;

/**
 * The most a stored {@code argon2-native} credential, or a realm's {@code hashIterations(n)}, may ask
 * this server to compute. Why on top of {@link Argon2Cost}'s absolute ranges: those admit 1 GiB and 100
 * passes, and a credential chooses its own cost, so an imported one (a tenant admin's import, a crafted
 * realm file) could make every login attempt, wrong password included, cost seconds of CPU and GiBs of
 * native memory. Credentials above these maxima are refused without being computed.
 *
 * @param maxMemoryKiB   highest {@code m} in KiB
 * @param maxIterations  highest {@code t}
 * @param maxParallelism highest {@code p}
 */
public record Argon2Limits(int maxMemoryKiB, int maxIterations, int maxParallelism) {

    /** Default memory maximum: this many times the configured memory. */
    public static final int MEMORY_FACTOR = 4;

    public static final int DEFAULT_MAX_ITERATIONS = 10;
    public static final int DEFAULT_MAX_PARALLELISM = 4;

    /** Defaults for a configured cost: 4x its memory, 10 passes, 4 lanes, and never below the cost itself. */
    public static Argon2Limits defaultsFor(Argon2Cost configured) {
        return new Argon2Limits(
                (int) Math.min(Argon2Cost.MAX_MEMORY_KIB, (long) MEMORY_FACTOR * configured.memoryKiB()),
                Math.max(DEFAULT_MAX_ITERATIONS, configured.iterations()),
                Math.max(DEFAULT_MAX_PARALLELISM, configured.parallelism()));
    }

    /**
     * Why these maxima cannot be used with the configured cost, as one sentence for an operator, or
     * {@code null}: each must lie in {@link Argon2Cost}'s range and admit the server's own hashes.
     */
    public String problemWith(Argon2Cost configured) {
        if (maxMemoryKiB < configured.memoryKiB() || maxMemoryKiB > Argon2Cost.MAX_MEMORY_KIB) {
            return "max-memory must be between the configured memory " + configured.memoryKiB() + " and "
                    + Argon2Cost.MAX_MEMORY_KIB + " KiB, got " + maxMemoryKiB;
        }
        if (maxIterations < configured.iterations() || maxIterations > Argon2Cost.MAX_ITERATIONS) {
            return "max-iterations must be between the configured iterations " + configured.iterations() + " and "
                    + Argon2Cost.MAX_ITERATIONS + ", got " + maxIterations;
        }
        if (maxParallelism < configured.parallelism() || maxParallelism > Argon2Cost.MAX_PARALLELISM) {
            return "max-parallelism must be between the configured parallelism " + configured.parallelism() + " and "
                    + Argon2Cost.MAX_PARALLELISM + ", got " + maxParallelism;
        }
        return null;
    }

    /** The first maximum this cost exceeds, named with its option (no secret in it), or {@code null}. */
    public String exceededBy(Argon2Cost cost) {
        if (cost.memoryKiB() > maxMemoryKiB) {
            return "memory " + cost.memoryKiB() + " KiB > max-memory " + maxMemoryKiB;
        }
        if (cost.iterations() > maxIterations) {
            return "iterations " + cost.iterations() + " > max-iterations " + maxIterations;
        }
        if (cost.parallelism() > maxParallelism) {
            return "parallelism " + cost.parallelism() + " > max-parallelism " + maxParallelism;
        }
        return null;
    }

    /** A realm policy's pass count, brought down to the maximum. */
    public int clampIterations(int iterations) {
        return Math.min(iterations, maxIterations);
    }
}
