package io.github.b2bpack.webhook.retry;

import java.util.Locale;

/**
 * Life of one delivery (one event for one webhook), as Cryptr names it:
 * {@code available → executing → completed}, or {@code executing → retryable → executing …}
 * until {@code discarded} after the last attempt; {@code cancelled} by an operator or because the
 * webhook is gone or inactive.
 */
public enum DeliveryState {
    AVAILABLE,
    EXECUTING,
    RETRYABLE,
    COMPLETED,
    DISCARDED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code code} names no state. */
    public static DeliveryState fromCode(String code) {
        for (DeliveryState s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == DISCARDED || this == CANCELLED;
    }
}
