package io.github.b2bpack.webhook.claim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code claim-strategy} option: a {@link ClaimStrategy} chosen from the database ({@link #AUTO}) or forced. */
public enum ClaimMode {
    AUTO("auto"),
    SKIP_LOCKED("skip-locked"),
    CONDITIONAL_UPDATE("conditional-update");

    private final String code;

    ClaimMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The mode an option value names (case and surrounding blanks ignored); a clear error for anything else. */
    public static ClaimMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ClaimMode mode : values()) {
            if (mode.code.equals(v)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("claim-strategy must be one of "
                + Arrays.stream(values()).map(ClaimMode::code).collect(Collectors.joining(", ")) + ", not '" + value
                + "'");
    }

    /** The strategy to use on a database described by its JDBC metadata. */
    public ClaimStrategy resolve(String productName, int major, int minor) {
        return switch (this) {
            case AUTO -> ClaimStrategy.forDatabase(productName, major, minor);
            case SKIP_LOCKED -> ClaimStrategy.SKIP_LOCKED;
            case CONDITIONAL_UPDATE -> ClaimStrategy.CONDITIONAL_UPDATE;
        };
    }
}
