package io.github.b2bpack.magiclink.limit;

/**
 * At most {@code limit} sends per {@code windowSeconds} for one subject. Each allowed send holds one of
 * {@code limit} slots for a whole window from its own time, so the window slides exactly: whoever wins a slot's
 * put-if-absent sends, and {@code limit + 1} requests at once cannot all win (the store decides, not a count read
 * earlier).
 */
public record SlotCap(String name, int limit, int windowSeconds) {

    public SlotCap {
        if (limit < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException(name + ": limit and window must be positive");
        }
    }

    /** Takes a free slot for {@code subject}; returns its key, or null when all are held. */
    public String claim(SlotStore store, String subject) {
        for (int i = 0; i < limit; i++) {
            String key = "b2bpack-ml:" + name + ":" + subject + ":" + i;
            if (store.claim(key, windowSeconds)) {
                return key;
            }
        }
        return null;
    }
}
