package io.github.b2bpack.org.model;

/**
 * The environment statuses a create or update asks for; null where the request leaves an environment out
 * (on create: production up, sandbox down; on update: unchanged).
 */
public record EnvironmentStatuses(EnvironmentStatus production, EnvironmentStatus sandbox) {

    /** A request that names no environment. */
    public static final EnvironmentStatuses NONE = new EnvironmentStatuses(null, null);

    /** Whether {@code environment} is to be up, or {@code otherwise} when the request leaves it out. */
    public boolean up(Environment environment, boolean otherwise) {
        EnvironmentStatus asked = environment == Environment.PRODUCTION ? production : sandbox;
        return asked == null ? otherwise : asked == EnvironmentStatus.UP;
    }
}
