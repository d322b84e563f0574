package io.github.b2bpack.hibp.lookup;

import java.util.Locale;
import java.util.Optional;

/** What a check decides when no breach count could be obtained within the budget. */
public enum FailureMode {
    /** Accept the password: an outage of HIBP must not lock users out. */
    OPEN,
    /** Refuse the password (or the login) until the check works again. */
    CLOSED;

    /** {@code open} or {@code closed} (any case, spaces around ignored); empty for anything else. */
    public static Optional<FailureMode> find(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(OPEN);
            case "closed" -> Optional.of(CLOSED);
            default -> Optional.empty();
        };
    }

    /** @throws IllegalArgumentException for anything but {@code open} or {@code closed} */
    public static FailureMode parse(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("failure mode must be open or closed"));
    }
}
