package io.github.b2bpack.org.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether an environment serves users: {@code up} when its realm exists and is enabled. */
public enum EnvironmentStatus {
    UP,
    DOWN;

    /** The name in the API's JSON and in the list's status filter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnvironmentStatus of(boolean up) {
        return up ? UP : DOWN;
    }

    /** The status a request names, compared exactly ({@code up}, {@code down}). */
    public static Optional<EnvironmentStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
