package io.github.b2bpack.hibp.lookup;

import java.util.Locale;

/** What a check decides when no breach count could be obtained within the budget. */
public enum FailureMode {
    /** Accept the password: an outage of HIBP must not lock users out. */
    OPEN,
    /** Refuse the password (or the login) until the check works again. */
    CLOSED;

    public static FailureMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> OPEN;
            case "closed" -> CLOSED;
            default -> throw new IllegalArgumentException("failure mode must be open or closed");
        };
    }
}
