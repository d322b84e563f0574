package io.github.b2bpack.webhook.health;

import io.github.b2bpack.webhook.retry.DeliveryState;

/** What one recorded attempt says about its endpoint. */
public enum AttemptKind {
    /** A 2xx. */
    SUCCESS,
    /** A failed attempt that will be retried. */
    FAILED,
    /** A failed attempt after which its delivery is discarded. */
    DISCARDED,
    /** Says nothing about the receiver: not attempted, our own key problem, or a 410 (which deactivates anyway). */
    NOT_COUNTED;

    /** Error of an attempt that could not be signed: the server's problem, never the receiver's. */
    public static final String KEY_UNAVAILABLE = "signature_key_unavailable";

    /**
     * @param gone whether the receiver answered 410 Gone (its webhook is deactivated by that answer)
     */
    public static AttemptKind of(DeliveryState state, String error, boolean gone) {
        if (gone || KEY_UNAVAILABLE.equals(error)) {
            return NOT_COUNTED;
        }
        return switch (state) {
            case COMPLETED -> SUCCESS;
            case RETRYABLE -> FAILED;
            case DISCARDED -> DISCARDED;
            default -> NOT_COUNTED;
        };
    }

    public boolean isFailure() {
        return this == FAILED || this == DISCARDED;
    }
}
