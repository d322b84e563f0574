package io.github.b2bpack.sms.budget;

/**
 * At most {@code limit} sends per {@code windowSeconds} for one subject (a user, an IP address, a
 * destination number, a realm, the server). {@code name} says which cap refused a send.
 */
public record Cap(String name, int limit, long windowSeconds) {

    public Cap {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cap needs a name");
        }
        if (limit < 1) {
            throw new IllegalArgumentException(name + ": limit must be at least 1");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException(name + ": window must be at least 1 second");
        }
    }

    /**
     * Small caps use one slot per allowed send, each claimed for a whole window: a slot frees itself
     * exactly one window after its send, which is an exact sliding window. Large caps would need too
     * many probes for that, so they count in fixed windows instead.
     */
    public boolean sliding() {
        return limit <= SlotPlan.SLIDING_MAX;
    }
}
